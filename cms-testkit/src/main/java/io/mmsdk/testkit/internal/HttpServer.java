package io.mmsdk.testkit.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import javax.net.ssl.SSLSocketFactory;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;

/**
 * Not API. The one adapter between the simulator's handlers ({@link Request} in, {@link Reply} out)
 * and the HTTP server library (OkHttp's mockwebserver3), bound to the loopback address.
 */
final class HttpServer implements AutoCloseable {
  private final MockWebServer server = new MockWebServer();

  private HttpServer() {}

  /**
   * Starts serving {@code handler} on 127.0.0.1:{@code port} ({@code 0} picks a free port), over TLS
   * when {@code tls} is not null.
   */
  static HttpServer start(int port, SSLSocketFactory tls, Function<Request, Reply> handler)
      throws IOException {
    HttpServer s = new HttpServer();
    s.server.setServerSocketFactory(new ReusableServerSockets());
    if (tls != null) {
      s.server.useHttps(tls);
    }
    s.server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest recorded) throws InterruptedException {
        // mockwebserver3 queues every request for takeRequest(), which nothing here calls: take one
        // off per request served, so a long-lived simulator keeps none of them.
        s.server.takeRequest(0, TimeUnit.NANOSECONDS);
        return toMockResponse(handler.apply(toRequest(recorded)));
      }
    });
    s.server.start(InetAddress.getByName("127.0.0.1"), port);
    return s;
  }

  /** Returns the bound port. */
  int port() {
    return server.getPort();
  }

  private static Request toRequest(RecordedRequest r) {
    Map<String, String> headers = new LinkedHashMap<>();
    for (String name : r.getHeaders().names()) {
      headers.put(name, r.getHeaders().get(name));
    }
    String body = r.getBody() == null ? "" : r.getBody().string(StandardCharsets.UTF_8);
    return new Request(r.getMethod(), r.getTarget(), headers, body);
  }

  private static MockResponse toMockResponse(Reply reply) {
    if (reply.afterSent != null) {
      throw new IllegalStateException("mockwebserver3 cannot run work after a reply is written");
    }
    MockResponse.Builder b = new MockResponse.Builder();
    if (reply.disconnect) {
      return b.onResponseStart(new SocketEffect.CloseSocket()).build();
    }
    if (reply.webSocket != null) {
      return b.webSocketUpgrade(reply.webSocket).build();
    }
    b.code(reply.status);
    reply.headers.forEach(b::setHeader);
    if (!reply.body.isEmpty()) {
      b.body(reply.body);
    }
    if (!reply.headersDelay.isZero()) {
      b.headersDelay(reply.headersDelay.toNanos(), TimeUnit.NANOSECONDS);
    }
    return b.build();
  }

  /** Stops accepting and closes open connections. */
  @Override
  public void close() {
    server.close();
  }
}
