package io.mmsdk.common.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.PriorityQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link Scheduler} whose time moves only when told to. Tasks run on the thread that calls
 * {@link #advance(Duration)} or {@link #runDue()}, in due-time order (ties in scheduling order), so
 * tests of retries, schedules and timeouts are deterministic and never sleep.
 *
 * <p>Thread-safe: other threads may schedule while a test advances time.
 */
public final class ManualScheduler implements Scheduler {
  private static final Logger log = LoggerFactory.getLogger(ManualScheduler.class);

  private final PriorityQueue<Entry> queue =
      new PriorityQueue<>(
          (a, b) -> a.due.equals(b.due) ? Long.compare(a.seq, b.seq) : a.due.compareTo(b.due));
  private final ManualClock clock;
  private long seq;

  private ManualScheduler(Instant start) {
    this.clock = new ManualClock(start);
  }

  /**
   * {@return a scheduler whose clock starts at {@code start} (UTC)}
   *
   * @param start the instant the clock reads until it is first advanced; not null
   */
  public static ManualScheduler startingAt(Instant start) {
    return new ManualScheduler(Objects.requireNonNull(start, "start == null"));
  }

  @Override
  public Clock clock() {
    return clock;
  }

  @Override
  public synchronized Cancellable schedule(Duration delay, Runnable task) {
    Objects.requireNonNull(delay, "delay == null");
    Objects.requireNonNull(task, "task == null");
    Entry e = new Entry(clock.instant().plus(delay.isNegative() ? Duration.ZERO : delay), null, task, seq++);
    queue.add(e);
    return () -> cancel(e);
  }

  @Override
  public synchronized Cancellable scheduleRepeating(
      Duration initialDelay, Duration period, Runnable task) {
    Objects.requireNonNull(initialDelay, "initialDelay == null");
    Objects.requireNonNull(task, "task == null");
    if (period == null || period.isZero() || period.isNegative()) {
      throw new IllegalArgumentException("period must be positive: " + period);
    }
    Entry e = new Entry(clock.instant().plus(initialDelay), period, task, seq++);
    queue.add(e);
    return () -> cancel(e);
  }

  /**
   * Moves the clock forward by {@code amount}, running every task that falls due on the way at its
   * due time (the clock reads that time while it runs). Tasks scheduled by tasks run too if due.
   *
   * @param amount how far to move the clock; zero runs only what is already due, not null
   * @throws IllegalArgumentException if {@code amount} is negative (time cannot go backwards)
   */
  public void advance(Duration amount) {
    Objects.requireNonNull(amount, "amount == null");
    if (amount.isNegative()) {
      throw new IllegalArgumentException("time cannot go backwards: " + amount);
    }
    Instant target = clock.instant().plus(amount);
    while (true) {
      Entry next;
      synchronized (this) {
        next = queue.peek();
        if (next == null || next.due.isAfter(target)) {
          clock.set(target);
          return;
        }
        queue.poll();
        if (next.due.isAfter(clock.instant())) {
          clock.set(next.due);
        }
      }
      run(next);
    }
  }

  /** Runs every task already due without moving the clock. */
  public void runDue() {
    advance(Duration.ZERO);
  }

  /** {@return how many tasks are waiting (including repeating ones)} */
  public synchronized int pendingTasks() {
    return queue.size();
  }

  private void run(Entry e) {
    if (e.cancelled) {
      return;
    }
    try {
      e.task.run();
    } catch (RuntimeException ex) {
      log.warn("Scheduled task failed; it will not stop other tasks", ex);
    }
    if (e.period != null) {
      synchronized (this) {
        if (!e.cancelled) {
          queue.add(new Entry(clock.instant().plus(e.period), e.period, e.task, seq++, e));
        }
      }
    }
  }

  private synchronized void cancel(Entry e) {
    for (Entry x = e; x != null; x = x.successor) {
      x.cancelled = true;
      queue.remove(x);
    }
  }

  private static final class Entry {
    final Instant due;
    final Duration period;
    final Runnable task;
    final long seq;
    volatile boolean cancelled;
    Entry successor;

    Entry(Instant due, Duration period, Runnable task, long seq) {
      this.due = due;
      this.period = period;
      this.task = task;
      this.seq = seq;
    }

    Entry(Instant due, Duration period, Runnable task, long seq, Entry predecessor) {
      this(due, period, task, seq);
      predecessor.successor = this;
    }
  }

  private static final class ManualClock extends Clock {
    private volatile Instant now;

    ManualClock(Instant start) {
      this.now = start;
    }

    void set(Instant instant) {
      now = instant;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return Clock.fixed(now, zone);
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
