package io.mmsdk.cms.events;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import io.mmsdk.cms.internal.EventsEndpoint;
import io.mmsdk.common.MmSdkException;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import okio.ByteString;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One self-healing Events API connection. All listener callbacks and all reconnect work run on
 * one scheduler thread, in order; acknowledgements are sent from the socket's reader thread before
 * the callback is queued, so a slow listener never delays an ack.
 */
final class EventsConnection {
  private static final Logger LOG = LoggerFactory.getLogger(EventsConnection.class);
  private static final JsonAdapter<Object> JSON = new Moshi.Builder().build().adapter(Object.class);

  private final EventsEndpoint client;
  private final OkHttpClient http;
  private final CmsEventListener listener;
  private final Duration minBackoff;
  private final Duration maxBackoff;
  private final MessageSizeLimit sizeLimit;
  private final ScheduledExecutorService scheduler;
  private final AtomicBoolean started = new AtomicBoolean();
  private final AtomicBoolean closed = new AtomicBoolean();
  private final AtomicLong messageIds = new AtomicLong();

  // Guarded by running only on the scheduler thread, except the volatile fields read elsewhere.
  private volatile List<Subscription> subscriptions;
  private volatile WebSocket socket;
  private volatile boolean connected;
  private long generation;
  private int failedAttempts;
  private boolean everConnected;
  private boolean inGap;

  /** Creates a connection; nothing happens until {@link #start()}. */
  public EventsConnection(
      EventsEndpoint client,
      CmsEventListener listener,
      List<Subscription> subscriptions,
      Duration minBackoff,
      Duration maxBackoff,
      long maxMessageSize) {
    this.client = client;
    this.sizeLimit = new MessageSizeLimit(maxMessageSize);
    // A WebSocket stays idle between events; the REST read timeout must not end it. (The REST call
    // timeout bounds only the upgrade: OkHttp ends it once the socket is open.)
    OkHttpClient.Builder builder = client.http().newBuilder().readTimeout(Duration.ZERO);
    sizeLimit.apply(builder, client.http().socketFactory());
    this.http = builder.build();
    this.listener = listener;
    this.subscriptions = subscriptions;
    this.minBackoff = minBackoff;
    this.maxBackoff = maxBackoff;
    this.scheduler =
        Executors.newSingleThreadScheduledExecutor(r -> {
          Thread t = new Thread(r, "cms-events-" + client.apiBase().getHost());
          t.setDaemon(true);
          return t;
        });
  }

  /** Connects in the background once. */
  public void start() {
    if (started.compareAndSet(false, true)) {
      run(this::connect);
    }
  }

  /** Replaces the subscription set and sends it if connected. */
  public void subscribe(List<Subscription> newSubscriptions) {
    this.subscriptions = newSubscriptions;
    run(() -> {
      WebSocket ws = socket;
      if (connected && ws != null) {
        sendSubscriptions(ws);
      }
    });
  }

  /** Returns whether the socket is open. */
  public boolean isConnected() {
    return connected;
  }

  /** Closes the socket and stops the thread. */
  public void close() {
    if (closed.compareAndSet(false, true)) {
      connected = false;
      WebSocket ws = socket;
      if (ws != null) {
        ws.close(1000, "client closed");
      }
      scheduler.shutdownNow();
    }
  }

  private void run(Runnable task) {
    try {
      scheduler.execute(() -> {
        if (!closed.get()) {
          try {
            task.run();
          } catch (RuntimeException e) {
            // A throwing listener must not stop acknowledgements, dispatch or reconnects.
            LOG.warn("events: a listener callback threw; the connection carries on", e);
          } catch (Error e) {
            // The executor would swallow it without a trace; say so, and keep the thread serving.
            LOG.error("events: a listener callback threw {}; the connection carries on", e, e);
          }
        }
      });
    } catch (RejectedExecutionException afterClose) {
      LOG.trace("events task dropped after close");
    }
  }

  private void connect() {
    String token;
    try {
      token = client.newAuthToken();
    } catch (RuntimeException e) {
      scheduleReconnect();
      listener.onError(e instanceof MmSdkException m ? m
          : new MmSdkException("events: the token request to " + client.apiBase().getHost() + " failed: " + e, e));
      return;
    }
    long gen = ++generation;
    sizeLimit.reset();
    Request request = new Request.Builder().url(client.eventsUrl(token)).build();
    socket = http.newWebSocket(request, new SocketListener(gen));
  }

  private void scheduleReconnect() {
    if (closed.get()) {
      return;
    }
    long delay = minBackoff.toNanos();
    for (int i = 0; i < failedAttempts && delay < maxBackoff.toNanos(); i++) {
      delay *= 2;
    }
    delay = Math.min(delay, maxBackoff.toNanos());
    failedAttempts++;
    LOG.debug("events: reconnecting to {} in {} ms", client.apiBase().getHost(), delay / 1_000_000);
    try {
      scheduler.schedule(this::connect, delay, TimeUnit.NANOSECONDS);
    } catch (RejectedExecutionException afterClose) {
      LOG.trace("events reconnect dropped after close");
    }
  }

  private void sendSubscriptions(WebSocket ws) {
    List<Object> subs = new ArrayList<>();
    for (Subscription s : subscriptions) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("index", s.index());
      entry.put("type", s.type().wireName());
      if (!s.call().isEmpty()) {
        entry.put("call", s.call());
      }
      entry.put("elements", s.elements());
      subs.add(entry);
    }
    Map<String, Object> message = new LinkedHashMap<>();
    message.put("messageId", messageIds.incrementAndGet());
    message.put("type", "subscribeRequest");
    message.put("subscriptions", subs);
    ws.send(JSON.toJson(Map.of("type", "message", "message", message)));
  }

  private void onOpen(long gen, WebSocket ws) {
    if (gen != generation) {
      return;
    }
    connected = true;
    failedAttempts = 0;
    sendSubscriptions(ws);
    if (!everConnected) {
      everConnected = true;
      listener.onConnected();
    } else if (inGap) {
      inGap = false;
      listener.onReconnected();
    }
  }

  private void onDrop(long gen, String reason) {
    if (gen != generation || closed.get()) {
      return;
    }
    connected = false;
    socket = null;
    if (!everConnected) {
      listener.onError(new MmSdkException("events: could not open the WebSocket to "
          + client.apiBase().getHost() + " (" + reason + "); retrying. Check that the Events API is "
          + "reachable on the same port as the REST API."));
    } else if (!inGap) {
      inGap = true;
      listener.onGap(new EventGap(client.clock().instant(), reason));
    }
    scheduleReconnect();
  }

  @SuppressWarnings("unchecked")
  private void dispatch(Map<String, Object> message) {
    String type = String.valueOf(message.get("type"));
    int index = number(message.get("subscriptionIndex"));
    switch (type) {
      case "callListUpdate" -> listener.onCallListUpdate(new CallListUpdate(index, updates(message, "call")));
      case "rosterUpdate" -> listener.onRosterUpdate(new RosterUpdate(index, updates(message, "participant")));
      case "callInfoUpdate" -> {
        Object info = message.get("callInfo");
        listener.onCallInfoUpdate(new CallInfoUpdate(index, info instanceof Map<?, ?> m ? texts((Map<String, Object>) m, "") : Map.of()));
      }
      case "subscriptionUpdate" -> {
        Map<Integer, String> states = new LinkedHashMap<>();
        if (message.get("subscriptions") instanceof List<?> list) {
          for (Object o : list) {
            if (o instanceof Map<?, ?> m) {
              states.put(number(m.get("index")), String.valueOf(m.get("state")));
            }
          }
        }
        listener.onSubscriptionUpdate(new SubscriptionUpdate(states));
      }
      default -> LOG.debug("events: ignoring message type {}", type);
    }
  }

  @SuppressWarnings("unchecked")
  private static List<EventUpdate> updates(Map<String, Object> message, String idKey) {
    List<EventUpdate> out = new ArrayList<>();
    if (message.get("updates") instanceof List<?> list) {
      for (Object o : list) {
        if (o instanceof Map<?, ?> m) {
          Map<String, Object> update = (Map<String, Object>) m;
          out.add(new EventUpdate(
              String.valueOf(update.getOrDefault(idKey, "")),
              String.valueOf(update.getOrDefault("updateType", "")),
              texts(update, idKey)));
        }
      }
    }
    return out;
  }

  private static Map<String, String> texts(Map<String, Object> map, String skip) {
    Map<String, String> out = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : map.entrySet()) {
      if (e.getKey().equals(skip) || e.getKey().equals("updateType") || e.getValue() == null) {
        continue;
      }
      out.put(e.getKey(), text(e.getValue()));
    }
    return out;
  }

  private static String text(Object value) {
    if (value instanceof Double d && d == Math.rint(d) && !d.isInfinite()) {
      return Long.toString(d.longValue());
    }
    if (value instanceof Map<?, ?> || value instanceof List<?>) {
      return JSON.toJson(value);
    }
    return String.valueOf(value);
  }

  private static boolean causedBy(Throwable t, Class<? extends Throwable> type) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (type.isInstance(c)) {
        return true;
      }
    }
    return false;
  }

  private static int number(Object value) {
    return value instanceof Number n ? n.intValue() : -1;
  }

  private final class SocketListener extends WebSocketListener {
    private final long gen;

    SocketListener(long gen) {
      this.gen = gen;
    }

    @Override
    public void onOpen(WebSocket webSocket, Response response) {
      sizeLimit.reset();
      run(() -> EventsConnection.this.onOpen(gen, webSocket));
    }

    @Override
    public void onMessage(WebSocket webSocket, ByteString bytes) {
      sizeLimit.reset();
      rejected("is binary, not a JSON text message", null);
    }

    @Override
    @SuppressWarnings("unchecked")
    public void onMessage(WebSocket webSocket, String text) {
      sizeLimit.reset();
      if (text.length() > sizeLimit.limit()) {
        // Reached only with a caller's own socket factory, which the byte count cannot wrap.
        rejected("has " + text.length() + " characters, over the limit of " + sizeLimit.limit() + " bytes. "
            + "Raise CmsEventsClient.builder(...).maxMessageSize(bytes) if the server legitimately sends larger ones", null);
        return;
      }
      Object parsed;
      try {
        parsed = JSON.fromJson(text);
      } catch (IOException | RuntimeException e) {
        rejected("is not JSON (" + e.getMessage() + ")", e);
        return;
      }
      if (!(parsed instanceof Map<?, ?>)) {
        rejected("is not a JSON object: " + (text.length() > 100 ? text.substring(0, 100) + "..." : text), null);
        return;
      }
      Map<String, Object> envelope = (Map<String, Object>) parsed;
      Object type = envelope.get("type");
      if ("message".equals(type) && envelope.get("message") instanceof Map<?, ?> m) {
        Map<String, Object> message = (Map<String, Object>) m;
        Object id = message.get("messageId");
        long messageId = id instanceof Number n ? n.longValue() : -1;
        // Ack first: the server stops sending to a client that does not acknowledge promptly.
        webSocket.send(JSON.toJson(Map.of("type", "messageAck",
            "messageAck", Map.of("messageId", messageId, "status", "success"))));
        run(() -> dispatch(message));
      } else if ("messageAck".equals(type) && envelope.get("messageAck") instanceof Map<?, ?> ack) {
        Object status = ack.get("status");
        if (!"success".equals(status)) {
          run(() -> listener.onError(new MmSdkException("events: the server did not accept message "
              + text(ack.get("messageId")) + " (status " + status + "); check the subscription call ids and elements")));
        }
      }
    }

    @Override
    public void onClosing(WebSocket webSocket, int code, String reason) {
      webSocket.close(1000, null);
    }

    @Override
    public void onClosed(WebSocket webSocket, int code, String reason) {
      run(() -> onDrop(gen, "closed by server (" + code + (reason.isEmpty() ? "" : " " + reason) + ")"));
    }

    @Override
    public void onFailure(WebSocket webSocket, Throwable t, Response response) {
      String why = response != null ? "HTTP " + response.code() + " on upgrade" : String.valueOf(t);
      if (sizeLimit.tripped() || causedBy(t, MessageSizeLimit.TooLarge.class)) {
        run(() -> listener.onError(new CmsEventMessageException("events: a message from "
            + client.apiBase().getHost() + " is larger than the limit of " + sizeLimit.limit() + " bytes; "
            + "the connection was dropped and is re-opened. Raise CmsEventsClient.builder(...).maxMessageSize(bytes) "
            + "if the server legitimately sends larger messages.", t)));
      }
      run(() -> onDrop(gen, why));
    }

    private void rejected(String what, Throwable cause) {
      run(() -> listener.onError(new CmsEventMessageException(
          "events: a message from " + client.apiBase().getHost() + " " + what + "; it was skipped.", cause)));
    }
  }
}
