package io.mmsdk.cdr;

import static java.util.Objects.requireNonNull;

import io.mmsdk.common.time.Scheduler;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The framework-neutral CDR receiver: given the query string and body of a POST from a Call
 * Bridge, it checks the optional token, parses the whole batch, hands it to the {@link CdrSink}
 * and says which HTTP status to answer. It answers 200 only after the sink accepted the batch;
 * 400 for a document that cannot be parsed (nothing is handed on); 403 for a wrong or missing
 * token; 413 for a body over the parser's size limit; 503 if the sink failed, so the Call Bridge
 * sends the batch again.
 *
 * <p>Use it from any HTTP server (servlet, Netty, ...) or via {@link CdrHttpServer}. Thread-safe.
 * The token is compared in constant time and never logged.
 */
public final class CdrHandler {
  private static final Logger log = LoggerFactory.getLogger(CdrHandler.class);
  /** The query parameter that carries the shared secret. */
  public static final String TOKEN_PARAMETER = "token";

  private final CdrSink sink;
  private final CdrParser parser;
  private final Scheduler scheduler;
  private final byte[] token;

  private CdrHandler(Builder b) {
    this.sink = b.sink;
    this.parser = b.parser;
    this.scheduler = b.scheduler;
    this.token = b.token == null ? null : b.token.getBytes(StandardCharsets.UTF_8);
  }

  /** {@return a builder} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Handles one POST.
   *
   * @param rawQuery the raw (still percent-encoded) query string of the request URI, or null
   * @param body the request body; read fully, not closed
   * @return what to answer
   */
  public Outcome handle(String rawQuery, InputStream body) {
    requireNonNull(body, "body == null");
    Map<String, String> params = parseQuery(rawQuery);
    String presented = params.remove(TOKEN_PARAMETER);
    Outcome refused = checkToken(presented, params);
    if (refused != null) {
      return refused;
    }
    byte[] bytes;
    try {
      bytes = readAll(body, parser.maxBytes());
    } catch (IOException e) {
      return new Outcome(400, "could not read the request body: " + e.getMessage(), 0);
    }
    if (bytes == null) {
      return new Outcome(413, "CDR batch is over " + parser.maxBytes() + " bytes", 0);
    }
    return handle(params, bytes);
  }

  /** Handles one POST whose body was already read (at most {@link #maxBytes()} bytes). */
  Outcome handle(String rawQuery, byte[] body) {
    Map<String, String> params = parseQuery(rawQuery);
    String presented = params.remove(TOKEN_PARAMETER);
    Outcome refused = checkToken(presented, params);
    return refused != null ? refused : handle(params, body);
  }

  /** Returns the largest body accepted, in bytes. */
  long maxBytes() {
    return parser.maxBytes();
  }

  private Outcome checkToken(String presented, Map<String, String> params) {
    if (token != null) {
      byte[] p = presented == null ? new byte[0] : presented.getBytes(StandardCharsets.UTF_8);
      if (!MessageDigest.isEqual(token, p)) {
        log.warn("Rejected a CDR POST with a {} token (tags {})",
            presented == null ? "missing" : "wrong", params);
        return new Outcome(403, "missing or wrong token in the receiver URI", 0);
      }
    }
    return null;
  }

  private Outcome handle(Map<String, String> params, byte[] bytes) {
    CdrBatch batch;
    try {
      batch = parser.parse(bytes);
    } catch (CdrParseException e) {
      log.warn("Rejected a CDR batch from {}: {}", params, e.getMessage());
      return new Outcome(400, e.kind() + ": " + e.getMessage(), 0);
    }
    CdrOrigin origin = CdrOrigin.ofTags(params);
    try {
      sink.accept(ReceivedBatch.wrap(origin, scheduler.now(), bytes, batch));
    } catch (RuntimeException e) {
      log.error("CDR sink failed for a batch of {} records from session {}; answering 503 so the"
          + " Call Bridge re-sends", batch.records().size(), batch.session(), e);
      return new Outcome(503, "could not store the batch; send it again later", 0);
    }
    return new Outcome(200, "OK", batch.records().size());
  }

  private static byte[] readAll(InputStream in, long max) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
    byte[] buf = new byte[8192];
    long total = 0;
    int n;
    while ((n = in.read(buf)) >= 0) {
      total += n;
      if (total > max) {
        return null;
      }
      out.write(buf, 0, n);
    }
    return out.toByteArray();
  }

  static Map<String, String> parseQuery(String rawQuery) {
    Map<String, String> out = new LinkedHashMap<>();
    if (rawQuery == null || rawQuery.isEmpty()) {
      return out;
    }
    for (String part : rawQuery.split("&")) {
      if (part.isEmpty()) {
        continue;
      }
      int eq = part.indexOf('=');
      String k = eq < 0 ? part : part.substring(0, eq);
      String v = eq < 0 ? "" : part.substring(eq + 1);
      try {
        out.putIfAbsent(URLDecoder.decode(k, StandardCharsets.UTF_8),
            URLDecoder.decode(v, StandardCharsets.UTF_8));
      } catch (IllegalArgumentException e) {
        out.putIfAbsent(k, v);
      }
    }
    return out;
  }

  /**
   * What to answer the Call Bridge.
   *
   * @param statusCode the HTTP status: 200, 400, 403, 413 or 503
   * @param message a short plain-text reason for the body (never contains the token)
   * @param recordCount how many records the batch held (0 unless accepted)
   */
  public record Outcome(int statusCode, String message, int recordCount) {
    /**
     * Checks the components.
     *
     * @param statusCode the HTTP status: 200, 400, 403, 413 or 503
     * @param message a short plain-text reason for the body (never contains the token)
     * @param recordCount how many records the batch held (0 unless accepted)
     */
    public Outcome {
      requireNonNull(message, "message == null");
    }

    /** {@return true if the batch was accepted (status 200)} */
    public boolean isAccepted() {
      return statusCode == 200;
    }
  }

  /** Builds a {@link CdrHandler}. */
  public static final class Builder {
    private CdrSink sink;
    private CdrParser parser = CdrParser.create();
    private Scheduler scheduler = Scheduler.system();
    private String token;

    private Builder() {}

    /**
     * Sets where accepted batches go (required), typically a {@link CdrPipeline}.
     *
     * @param sink where accepted batches go (required), typically a {@link CdrPipeline}
     * @return this builder
     */
    public Builder sink(CdrSink sink) {
      this.sink = requireNonNull(sink, "sink == null");
      return this;
    }

    /**
     * Sets the parser (default {@link CdrParser#create()}).
     *
     * @param parser the parser (default {@link CdrParser#create()})
     * @return this builder
     */
    public Builder parser(CdrParser parser) {
      this.parser = requireNonNull(parser, "parser == null");
      return this;
    }

    /**
     * Sets the scheduler whose clock stamps {@link ReceivedBatch#receivedAt()}.
     *
     * @param scheduler the scheduler whose clock stamps {@link ReceivedBatch#receivedAt()}
     * @return this builder
     */
    public Builder scheduler(Scheduler scheduler) {
      this.scheduler = requireNonNull(scheduler, "scheduler == null");
      return this;
    }

    /**
     * Requires {@code ?token=<token>} in the receiver URI. The token is compared in constant time
     * and never logged or shown.
     *
     * @param token the token the Call Bridge must send as the {@code token} query parameter;
     *     non-empty
     * @return this builder
     * @throws IllegalArgumentException if {@code token} is empty
     */
    public Builder token(String token) {
      requireNonNull(token, "token == null");
      if (token.isEmpty()) {
        throw new IllegalArgumentException("token must not be empty");
      }
      this.token = token;
      return this;
    }

    /** {@return the handler} */
    public CdrHandler build() {
      if (sink == null) {
        throw new IllegalStateException("sink is required: call sink(...) before build()");
      }
      return new CdrHandler(this);
    }
  }
}
