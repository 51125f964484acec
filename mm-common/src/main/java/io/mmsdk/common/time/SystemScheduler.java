package io.mmsdk.common.time;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A wall-clock scheduler over a {@link ScheduledExecutorService}: the shared one ({@link
 * #INSTANCE}, a small pool of daemon threads, so it never blocks exit) or one the caller supplies
 * ({@link Scheduler#using}).
 */
final class SystemScheduler implements Scheduler {
  static final SystemScheduler INSTANCE = new SystemScheduler(daemonPool());
  private static final Logger log = LoggerFactory.getLogger(SystemScheduler.class);

  private final ScheduledExecutorService executor;

  SystemScheduler(ScheduledExecutorService executor) {
    this.executor = Objects.requireNonNull(executor, "executor == null");
  }

  private static ScheduledExecutorService daemonPool() {
    AtomicInteger count = new AtomicInteger();
    ScheduledThreadPoolExecutor pool = new ScheduledThreadPoolExecutor(
        2,
        r -> {
          Thread t = new Thread(r, "mm-sdk-scheduler-" + count.incrementAndGet());
          t.setDaemon(true);
          return t;
        });
    // Deadlines are mostly cancelled (a CDR receiver arms one per request): without this each
    // cancelled task would stay queued, and reachable, until its delay had passed.
    pool.setRemoveOnCancelPolicy(true);
    return pool;
  }

  /** {@return how many tasks wait in the executor's queue, or -1 if it does not say} (for tests) */
  int queued() {
    return executor instanceof ScheduledThreadPoolExecutor p ? p.getQueue().size() : -1;
  }

  @Override
  public Clock clock() {
    return Clock.systemUTC();
  }

  @Override
  public Cancellable schedule(Duration delay, Runnable task) {
    Objects.requireNonNull(delay, "delay == null");
    Objects.requireNonNull(task, "task == null");
    ScheduledFuture<?> f =
        executor.schedule(guarded(task), Math.max(0, delay.toNanos()), TimeUnit.NANOSECONDS);
    return () -> f.cancel(false);
  }

  @Override
  public Cancellable scheduleRepeating(Duration initialDelay, Duration period, Runnable task) {
    Objects.requireNonNull(initialDelay, "initialDelay == null");
    Objects.requireNonNull(task, "task == null");
    if (period == null || period.isZero() || period.isNegative()) {
      throw new IllegalArgumentException("period must be positive: " + period);
    }
    ScheduledFuture<?> f =
        executor.scheduleWithFixedDelay(
            guarded(task),
            Math.max(0, initialDelay.toNanos()),
            period.toNanos(),
            TimeUnit.NANOSECONDS);
    return () -> f.cancel(false);
  }

  private static Runnable guarded(Runnable task) {
    return () -> {
      try {
        task.run();
      } catch (RuntimeException e) {
        log.warn("Scheduled task failed; it will not stop other tasks", e);
      }
    };
  }
}
