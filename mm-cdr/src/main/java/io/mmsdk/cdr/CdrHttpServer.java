package io.mmsdk.cdr;

import static java.util.Objects.requireNonNull;

import io.mmsdk.common.time.Scheduler;
import io.mmsdk.common.tls.TlsIdentity;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An embedded HTTP/1.1 or HTTPS endpoint for CDR POSTs, delegating to a {@link CdrHandler}.
 * Keep-alive connections are supported, so a Call Bridge can send many batches on one connection.
 * A 200 has an empty body; other statuses carry the reason as plain text. Every reply (status line,
 * headers and body) goes out in one write, and a reply after which the server closes the
 * connection says {@code Connection: close}.
 *
 * <p>Slow or hostile clients cannot stop it: each connection has its own thread, up to {@link
 * Builder#maxConnections(int)} in all and {@link Builder#maxConnectionsPerAddress(int)} per client
 * address (more are answered 503 and closed); a request must arrive whole within {@link
 * Builder#requestTimeout(Duration)} of its first byte (of the connection, for the first request,
 * so TLS handshakes count), and a connection idle longer than {@link Builder#idleTimeout(Duration)}
 * is closed. Request heads are bounded to 16 KiB and bodies to the parser's size limit.
 *
 * <p>Starts listening on {@link Builder#start()}; {@link #close()} stops it.
 */
public final class CdrHttpServer implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(CdrHttpServer.class);
  private static final int MAX_HEAD_BYTES = 16 * 1024;
  private static final int MAX_HEADERS = 100;

  private final ServerSocket listener;
  private final CdrHandler handler;
  private final String path;
  private final boolean https;
  private final Scheduler scheduler;
  private final Duration requestTimeout;
  private final int idleMillis;
  private final int maxConnections;
  private final int maxPerAddress;
  private final ExecutorService threads;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private final Map<InetAddress, AtomicInteger> perAddress = new ConcurrentHashMap<>();
  private final Thread acceptor;
  private volatile boolean closed;

  private CdrHttpServer(Builder b) throws IOException {
    this.handler = b.handler;
    this.path = b.path;
    this.https = b.tls != null;
    this.scheduler = b.scheduler;
    this.requestTimeout = b.requestTimeout;
    this.idleMillis = (int) Math.min(Integer.MAX_VALUE, b.idleTimeout.toMillis());
    this.maxConnections = b.maxConnections;
    this.maxPerAddress = b.maxConnectionsPerAddress;
    ServerSocket s = https
        ? b.tls.serverContext().getServerSocketFactory().createServerSocket()
        : new ServerSocket();
    try {
      s.setReuseAddress(true);
      s.bind(b.address, 128);
    } catch (IOException e) {
      s.close();
      throw e;
    }
    this.listener = s;
    AtomicInteger n = new AtomicInteger();
    threads = Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "cdr-http-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    acceptor = new Thread(this::acceptLoop, "cdr-http-accept-" + s.getLocalPort());
    acceptor.setDaemon(true);
    acceptor.start();
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
    InetAddress a = listener.getInetAddress();
    String host = a.isAnyLocalAddress()
        ? InetAddress.getLoopbackAddress().getHostAddress()
        : a.getHostAddress();
    if (host.contains(":")) {
      host = "[" + host + "]";
    }
    return URI.create((https ? "https" : "http") + "://" + host + ":" + port() + path);
  }

  /** {@return the port the server listens on} */
  public int port() {
    return listener.getLocalPort();
  }

  /**
   * Stops accepting connections and closes the open ones. A request still being handled is not
   * acknowledged; the Call Bridge sends it again.
   */
  @Override
  public void close() {
    closed = true;
    try {
      listener.close();
    } catch (IOException e) {
      log.debug("Closing the CDR listener on port {} failed", port(), e);
    }
    for (Socket s : open) {
      closeQuietly(s);
    }
    threads.shutdownNow();
  }

  private void acceptLoop() {
    while (!closed) {
      Socket s;
      try {
        s = listener.accept();
      } catch (IOException e) {
        if (!closed) {
          log.warn("Accepting a CDR connection on port {} failed; still listening", port(), e);
        }
        continue;
      }
      InetAddress from = s.getInetAddress();
      AtomicInteger count = perAddress.computeIfAbsent(from, k -> new AtomicInteger());
      if (count.incrementAndGet() > maxPerAddress || open.size() >= maxConnections) {
        release(from, count);
        log.warn("Refusing a CDR connection from {}: {} connections open ({} from it); limits {}"
            + " and {} per address", from.getHostAddress(), open.size(), count.get(),
            maxConnections, maxPerAddress);
        threads.execute(() -> refuse(s));
        continue;
      }
      open.add(s);
      try {
        threads.execute(() -> serveConnection(s, from, count));
      } catch (RuntimeException e) { // rejected after close()
        open.remove(s);
        release(from, count);
        closeQuietly(s);
      }
    }
  }

  private void release(InetAddress from, AtomicInteger count) {
    if (count.decrementAndGet() <= 0) {
      perAddress.remove(from, count);
    }
  }

  private void refuse(Socket s) {
    try (s) {
      s.setSoTimeout(idleMillis);
      write(s.getOutputStream(), 503, "too many connections; retry later", true);
    } catch (IOException ignored) {
      // The client went away first: nothing to tell it.
    }
  }

  private void serveConnection(Socket s, InetAddress from, AtomicInteger count) {
    try (s) {
      s.setTcpNoDelay(true);
      s.setSoTimeout(idleMillis);
      InputStream in = new BufferedInputStream(s.getInputStream(), 16 * 1024);
      OutputStream out = s.getOutputStream();
      boolean first = true;
      while (!closed) {
        // The first request's deadline starts at accept, so a TLS handshake counts against it.
        Scheduler.Cancellable deadline = first ? arm(s) : null;
        in.mark(1);
        int b = in.read();
        if (b < 0) {
          cancel(deadline);
          return;
        }
        in.reset();
        if (deadline == null) {
          deadline = arm(s);
        }
        boolean keepAlive;
        try {
          keepAlive = serveRequest(in, out, deadline);
        } finally {
          cancel(deadline);
        }
        if (!keepAlive) {
          return;
        }
        first = false;
      }
    } catch (IOException e) {
      // Idle timeout, deadline, reset or close(): the connection is done.
      log.debug("CDR connection from {} ended: {}", from.getHostAddress(), e.toString());
    } finally {
      open.remove(s);
      release(from, count);
    }
  }

  /** Closes {@code s} when the request deadline passes. */
  private Scheduler.Cancellable arm(Socket s) {
    return scheduler.schedule(requestTimeout, () -> {
      log.warn("Closing a CDR connection from {}: its request did not arrive within {}",
          s.getInetAddress().getHostAddress(), requestTimeout);
      closeQuietly(s);
    });
  }

  private static void cancel(Scheduler.Cancellable c) {
    if (c != null) {
      c.cancel();
    }
  }

  /** Serves one request; returns whether the connection stays open for another. */
  private boolean serveRequest(InputStream in, OutputStream out, Scheduler.Cancellable deadline)
      throws IOException {
    HttpRequestHead head;
    try {
      head = HttpRequestHead.read(in, MAX_HEAD_BYTES, MAX_HEADERS);
    } catch (HttpRequestHead.BadRequest e) {
      write(out, e.status(), e.getMessage(), true);
      return false;
    }
    if (!head.target().startsWith(path)) {
      write(out, 404, "no CDR receiver at " + head.path() + "; POST to " + path, true);
      return false;
    }
    if (!"POST".equals(head.method())) {
      write(out, 405, "only POST is accepted", true, "Allow: POST\r\n");
      return false;
    }
    long max = handler.maxBytes();
    if (head.contentLength() > max) {
      write(out, 413, "CDR batch is over " + max + " bytes", true);
      return false;
    }
    if (head.expectsContinue()) {
      out.write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
    }
    byte[] body;
    try {
      body = head.readBody(in, max);
    } catch (HttpRequestHead.BadRequest e) {
      write(out, e.status(), e.getMessage(), true);
      return false;
    }
    // The whole request is in: the deadline bounds reading it, never the handler's work.
    deadline.cancel();
    CdrHandler.Outcome outcome;
    try {
      outcome = handler.handle(head.rawQuery(), body);
    } catch (RuntimeException e) {
      log.error("CDR handler failed on {}; answering 500 so the Call Bridge re-sends", head, e);
      write(out, 500, "internal error; send the batch again later", true);
      return false;
    }
    boolean keepAlive = head.keepAlive() && !closed;
    write(out, outcome.statusCode(), outcome.isAccepted() ? null : outcome.message(), !keepAlive);
    return keepAlive;
  }

  /** Writes one reply: status line, headers and body in a single write. */
  static void write(OutputStream out, int status, String message, boolean close,
      String... extraHeaders) throws IOException {
    byte[] body = message == null ? new byte[0] : (message + "\n").getBytes(StandardCharsets.UTF_8);
    StringBuilder h = new StringBuilder(160)
        .append("HTTP/1.1 ").append(status).append(' ').append(reason(status)).append("\r\n")
        .append("Content-Length: ").append(body.length).append("\r\n");
    if (body.length > 0) {
      h.append("Content-Type: text/plain; charset=utf-8\r\n");
    }
    if (close) {
      h.append("Connection: close\r\n");
    }
    for (String extra : extraHeaders) {
      h.append(extra);
    }
    h.append("\r\n");
    byte[] head = h.toString().getBytes(StandardCharsets.ISO_8859_1);
    byte[] all = new byte[head.length + body.length];
    System.arraycopy(head, 0, all, 0, head.length);
    System.arraycopy(body, 0, all, head.length, body.length);
    // One write: Nagle's algorithm cannot then hold the body back waiting for the client's delayed
    // ACK of the head (~40 ms per reply on keep-alive connections).
    out.write(all);
    out.flush();
  }

  private static String reason(int status) {
    switch (status) {
      case 200: return "OK";
      case 400: return "Bad Request";
      case 403: return "Forbidden";
      case 404: return "Not Found";
      case 405: return "Method Not Allowed";
      case 411: return "Length Required";
      case 413: return "Content Too Large";
      case 431: return "Request Header Fields Too Large";
      case 500: return "Internal Server Error";
      case 501: return "Not Implemented";
      case 503: return "Service Unavailable";
      case 505: return "HTTP Version Not Supported";
      default: return "Error";
    }
  }

  private static void closeQuietly(Socket s) {
    try {
      s.close();
    } catch (IOException ignored) {
      // Already closed or reset: nothing more to release.
    }
  }

  /** Builds and starts a {@link CdrHttpServer}. */
  public static final class Builder {
    private CdrHandler handler;
    private InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
    private String path = "/cdr";
    private TlsIdentity tls;
    private Scheduler scheduler = Scheduler.system();
    private Duration requestTimeout = Duration.ofSeconds(30);
    private Duration idleTimeout = Duration.ofSeconds(60);
    private int maxConnections = 256;
    private int maxConnectionsPerAddress = 64;

    private Builder() {}

    /**
     * Sets the handler (required).
     *
     * @param handler what checks, parses and stores each batch; not null
     * @return this builder
     */
    public Builder handler(CdrHandler handler) {
      this.handler = requireNonNull(handler, "handler == null");
      return this;
    }

    /**
     * Sets the address to listen on (default loopback, any free port).
     *
     * @param address the local address and port to bind (port 0 picks a free one); not null
     * @return this builder
     */
    public Builder address(InetSocketAddress address) {
      this.address = requireNonNull(address, "address == null");
      return this;
    }

    /**
     * Sets the URI path (default {@code /cdr}).
     *
     * @param path the request path the Call Bridges post to, starting with {@code /}
     * @return this builder
     * @throws IllegalArgumentException if {@code path} does not start with {@code /}
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
     * Serves HTTPS, presenting {@code identity}, instead of plain HTTP. The Call Bridges check
     * the certificate: it must name the host in the receiver URI they were given.
     *
     * @param identity the server's private key and certificate chain; not null
     * @return this builder
     */
    public Builder tls(TlsIdentity identity) {
      this.tls = requireNonNull(identity, "identity == null");
      return this;
    }

    /**
     * Sets the scheduler that runs request deadlines (default {@link Scheduler#system()}).
     *
     * @param scheduler the scheduler whose clock and timers run the deadlines; not null
     * @return this builder
     */
    public Builder scheduler(Scheduler scheduler) {
      this.scheduler = requireNonNull(scheduler, "scheduler == null");
      return this;
    }

    /**
     * Sets how long a request may take to arrive whole, head and body, from its first byte
     * (default 30 s); a connection that has not delivered it by then is closed.
     *
     * @param requestTimeout the longest time from a request's first byte to its last; positive
     * @return this builder
     * @throws IllegalArgumentException if {@code requestTimeout} is zero or negative
     */
    public Builder requestTimeout(Duration requestTimeout) {
      this.requestTimeout = positive(requestTimeout, "requestTimeout");
      return this;
    }

    /**
     * Sets how long a connection may stay silent, between requests or within one (default 60 s).
     *
     * @param idleTimeout the longest silence on a connection; positive
     * @return this builder
     * @throws IllegalArgumentException if {@code idleTimeout} is zero or negative
     */
    public Builder idleTimeout(Duration idleTimeout) {
      this.idleTimeout = positive(idleTimeout, "idleTimeout");
      return this;
    }

    /**
     * Sets how many connections are served at once, each on its own thread (default 256).
     *
     * @param maxConnections the most connections served at once, 1 or more; more wait to be
     *     accepted
     * @return this builder
     * @throws IllegalArgumentException if {@code maxConnections} is below 1
     */
    public Builder maxConnections(int maxConnections) {
      if (maxConnections < 1) {
        throw new IllegalArgumentException("maxConnections must be positive: " + maxConnections);
      }
      this.maxConnections = maxConnections;
      return this;
    }

    /**
     * Sets how many of those connections one client address may hold (default 64).
     *
     * @param maxConnectionsPerAddress the most connections from one client address, 1 or more
     * @return this builder
     * @throws IllegalArgumentException if {@code maxConnectionsPerAddress} is below 1
     */
    public Builder maxConnectionsPerAddress(int maxConnectionsPerAddress) {
      if (maxConnectionsPerAddress < 1) {
        throw new IllegalArgumentException(
            "maxConnectionsPerAddress must be positive: " + maxConnectionsPerAddress);
      }
      this.maxConnectionsPerAddress = maxConnectionsPerAddress;
      return this;
    }

    private static Duration positive(Duration d, String name) {
      requireNonNull(d, name + " == null");
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException(name + " must be positive: " + d);
      }
      return d;
    }

    /**
     * Binds and starts the server.
     *
     * @return the running server; {@link CdrHttpServer#close()} stops it
     * @throws UncheckedIOException if the address cannot be bound
     * @throws IllegalStateException if no handler was set
     * @throws io.mmsdk.common.tls.TlsSetupException if the JVM cannot make a TLS server with the
     *     {@link #tls(TlsIdentity) identity}
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
