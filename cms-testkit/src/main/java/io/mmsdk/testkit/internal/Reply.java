package io.mmsdk.testkit.internal;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import okhttp3.WebSocketListener;

/**
 * Not API. What a simulator handler answers to one HTTP request: a status with headers and body, a
 * dropped connection, or a WebSocket upgrade. Only {@link HttpServer} turns it into bytes, so the
 * handlers do not know which HTTP server library carries them.
 */
public final class Reply {
  /** The status code; 0 for {@link #disconnect()}, 101 for a WebSocket upgrade. */
  public final int status;
  /** The headers to send. */
  public final Map<String, String> headers;
  /** The body to send, empty for none. */
  public final String body;
  /** Whether to close the connection without answering. */
  public final boolean disconnect;
  /** The listener of a WebSocket upgrade, or null. */
  public final WebSocketListener webSocket;
  /** How long to wait before sending the headers. */
  public final Duration headersDelay;
  /** What to run once the reply is written, or null. */
  public final Runnable afterSent;

  private Reply(int status, Map<String, String> headers, String body, boolean disconnect,
      WebSocketListener webSocket, Duration headersDelay) {
    this(status, headers, body, disconnect, webSocket, headersDelay, null);
  }

  private Reply(int status, Map<String, String> headers, String body, boolean disconnect,
      WebSocketListener webSocket, Duration headersDelay, Runnable afterSent) {
    this.status = status;
    this.headers = Map.copyOf(headers);
    this.body = body;
    this.disconnect = disconnect;
    this.webSocket = webSocket;
    this.headersDelay = headersDelay;
    this.afterSent = afterSent;
  }

  /** A reply with {@code status}, no headers and an empty body. */
  public static Reply status(int status) {
    return new Reply(status, Map.of(), "", false, null, Duration.ZERO);
  }

  /** Reads the request, then closes the connection without answering. */
  public static Reply disconnect() {
    return new Reply(0, Map.of(), "", true, null, Duration.ZERO);
  }

  /** Upgrades the connection to a WebSocket served by {@code listener}. */
  public static Reply webSocket(WebSocketListener listener) {
    return new Reply(101, Map.of(), "", false, Objects.requireNonNull(listener), Duration.ZERO);
  }

  /** Returns this reply with header {@code name} set to {@code value}. */
  public Reply header(String name, String value) {
    Map<String, String> h = new LinkedHashMap<>(headers);
    h.put(name, value);
    return new Reply(status, h, body, disconnect, webSocket, headersDelay, afterSent);
  }

  /** Returns this reply with {@code body}. */
  public Reply body(String body) {
    return new Reply(status, headers, body, disconnect, webSocket, headersDelay, afterSent);
  }

  /** Returns this reply sent only after {@code delay} (injected latency). */
  public Reply delayed(Duration delay) {
    return new Reply(status, headers, body, disconnect, webSocket, delay, afterSent);
  }

  /**
   * Returns this reply with {@code action} run once it has been written completely (the control
   * endpoint's {@code POST /shutdown}). Only {@link ControlServer} runs such actions; the bridges'
   * {@link HttpServer} refuses replies that carry one.
   */
  public Reply afterSent(Runnable action) {
    return new Reply(status, headers, body, disconnect, webSocket, headersDelay,
        Objects.requireNonNull(action));
  }
}
