package io.mmsdk.cdr;

/**
 * Takes parsed batches from a receiver. The receiver acknowledges a batch to the Call Bridge (HTTP
 * 200) only after {@link #accept} returns, so a sink that stores durably must do so before
 * returning.
 */
@FunctionalInterface
public interface CdrSink {

  /**
   * Accepts one batch. Must be safe to call from several threads.
   *
   * @param batch the parsed batch with its origin; not null
   * @throws RuntimeException if the batch could not be taken; the receiver then answers 503 and the
   *     Call Bridge sends the batch again later
   */
  void accept(ReceivedBatch batch);
}
