package io.mmsdk.cdr;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Locale;

/**
 * The request line and the headers {@link CdrHttpServer} acts on, read with bounds, and the body
 * that follows them (by {@code Content-Length} or chunked). Anything malformed or over a bound is a
 * {@link BadRequest} carrying the status to answer.
 */
final class HttpRequestHead {
  /** The most bytes reserved for a body before any of it arrived. */
  static final int INITIAL_BODY_BUFFER = 1 << 20;

  private final String method;
  private final String target;
  private final long contentLength;
  private final boolean chunked;
  private final boolean keepAlive;
  private final boolean expectsContinue;

  private HttpRequestHead(String method, String target, long contentLength, boolean chunked,
      boolean keepAlive, boolean expectsContinue) {
    this.method = method;
    this.target = target;
    this.contentLength = contentLength;
    this.chunked = chunked;
    this.keepAlive = keepAlive;
    this.expectsContinue = expectsContinue;
  }

  /** A request that cannot be served, with the status to answer before closing. */
  static final class BadRequest extends Exception {
    private static final long serialVersionUID = 1L;
    private final int status;

    BadRequest(int status, String message) {
      super(message, null, false, false);
      this.status = status;
    }

    int status() {
      return status;
    }
  }

  /** Reads a request head: at most {@code maxBytes} bytes and {@code maxHeaders} header lines. */
  static HttpRequestHead read(InputStream in, int maxBytes, int maxHeaders)
      throws IOException, BadRequest {
    int[] budget = {maxBytes};
    String requestLine = line(in, budget);
    if (requestLine == null) {
      throw new BadRequest(400, "connection closed before the request line");
    }
    String[] parts = requestLine.split(" ", -1);
    if (parts.length != 3 || parts[0].isEmpty() || parts[1].isEmpty()) {
      throw new BadRequest(400, "malformed request line");
    }
    String version = parts[2];
    if (!version.equals("HTTP/1.1") && !version.equals("HTTP/1.0")) {
      throw new BadRequest(505, "only HTTP/1.1 and HTTP/1.0 are served");
    }
    long length = -1;
    boolean chunked = false;
    String connection = "";
    boolean expect = false;
    for (int n = 0; ; n++) {
      String h = line(in, budget);
      if (h == null) {
        throw new BadRequest(400, "connection closed inside the request head");
      }
      if (h.isEmpty()) {
        break;
      }
      if (n >= maxHeaders) {
        throw new BadRequest(431, "more than " + maxHeaders + " header lines");
      }
      int colon = h.indexOf(':');
      if (colon <= 0) {
        throw new BadRequest(400, "malformed header line");
      }
      String name = h.substring(0, colon).trim().toLowerCase(Locale.ROOT);
      String value = h.substring(colon + 1).trim();
      switch (name) {
        case "content-length" -> {
          long v = parseLength(value);
          if (length >= 0 && length != v) {
            throw new BadRequest(400, "conflicting Content-Length headers");
          }
          length = v;
        }
        case "transfer-encoding" -> {
          if (!value.equalsIgnoreCase("chunked")) {
            throw new BadRequest(501, "Transfer-Encoding " + value + " is not supported");
          }
          chunked = true;
        }
        case "connection" -> connection = value.toLowerCase(Locale.ROOT);
        case "expect" -> expect = value.equalsIgnoreCase("100-continue");
        default -> { }
      }
    }
    if (chunked && length >= 0) {
      throw new BadRequest(400, "both Content-Length and Transfer-Encoding: chunked");
    }
    boolean keepAlive = version.equals("HTTP/1.1")
        ? !connection.contains("close")
        : connection.contains("keep-alive");
    return new HttpRequestHead(parts[0], parts[1], length, chunked, keepAlive, expect);
  }

  private static long parseLength(String value) throws BadRequest {
    if (value.isEmpty() || value.length() > 18 || !value.chars().allMatch(Character::isDigit)) {
      throw new BadRequest(400, "Content-Length is not a number");
    }
    return Long.parseLong(value);
  }

  /** Reads one CRLF- (or LF-) terminated line in ISO-8859-1, or null at end of stream. */
  private static String line(InputStream in, int[] budget) throws IOException, BadRequest {
    StringBuilder sb = new StringBuilder(64);
    while (true) {
      int b = in.read();
      if (b < 0) {
        return sb.length() == 0 ? null : sb.toString();
      }
      if (--budget[0] < 0) {
        throw new BadRequest(431, "request head or chunk line too long");
      }
      if (b == '\n') {
        int end = sb.length();
        if (end > 0 && sb.charAt(end - 1) == '\r') {
          sb.setLength(end - 1);
        }
        return sb.toString();
      }
      sb.append((char) b);
    }
  }

  /**
   * Reads the body that follows the head, at most {@code max} bytes.
   *
   * @throws BadRequest 413 past {@code max}, 400 for a malformed chunked body or a short body
   */
  byte[] readBody(InputStream in, long max) throws IOException, BadRequest {
    if (!chunked) {
      if (contentLength <= 0) {
        return new byte[0];
      }
      return readExactly(in, (int) contentLength); // contentLength <= max, checked by caller
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
    int[] budget = {8192};
    while (true) {
      budget[0] = 8192;
      String sizeLine = line(in, budget);
      if (sizeLine == null) {
        throw new BadRequest(400, "connection closed inside a chunked body");
      }
      int semi = sizeLine.indexOf(';');
      String hex = (semi < 0 ? sizeLine : sizeLine.substring(0, semi)).trim();
      long size;
      try {
        if (hex.isEmpty() || hex.length() > 8) {
          throw new NumberFormatException(hex);
        }
        size = Long.parseLong(hex, 16);
      } catch (NumberFormatException e) {
        throw new BadRequest(400, "malformed chunk size");
      }
      if (size == 0) {
        break;
      }
      if (out.size() + size > max) {
        throw new BadRequest(413, "CDR batch is over " + max + " bytes");
      }
      byte[] chunk = in.readNBytes((int) size);
      if (chunk.length < size) {
        throw new BadRequest(400, "connection closed inside a chunk");
      }
      out.write(chunk);
      budget[0] = 2;
      String crlf = line(in, budget);
      if (crlf == null || !crlf.isEmpty()) {
        throw new BadRequest(400, "chunk not followed by CRLF");
      }
    }
    for (int n = 0; ; n++) { // trailers, ignored
      budget[0] = 8192;
      String t = line(in, budget);
      if (t == null || t.isEmpty()) {
        break;
      }
      if (n > 100) {
        throw new BadRequest(431, "too many trailer lines");
      }
    }
    return out.toByteArray();
  }

  /**
   * Reads {@code length} bytes straight into the array returned, which grows from at most {@value
   * #INITIAL_BODY_BUFFER} bytes as they arrive: one copy for a usual batch, and a declared length
   * alone reserves no more than that ({@code InputStream.readNBytes(int)} would read through 8 KB
   * chunks and copy each again).
   */
  private static byte[] readExactly(InputStream in, int length) throws IOException, BadRequest {
    byte[] body = new byte[Math.min(length, INITIAL_BODY_BUFFER)];
    int read = 0;
    while (true) {
      read += in.readNBytes(body, read, body.length - read);
      if (read == length) {
        return body;
      }
      if (read < body.length) {
        throw new BadRequest(400, "connection closed after " + read + " of " + length
            + " body bytes");
      }
      body = Arrays.copyOf(body, (int) Math.min(length, 2L * body.length));
    }
  }

  String method() {
    return method;
  }

  /** Returns the request target, path and query as sent. */
  String target() {
    return target;
  }

  /** Returns the path part of the target. */
  String path() {
    int q = target.indexOf('?');
    return q < 0 ? target : target.substring(0, q);
  }

  /** Returns the raw query string, or null if there is none. */
  String rawQuery() {
    int q = target.indexOf('?');
    return q < 0 ? null : target.substring(q + 1);
  }

  /** Returns the declared body length, or -1 if none was given. */
  long contentLength() {
    return contentLength;
  }

  boolean keepAlive() {
    return keepAlive;
  }

  boolean expectsContinue() {
    return expectsContinue;
  }

  @Override
  public String toString() {
    return method + " " + path(); // the query may hold the token: never shown
  }
}
