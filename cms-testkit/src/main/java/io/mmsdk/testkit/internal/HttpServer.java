package io.mmsdk.testkit.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;

/**
 * Not API. The bridges' HTTP/1.1 server, bound to the loopback address: the one adapter between the
 * simulator's handlers ({@link Request} in, {@link Reply} out) and the wire. Keep-alive connections
 * get a thread each, and every reply goes out in one write, head and body together, so that a
 * client listing page after page pays for its own work and the handler's, not for the server's
 * plumbing (a reply written in two parts makes the client wait for the second).
 *
 * <p>WebSocket upgrades (the events endpoint) are passed byte for byte to an OkHttp mockwebserver3
 * on another loopback port, whose dispatcher asks the same handler: OkHttp's WebSocket protocol
 * implementation lives there.
 */
final class HttpServer implements AutoCloseable {
  private static final int MAX_HEAD_BYTES = 64 * 1024;
  private static final int MAX_BODY_BYTES = 16 * 1024 * 1024;

  private final ServerSocket serverSocket;
  private final SSLSocketFactory tls;
  private final Function<Request, Reply> handler;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  /** The acceptor and the connection threads, waited for by close(). */
  private final Set<Thread> threads = ConcurrentHashMap.newKeySet();
  /** Started with the first upgrade; null before that and once closed. */
  private MockWebServer upgrades;
  private boolean closed;

  private HttpServer(ServerSocket serverSocket, SSLSocketFactory tls,
      Function<Request, Reply> handler) {
    this.serverSocket = serverSocket;
    this.tls = tls;
    this.handler = handler;
  }

  /**
   * Starts serving {@code handler} on 127.0.0.1:{@code port} ({@code 0} picks a free port), over TLS
   * when {@code tls} is not null.
   */
  static HttpServer start(int port, SSLSocketFactory tls, Function<Request, Reply> handler)
      throws IOException {
    HttpServer s = new HttpServer(new ReusableServerSockets().createServerSocket(port, 50,
        InetAddress.getByName("127.0.0.1")), tls, handler);
    s.spawn(s::acceptLoop, "");
    return s;
  }

  /** Returns the port of the upgrade server, starting it on the first call. */
  private synchronized int upgradePort() throws IOException {
    if (closed) {
      throw new IOException("server closed");
    }
    if (upgrades == null) {
      MockWebServer server = new MockWebServer();
      server.setDispatcher(new Dispatcher() {
        @Override
        public MockResponse dispatch(RecordedRequest recorded) throws InterruptedException {
          // mockwebserver3 queues every request for takeRequest(), which nothing here calls:
          // take one off per request served, so that none is kept.
          server.takeRequest(0, TimeUnit.NANOSECONDS);
          return toMockResponse(handler.apply(toRequest(recorded)));
        }
      });
      server.start(InetAddress.getByName("127.0.0.1"), 0);
      upgrades = server;
    }
    return upgrades.getPort();
  }

  /** Returns the bound port. */
  int port() {
    return serverSocket.getLocalPort();
  }

  private void acceptLoop() {
    while (!serverSocket.isClosed()) {
      Socket socket;
      try {
        socket = serverSocket.accept();
      } catch (IOException closed) {
        return;
      }
      open.add(socket);
      if (serverSocket.isClosed()) { // close() ran between accept and add
        closeQuietly(socket);
        return;
      }
      spawn(() -> serve(socket), " connection");
    }
  }

  private void serve(Socket raw) {
    Socket socket = raw;
    try {
      if (tls != null) {
        SSLSocket ssl = (SSLSocket) tls.createSocket(raw,
            raw.getInetAddress().getHostAddress(), raw.getPort(), true);
        ssl.setUseClientMode(false);
        ssl.startHandshake();
        socket = ssl;
        open.add(ssl);
      }
      Input in = new Input(socket.getInputStream());
      OutputStream out = socket.getOutputStream();
      while (serveOne(socket, in, out)) {
        // next request on the same connection
      }
    } catch (IOException | RuntimeException disconnected) {
      // The client went away, sent something that is not HTTP, or the handler failed: as
      // mockwebserver3 did, the connection just closes.
    } finally {
      open.remove(socket);
      open.remove(raw);
      closeQuietly(socket);
      closeQuietly(raw);
    }
  }

  /** Serves one request; returns whether the connection stays open for another. */
  private boolean serveOne(Socket socket, Input in, OutputStream out) throws IOException {
    StringBuilder head = new StringBuilder(512);
    String requestLine = in.line(head);
    if (requestLine == null) {
      return false;
    }
    if (requestLine.isEmpty()) { // a stray CRLF between requests
      return true;
    }
    String[] parts = requestLine.split(" ");
    if (parts.length != 3 || !parts[2].startsWith("HTTP/1.")) {
      throw new IOException("not an HTTP/1.x request line: " + requestLine);
    }
    Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (String h = in.line(head); !h.isEmpty(); h = in.line(head)) {
      int colon = h.indexOf(':');
      if (colon <= 0) {
        throw new IOException("malformed header line: " + h);
      }
      headers.put(h.substring(0, colon).trim(), h.substring(colon + 1).trim());
    }
    if ("websocket".equalsIgnoreCase(headers.get("Upgrade"))) {
      relayToUpgrades(socket, in, out, head.toString().getBytes(StandardCharsets.ISO_8859_1));
      return false;
    }
    if ("100-continue".equalsIgnoreCase(headers.get("Expect"))) {
      out.write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
    }
    String body = new String(body(in, headers), StandardCharsets.UTF_8);
    Reply reply = handler.apply(new Request(parts[0], parts[1], headers, body));
    if (reply.disconnect) {
      return false;
    }
    if (reply.webSocket != null || reply.afterSent != null) {
      throw new IllegalStateException("a plain HTTP request cannot be answered with "
          + (reply.webSocket != null ? "a WebSocket" : "work after the reply"));
    }
    if (!reply.headersDelay.isZero()) {
      // Injected latency is wall-clock time by definition: the client's timeouts measure it.
      try {
        TimeUnit.NANOSECONDS.sleep(reply.headersDelay.toNanos());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    out.write(bytes(reply));
    out.flush();
    return !"close".equalsIgnoreCase(headers.get("Connection")) && !parts[2].equals("HTTP/1.0");
  }

  private static byte[] body(Input in, Map<String, String> headers) throws IOException {
    if ("chunked".equalsIgnoreCase(headers.get("Transfer-Encoding"))) {
      ByteArrayOutputStream body = new ByteArrayOutputStream();
      StringBuilder scratch = new StringBuilder();
      while (true) {
        String size = in.line(scratch);
        if (size == null) {
          throw new IOException("connection closed inside a chunked request body");
        }
        int semicolon = size.indexOf(';');
        int n;
        try {
          n = Integer.parseInt((semicolon < 0 ? size : size.substring(0, semicolon)).trim(), 16);
        } catch (NumberFormatException e) {
          throw new IOException("malformed chunk size: " + size, e);
        }
        if (n == 0) {
          for (String trailer = in.line(scratch); trailer != null && !trailer.isEmpty();
              trailer = in.line(scratch)) {
            // trailers are read and ignored
          }
          return body.toByteArray();
        }
        if (n < 0 || body.size() + n > MAX_BODY_BYTES) {
          throw new IOException("request body longer than " + MAX_BODY_BYTES + " bytes");
        }
        body.write(in.exactly(n));
        in.line(scratch); // the CRLF after the chunk
      }
    }
    String length = headers.get("Content-Length");
    int n;
    try {
      n = length == null ? 0 : Integer.parseInt(length.trim());
    } catch (NumberFormatException e) {
      throw new IOException("malformed Content-Length " + length, e);
    }
    if (n < 0 || n > MAX_BODY_BYTES) {
      throw new IOException("unacceptable Content-Length " + length);
    }
    return in.exactly(n);
  }

  /** Returns the whole response: status line, headers, Content-Length and body. */
  private static byte[] bytes(Reply reply) {
    byte[] body = reply.body.getBytes(StandardCharsets.UTF_8);
    StringBuilder head = new StringBuilder(160).append("HTTP/1.1 ").append(reply.status)
        .append(' ').append(reason(reply.status)).append("\r\n");
    reply.headers.forEach((name, value) -> head.append(name).append(": ").append(value)
        .append("\r\n"));
    head.append("Content-Length: ").append(body.length).append("\r\n\r\n");
    byte[] h = head.toString().getBytes(StandardCharsets.UTF_8);
    byte[] response = new byte[h.length + body.length];
    System.arraycopy(h, 0, response, 0, h.length);
    System.arraycopy(body, 0, response, h.length, body.length);
    return response;
  }

  private static String reason(int status) {
    return switch (status) {
      case 200 -> "OK";
      case 201 -> "Created";
      case 400 -> "Bad Request";
      case 401 -> "Unauthorized";
      case 403 -> "Forbidden";
      case 404 -> "Not Found";
      case 405 -> "Method Not Allowed";
      case 500 -> "Internal Server Error";
      case 503 -> "Service Unavailable";
      default -> status < 400 ? "OK" : status < 500 ? "Client Error" : "Server Error";
    };
  }

  /**
   * Passes an upgrade request, and then the connection's bytes both ways, to the upgrade server
   * until either side closes.
   */
  private void relayToUpgrades(Socket client, Input in, OutputStream out, byte[] head)
      throws IOException {
    Socket inner = new Socket(InetAddress.getByName("127.0.0.1"), upgradePort());
    open.add(inner);
    try {
      inner.setTcpNoDelay(true);
      OutputStream innerOut = inner.getOutputStream();
      innerOut.write(head);
      innerOut.flush();
      spawn(() -> {
        try {
          in.transferTo(innerOut);
        } catch (IOException closed) {
          // either side went away
        } finally {
          closeQuietly(inner);
          closeQuietly(client);
        }
      }, " upgrade");
      inner.getInputStream().transferTo(out);
    } finally {
      open.remove(inner);
      closeQuietly(inner);
    }
  }

  private static Request toRequest(RecordedRequest r) {
    Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (int i = 0; i < r.getHeaders().size(); i++) {
      headers.put(r.getHeaders().name(i), r.getHeaders().value(i));
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

  /** A connection's input, buffered without a lock per byte. */
  private static final class Input {
    private final InputStream in;
    private final byte[] buffer = new byte[8192];
    private int pos;
    private int limit;

    Input(InputStream in) {
      this.in = in;
    }

    private boolean fill() throws IOException {
      int n = in.read(buffer);
      if (n <= 0) {
        return false;
      }
      pos = 0;
      limit = n;
      return true;
    }

    /**
     * Reads one CRLF- or LF-terminated line (ISO-8859-1), appending it with a CRLF to {@code head};
     * returns null at the end of the stream before any byte of a line.
     */
    String line(StringBuilder head) throws IOException {
      int start = head.length();
      while (true) {
        if (pos == limit && !fill()) {
          if (head.length() == start) {
            return null;
          }
          throw new IOException("connection closed inside a request head");
        }
        byte b = buffer[pos++];
        if (b == '\n') {
          int end = head.length();
          if (end > start && head.charAt(end - 1) == '\r') {
            end--;
          }
          String line = head.substring(start, end);
          head.setLength(end);
          head.append("\r\n");
          return line;
        }
        head.append((char) (b & 0xff));
        if (head.length() > MAX_HEAD_BYTES) {
          throw new IOException("request head longer than " + MAX_HEAD_BYTES + " bytes");
        }
      }
    }

    byte[] exactly(int n) throws IOException {
      byte[] out = new byte[n];
      int got = Math.min(n, limit - pos);
      System.arraycopy(buffer, pos, out, 0, got);
      pos += got;
      while (got < n) {
        int r = in.read(out, got, n - got);
        if (r < 0) {
          throw new IOException("connection closed inside a request body");
        }
        got += r;
      }
      return out;
    }

    /** Writes what is buffered, then everything that follows until the end of the stream. */
    void transferTo(OutputStream out) throws IOException {
      out.write(buffer, pos, limit - pos);
      out.flush();
      pos = limit;
      byte[] chunk = new byte[8192];
      for (int n = in.read(chunk); n >= 0; n = in.read(chunk)) {
        out.write(chunk, 0, n);
        out.flush();
      }
    }
  }

  /** Starts a daemon thread that close() waits for. */
  private void spawn(Runnable work, String role) {
    Thread t = new Thread(() -> {
      try {
        work.run();
      } finally {
        threads.remove(Thread.currentThread());
      }
    }, "cms-testkit http " + port() + role);
    t.setDaemon(true);
    threads.add(t);
    t.start();
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException ignored) {
      // closing anyway
    }
  }

  /** Stops accepting and closes open connections. */
  @Override
  public void close() {
    try {
      serverSocket.close();
    } catch (IOException ignored) {
      // closing anyway
    }
    for (Socket s : open) {
      closeQuietly(s);
    }
    MockWebServer started;
    synchronized (this) {
      closed = true;
      started = upgrades;
      upgrades = null;
    }
    if (started != null) {
      started.close();
    }
    // A socket closed while its thread is blocked on it is released only once that thread returns:
    // wait, so that the port can be bound again as soon as close() returns (a bridge's restart).
    // The interrupt ends an injected latency's sleep.
    List<Thread> others = threads.stream().filter(t -> t != Thread.currentThread()).toList();
    others.forEach(Thread::interrupt);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    for (Thread t : others) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        break;
      }
      try {
        t.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
