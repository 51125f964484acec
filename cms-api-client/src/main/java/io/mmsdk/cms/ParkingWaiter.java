package io.mmsdk.cms;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/** Blocks the calling thread by parking it until the delay has passed. */
enum ParkingWaiter implements BackoffWaiter {
  /** The one instance. */
  INSTANCE;

  @Override
  public void await(Duration delay) throws InterruptedException {
    long deadline = System.nanoTime() + delay.toNanos();
    for (long left = delay.toNanos(); left > 0; left = deadline - System.nanoTime()) {
      LockSupport.parkNanos(this, left);
      if (Thread.interrupted()) {
        throw new InterruptedException("interrupted while waiting to retry");
      }
    }
  }
}
