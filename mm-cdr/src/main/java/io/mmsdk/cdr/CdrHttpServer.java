package io.mmsdk.cdr;

import static java.util.Objects.requireNonNull;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;

/**
 * An embedded HTTP or HTTPS endpoint for CDR POSTs on the JDK's built-in server, delegating to a
 * {@link CdrHandler}. Keep-alive connections are supported, so a Call Bridge can send many batches
 * on one connection. A 200 has an empty body; other statuses carry the reason as plain text. Starts listening on {@link Builder#start()}; {@link #close()} stops it.
 */
public final class CdrHttpServer implements AutoCloseable {
  private final HttpServer server;
  private final ExecutorService executor;
  private final String path;
  private final boolean https;

  private CdrHttpServer(Builder b) throws IOException {
    this.path = b.path;
    this.https = b.sslContext != null;
    if (https) {
      HttpsServer s = HttpsServer.create(b.address, 64);
      s.setHttpsConfigurator(new HttpsConfigurator(b.sslContext));
      server = s;
    } else {
      server = HttpServer.create(b.address, 64);
    }
    AtomicInteger n = new AtomicInteger();
    executor = Executors.newFixedThreadPool(b.threads, r -> {
      Thread t = new Thread(r, "cdr-http-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    server.setExecutor(executor);
    CdrHandler handler = b.handler;
    server.createContext(path, exchange -> serve(handler, exchange));
    server.start();
  }

  /** {@return a builder} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * {@return the URI to register on Call Bridges (without tags or token), for example
   * {@code http://127.0.0.1:39461/cdr}} Add {@code ?cluster=<id>} (and {@code &token=...}).
   */
  public URI uri() {
    InetSocketAddress a = server.getAddress();
    String host = a.getAddress().isAnyLocalAddress()
        ? InetAddress.getLoopbackAddress().getHostAddress()
        : a.getAddress().getHostAddress();
    if (host.contains(":")) {
      host = "[" + host + "]";
    }
    return URI.create((https ? "https" : "http") + "://" + host + ":" + a.getPort() + path);
  }

  /** {@return the port the server listens on} */
  public int port() {
    return server.getAddress().getPort();
  }

  /** Stops accepting requests, lets running ones finish for up to a second, and stops threads. */
  @Override
  public void close() {
    // Batches in flight get up to a second to be stored and acknowledged, then the server stops
    // at once: the JDK's stop(delay) waits the whole delay even when nothing is in flight.
    executor.shutdown();
    try {
      executor.awaitTermination(1, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    server.stop(0);
    executor.shutdownNow();
  }

  private static void serve(CdrHandler handler, HttpExchange exchange) throws IOException {
    try (exchange) {
      if (!"POST".equalsIgnoreCase(exchange.getRequestMethod())) {
        exchange.getResponseHeaders().add("Allow", "POST");
        respond(exchange, 405, "only POST is accepted");
        return;
      }
      CdrHandler.Outcome outcome;
      // An oversized body is not read to its end: the JDK server drains a bounded amount when the
      // stream closes and otherwise drops the connection, so a hostile sender cannot hold a thread.
      try (InputStream body = exchange.getRequestBody()) {
        outcome = handler.handle(exchange.getRequestURI().getRawQuery(), body);
      }
      if (outcome.isAccepted()) {
        // Headers only: one TCP write, so Nagle's algorithm cannot hold the ack back waiting for
        // the Call Bridge's delayed ACK (that costs ~40 ms per batch on keep-alive connections).
        exchange.sendResponseHeaders(200, -1);
      } else {
        respond(exchange, outcome.statusCode(), outcome.message());
      }
    }
  }

  private static void respond(HttpExchange exchange, int status, String message)
      throws IOException {
    byte[] b = (message + "\n").getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
    exchange.sendResponseHeaders(status, b.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(b);
    }
  }

  /** Builds and starts a {@link CdrHttpServer}. */
  public static final class Builder {
    private CdrHandler handler;
    private InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
    private String path = "/cdr";
    private SSLContext sslContext;
    private int threads = 4;

    private Builder() {}

    /**
     * Sets the handler (required).
     *
     * @param handler the handler (required)
     * @return this builder
     */
    public Builder handler(CdrHandler handler) {
      this.handler = requireNonNull(handler, "handler == null");
      return this;
    }

    /**
     * Sets the address to listen on (default loopback, any free port).
     *
     * @param address the address to listen on (default loopback, any free port)
     * @return this builder
     */
    public Builder address(InetSocketAddress address) {
      this.address = requireNonNull(address, "address == null");
      return this;
    }

    /**
     * Sets the URI path (default {@code /cdr}).
     *
     * @param path the URI path (default {@code /cdr})
     * @return this builder
     */
    public Builder path(String path) {
      requireNonNull(path, "path == null");
      if (!path.startsWith("/")) {
        throw new IllegalArgumentException("path must start with '/': " + path);
      }
      this.path = path;
      return this;
    }

    /**
     * Serves HTTPS with {@code sslContext} instead of plain HTTP.
     *
     * @return this builder
     */
    public Builder sslContext(SSLContext sslContext) {
      this.sslContext = requireNonNull(sslContext, "sslContext == null");
      return this;
    }

    /**
     * Sets how many requests are served at once (default 4).
     *
     * @param threads how many requests are served at once (default 4)
     * @return this builder
     */
    public Builder threads(int threads) {
      if (threads < 1) {
        throw new IllegalArgumentException("threads must be positive: " + threads);
      }
      this.threads = threads;
      return this;
    }

    /**
     * Binds and starts the server.
     *
     * @throws UncheckedIOException if the address cannot be bound
     */
    public CdrHttpServer start() {
      if (handler == null) {
        throw new IllegalStateException("handler is required: call handler(...) before start()");
      }
      try {
        return new CdrHttpServer(this);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot listen for CDRs on " + address, e);
      }
    }
  }
}
