package io.mmsdk.testkit.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * Not API. The HTTP server of the standalone simulator's control endpoint (the JDK's
 * {@code com.sun.net.httpserver}, loopback only). Unlike the bridges' {@link HttpServer} it runs a
 * reply's {@link Reply#afterSent(Runnable)} action once the reply is written, so
 * {@code POST /shutdown} answers before the simulator stops.
 */
public final class ControlServer implements AutoCloseable {
  private final com.sun.net.httpserver.HttpServer server;
  private final ExecutorService executor;

  private ControlServer(com.sun.net.httpserver.HttpServer server, ExecutorService executor) {
    this.server = server;
    this.executor = executor;
  }

  /** Starts serving {@code handler} on 127.0.0.1:{@code port} ({@code 0} picks a free port). */
  public static ControlServer start(int port, Function<Request, Reply> handler) throws IOException {
    com.sun.net.httpserver.HttpServer server = com.sun.net.httpserver.HttpServer.create(
        new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
    ExecutorService executor = Executors.newFixedThreadPool(2, r -> {
      Thread t = new Thread(r, "cms-testkit-control");
      t.setDaemon(true);
      return t;
    });
    server.setExecutor(executor);
    server.createContext("/", exchange -> {
      Reply reply;
      try (exchange) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> h : exchange.getRequestHeaders().entrySet()) {
          headers.put(h.getKey(), h.getValue().get(h.getValue().size() - 1));
        }
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        reply = handler.apply(new Request(exchange.getRequestMethod(),
            exchange.getRequestURI().getRawPath()
                + (exchange.getRequestURI().getRawQuery() == null ? ""
                    : "?" + exchange.getRequestURI().getRawQuery()), headers, body));
        reply.headers.forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        byte[] bytes = reply.body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(reply.status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(bytes);
        }
      }
      if (reply.afterSent != null) {
        reply.afterSent.run();
      }
    });
    server.start();
    return new ControlServer(server, executor);
  }

  /** Returns the bound port. */
  public int port() {
    return server.getAddress().getPort();
  }

  /** Stops accepting; exchanges in progress get a second to finish. */
  @Override
  public void close() {
    server.stop(1);
    executor.shutdownNow();
  }
}
