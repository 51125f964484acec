package io.mmsdk.common.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The seam through which mm-sdk reads the time and runs delayed work. Library code never calls
 * {@code Instant.now()} or sleeps; it asks its {@code Scheduler}. Production code uses {@link
 * #system()}; tests use cms-testkit's {@code SimulatedClock}, which is also the simulated cluster's
 * clock, and advance time by hand.
 *
 * <p>Implementations are thread-safe.
 */
public interface Scheduler {

  /** {@return the clock this scheduler runs on} */
  Clock clock();

  /** {@return the current instant of {@link #clock()}} */
  default Instant now() {
    return clock().instant();
  }

  /**
   * Runs {@code task} once after {@code delay} (zero or negative means as soon as possible) and
   * returns a handle that can cancel it. A task that throws is logged and does not stop others.
   *
   * @param delay how long from the clock's now to wait before running; not null
   * @param task what to run, on the scheduler's thread (or the caller of a simulated clock's {@code
   *     advance}); not null
   * @return a handle whose {@code cancel()} stops the task if it has not started yet
   */
  Cancellable schedule(Duration delay, Runnable task);

  /**
   * Runs {@code task} every {@code period}, first after {@code initialDelay}, until cancelled.
   * Runs never overlap: the next run is scheduled when the previous one finishes.
   *
   * @param initialDelay how long from the clock's now to wait before the first run; not null
   * @param period the time from the end of one run to the start of the next; positive, not null
   * @param task what to run each time; a run that throws is logged and the next run still happens
   * @return a handle whose {@code cancel()} stops further runs (a run in progress finishes)
   */
  Cancellable scheduleRepeating(Duration initialDelay, Duration period, Runnable task);

  /** {@return a scheduler on the system UTC clock backed by the SDK's shared daemon threads} */
  static Scheduler system() {
    return SystemScheduler.INSTANCE;
  }

  /**
   * Returns a scheduler on the system UTC clock that runs every task on {@code executor}, for a host
   * application that keeps its threads in its own pool (as Caffeine's {@code
   * Scheduler.forScheduledExecutorService} does). The caller owns the executor: shutting it down
   * stops the SDK's scheduled work, and a task scheduled after that fails with the executor's
   * {@link java.util.concurrent.RejectedExecutionException}.
   *
   * @param executor where tasks run; not null
   * @return the scheduler
   */
  static Scheduler using(ScheduledExecutorService executor) {
    return new SystemScheduler(executor);
  }

  /** A handle to scheduled work. */
  @FunctionalInterface
  interface Cancellable {
    /** Cancels the work if it has not started; a run in progress finishes. Idempotent. */
    void cancel();
  }
}
