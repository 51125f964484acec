package io.mmsdk.benchmarks.cdr;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One Call Bridge's keep-alive HTTP/1.1 connection to a CDR receiver, as lean as a load generator
 * must be on a machine it shares with the receiver: each POST goes out in one write (request line,
 * headers and body) and the reply's head is read byte by byte up to its blank line, so the
 * client's own cost per 100-record batch is a copy of the body and two system calls. Like a Call
 * Bridge, it sends a batch again on a new connection when no answer comes within the timeout (or
 * the receiver closed an idle keep-alive connection first).
 */
final class BridgeConnection implements Closeable {
  private static final int TIMEOUT_MILLIS = 20_000;
  private static final int ATTEMPTS = 3;

  private final InetSocketAddress address;
  private final byte[] head;
  private final AtomicLong resends;
  /** The last request, reused: its head and body in one buffer. */
  private byte[] request = new byte[0];
  private Socket socket;
  private InputStream in;
  private OutputStream out;

  /**
   * A connection that posts to {@code uri} (http only), counting each re-sent batch in
   * {@code resends}; it connects on the first POST.
   */
  BridgeConnection(URI uri, AtomicLong resends) {
    this.address = new InetSocketAddress(uri.getHost(), uri.getPort());
    String target = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    this.head = ("POST " + target + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
        + "\r\nContent-Type: application/xml\r\nContent-Length: ")
        .getBytes(StandardCharsets.ISO_8859_1);
    this.resends = resends;
  }

  /**
   * Posts the first {@code length} bytes of {@code body} and waits for the reply.
   *
   * @return the reply's status code
   * @throws IOException if no reply came in {@value #ATTEMPTS} attempts
   */
  int post(byte[] body, int length) throws IOException {
    byte[] contentLength = (length + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
    int size = head.length + contentLength.length + length;
    if (request.length < size) {
      request = new byte[size + size / 4];
    }
    System.arraycopy(head, 0, request, 0, head.length);
    System.arraycopy(contentLength, 0, request, head.length, contentLength.length);
    System.arraycopy(body, 0, request, head.length + contentLength.length, length);
    for (int attempt = 1; ; attempt++) {
      boolean reused = socket != null;
      try {
        if (socket == null) {
          connect();
        }
        out.write(request, 0, size);
        out.flush();
        return readReply();
      } catch (IOException e) {
        close();
        boolean staleKeepAlive = reused && !(e instanceof SocketTimeoutException);
        if (attempt == ATTEMPTS) {
          throw e;
        }
        if (!staleKeepAlive) {
          resends.incrementAndGet();
        }
      }
    }
  }

  private void connect() throws IOException {
    Socket s = new Socket();
    s.setTcpNoDelay(true);
    s.setSoTimeout(TIMEOUT_MILLIS);
    s.connect(address, TIMEOUT_MILLIS);
    socket = s;
    in = new BufferedInputStream(s.getInputStream(), 8192);
    out = s.getOutputStream();
  }

  /** Reads one reply, status line to body; closes the connection when the receiver says so. */
  private int readReply() throws IOException {
    String status = line();
    if (!status.startsWith("HTTP/1.1 ") || status.length() < 12) {
      throw new IOException("not an HTTP/1.1 reply: " + status);
    }
    int code = Integer.parseInt(status.substring(9, 12));
    long length = 0;
    boolean close = false;
    for (String h = line(); !h.isEmpty(); h = line()) {
      String lower = h.toLowerCase(Locale.ROOT);
      if (lower.startsWith("content-length:")) {
        length = Long.parseLong(lower.substring(15).trim());
      } else if (lower.startsWith("connection:") && lower.contains("close")) {
        close = true;
      }
    }
    for (long skipped = 0; skipped < length; skipped++) {
      if (in.read() < 0) {
        throw new EOFException("reply body ended early");
      }
    }
    if (close) {
      close();
    }
    return code;
  }

  private String line() throws IOException {
    StringBuilder sb = new StringBuilder(32);
    for (int b = in.read(); b != '\n'; b = in.read()) {
      if (b < 0) {
        throw new EOFException("the receiver closed the connection");
      }
      if (b != '\r') {
        sb.append((char) b);
      }
    }
    return sb.toString();
  }

  /** Closes the connection; the next POST opens a new one. */
  @Override
  public void close() {
    if (socket != null) {
      try {
        socket.close();
      } catch (IOException ignored) {
        // Already reset: nothing more to release.
      }
      socket = null;
    }
  }
}
