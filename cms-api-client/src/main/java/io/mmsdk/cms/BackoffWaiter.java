package io.mmsdk.cms;

/**
 * Waits between retry attempts. The default blocks the calling thread; tests pass one that records
 * the requested delays and returns at once, so no test sleeps.
 */
@FunctionalInterface
public interface BackoffWaiter {
  /**
   * Waits for {@code delay}.
   *
   * @param delay how long to wait, from the retry policy's backoff
   * @throws InterruptedException if the thread is interrupted; the request is then abandoned
   */
  void await(java.time.Duration delay) throws InterruptedException;

  /** {@return a waiter that blocks the calling thread for the delay} */
  static BackoffWaiter blocking() {
    return ParkingWaiter.INSTANCE;
  }
}
