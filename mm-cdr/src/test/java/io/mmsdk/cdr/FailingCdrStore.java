package io.mmsdk.cdr;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A {@link CdrStore} for tests that fails its next appends on demand (as a full disk or a database
 * outage would: nothing stored, so the Call Bridge re-sends) and passes everything else to a real
 * store, which it closes.
 */
public final class FailingCdrStore implements CdrStore {
  private final CdrStore delegate;
  private final AtomicInteger failNext = new AtomicInteger();

  /**
   * Wraps {@code delegate}.
   *
   * @param delegate the real store
   */
  public FailingCdrStore(CdrStore delegate) {
    this.delegate = requireNonNull(delegate, "delegate == null");
  }

  /**
   * Makes the next {@code appends} appends fail.
   *
   * @param appends how many
   * @return this store
   */
  public FailingCdrStore failNext(int appends) {
    failNext.set(appends);
    return this;
  }

  /** {@return how many of the requested failures are still to come} */
  public int failuresLeft() {
    return failNext.get();
  }

  @Override
  public List<CdrRecord> append(ReceivedBatch batch) {
    if (failNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
      throw new CdrStoreException("simulated store failure", null);
    }
    return delegate.append(batch);
  }

  @Override
  public void replay(Consumer<ReceivedBatch> consumer) {
    delegate.replay(consumer);
  }

  @Override
  public void close() {
    delegate.close();
  }
}
