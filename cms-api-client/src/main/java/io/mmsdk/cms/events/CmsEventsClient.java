package io.mmsdk.cms.events;

import static java.util.Objects.requireNonNull;

import io.mmsdk.cms.CmsClient;
import io.mmsdk.cms.internal.EventsEndpoint;
import java.time.Duration;
import java.util.List;

/**
 * A connection to one Call Bridge's Events API. It asks for a token
 * ({@code POST /api/v1/authTokens}), opens {@code wss://host:port/events/v1?authToken=...}
 * ({@code ws://} when the client's base URL is http), sends the subscriptions, and acknowledges
 * every server message at once. After any drop it tells the listener ({@code onGap}), reconnects
 * with a fresh token after a capped exponential backoff, re-subscribes and calls
 * {@code onReconnected}.
 *
 * <p>Thread-safe. Owns one thread; {@link #close()} stops it. Does not close the {@link CmsClient}.
 *
 * <pre>{@code
 * try (CmsEventsClient events = CmsEventsClient.builder(cms)
 *     .subscriptions(List.of(Subscription.calls(1, Subscription.CALL_ELEMENTS)))
 *     .listener(myListener)
 *     .build()) {
 *   events.start();
 *   ...
 * }
 * }</pre>
 */
public final class CmsEventsClient implements AutoCloseable {
  private final EventsConnection connection;

  private CmsEventsClient(Builder b) {
    this.connection =
        new EventsConnection(b.client, b.listener, b.subscriptions, b.minBackoff, b.maxBackoff, b.maxMessageSize);
  }

  /**
   * {@return a builder for events of the server {@code client} talks to} The client provides the
   * address, credentials, TLS trust and clock.
   *
   * @param client a client built by {@link CmsClient#builder()}; not closed by the events client
   * @throws IllegalArgumentException if {@code client} was not built by {@link CmsClient#builder()}
   */
  public static Builder builder(CmsClient client) {
    requireNonNull(client, "client == null");
    if (!(client instanceof EventsEndpoint endpoint)) {
      throw new IllegalArgumentException("client must come from CmsClient.builder(), not " + client.getClass());
    }
    return new Builder(endpoint);
  }

  /** Connects in the background. Calling it again has no effect. */
  public void start() {
    connection.start();
  }

  /**
   * Replaces the whole subscription set (the server treats each {@code subscribeRequest} as the
   * complete set) and sends it now if connected; it is re-sent after every reconnect.
   *
   * @param subscriptions the complete set of subscriptions; an empty list unsubscribes from all
   */
  public void subscribe(List<Subscription> subscriptions) {
    connection.subscribe(List.copyOf(requireNonNull(subscriptions, "subscriptions == null")));
  }

  /** {@return whether the WebSocket is open now} */
  public boolean isConnected() {
    return connection.isConnected();
  }

  /** Closes the WebSocket and stops reconnecting. Idempotent. */
  @Override
  public void close() {
    connection.close();
  }

  /** Builds a {@link CmsEventsClient}. */
  public static final class Builder {
    /** The default {@link #maxMessageSize(long)}: 4 MiB, far above a large call's roster update. */
    public static final long DEFAULT_MAX_MESSAGE_SIZE = 4L << 20;

    private final EventsEndpoint client;
    private CmsEventListener listener;
    private List<Subscription> subscriptions = List.of();
    private Duration minBackoff = Duration.ofSeconds(1);
    private Duration maxBackoff = Duration.ofSeconds(60);
    private long maxMessageSize = DEFAULT_MAX_MESSAGE_SIZE;

    private Builder(EventsEndpoint client) {
      this.client = client;
    }

    /**
     * Sets the listener (required).
     *
     * @param listener receives updates, gaps and errors; not null
     * @return this builder
     */
    public Builder listener(CmsEventListener listener) {
      this.listener = requireNonNull(listener, "listener == null");
      return this;
    }

    /**
     * Sets the initial subscriptions (default none).
     *
     * @param subscriptions the subscriptions to send on connecting
     * @return this builder
     */
    public Builder subscriptions(List<Subscription> subscriptions) {
      this.subscriptions = List.copyOf(requireNonNull(subscriptions, "subscriptions == null"));
      return this;
    }

    /**
     * Sets the reconnect backoff: the first retry waits {@code min}, each further one doubles, up
     * to {@code max} (defaults 1 s and 60 s).
     *
     * @param min the first retry's wait; positive
     * @param max the longest wait; not less than {@code min}
     * @return this builder
     */
    public Builder reconnectBackoff(Duration min, Duration max) {
      requireNonNull(min, "min == null");
      requireNonNull(max, "max == null");
      if (min.isNegative() || min.isZero() || max.compareTo(min) < 0) {
        throw new IllegalArgumentException(
            "reconnectBackoff " + min + ".." + max + " invalid; expected 0 < min <= max");
      }
      this.minBackoff = min;
      this.maxBackoff = max;
      return this;
    }

    /**
     * Sets the largest message read, in bytes (default {@value #DEFAULT_MAX_MESSAGE_SIZE}, 4 MiB).
     * The socket stops reading once more than this arrives without completing a message: the
     * listener gets a {@link CmsEventMessageException} naming the limit, then an {@link EventGap},
     * and the client reconnects. Compression is never negotiated, so the bytes on the wire bound
     * the message. With a shared OkHttpClient that has its own socket factory, only the delivered
     * text is checked.
     *
     * @param bytes the largest message read, in bytes
     * @return this builder
     * @throws IllegalArgumentException if {@code bytes} is not positive
     */
    public Builder maxMessageSize(long bytes) {
      if (bytes < 1) {
        throw new IllegalArgumentException("maxMessageSize is " + bytes + "; expected a positive number of bytes");
      }
      this.maxMessageSize = bytes;
      return this;
    }

    /**
     * {@return the client, not yet connected; call {@link CmsEventsClient#start()}}
     *
     * @throws IllegalStateException if no listener was set
     */
    public CmsEventsClient build() {
      if (listener == null) {
        throw new IllegalStateException("listener is missing; call listener(...)");
      }
      return new CmsEventsClient(this);
    }
  }
}
