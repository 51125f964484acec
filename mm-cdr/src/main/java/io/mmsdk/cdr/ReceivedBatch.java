package io.mmsdk.cdr;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * A parsed batch with where and when it was received and the exact bytes that arrived (kept so a
 * journal can store what the Call Bridge sent, unknown content included).
 */
public final class ReceivedBatch {
  private final CdrOrigin origin;
  private final Instant receivedAt;
  private final byte[] body;
  private final CdrBatch batch;

  private ReceivedBatch(CdrOrigin origin, Instant receivedAt, byte[] body, CdrBatch batch) {
    this.origin = requireNonNull(origin, "origin == null");
    this.receivedAt = requireNonNull(receivedAt, "receivedAt == null");
    this.body = requireNonNull(body, "body == null");
    this.batch = requireNonNull(batch, "batch == null");
  }

  /**
   * {@return a received batch} {@code body} is copied.
   *
   * @param origin the receiver URI's tags
   * @param receivedAt when it arrived
   * @param body the raw XML document
   * @param batch {@code body} parsed
   */
  public static ReceivedBatch of(CdrOrigin origin, Instant receivedAt, byte[] body, CdrBatch batch) {
    return new ReceivedBatch(origin, receivedAt, requireNonNull(body, "body == null").clone(), batch);
  }

  static ReceivedBatch wrap(CdrOrigin origin, Instant receivedAt, byte[] body, CdrBatch batch) {
    return new ReceivedBatch(origin, receivedAt, body, batch);
  }

  /** {@return the receiver URI's tags} */
  public CdrOrigin origin() {
    return origin;
  }

  /** {@return when the batch arrived} */
  public Instant receivedAt() {
    return receivedAt;
  }

  /** {@return a copy of the raw XML document} */
  public byte[] body() {
    return body.clone();
  }

  byte[] bodyNoCopy() {
    return body;
  }

  /** {@return the parsed batch} */
  public CdrBatch batch() {
    return batch;
  }

  @Override
  public String toString() {
    return "ReceivedBatch[origin=" + origin + ", receivedAt=" + receivedAt + ", session="
        + batch.session() + ", records=" + batch.records().size() + "]";
  }
}
