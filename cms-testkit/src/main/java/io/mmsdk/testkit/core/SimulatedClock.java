package io.mmsdk.testkit.core;

import static java.util.Objects.requireNonNull;

import io.mmsdk.common.time.Scheduler;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.PriorityQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one virtual time of a test: a {@link Clock} for the simulated cluster and a {@link Scheduler}
 * for the SDK, which only move when a test calls {@link #advance(Duration)}. Work scheduled on it
 * by
 * the cluster (ringing timeouts, scripted answers and key presses, license usage snapshots) and by
 * the SDK (polls, retries, sync schedules, timers) runs in one due-time order as time passes, so
 * the simulator and the code under test never disagree about what time it is.
 *
 * <p>Pass the same instance to {@link ClusterOptions.Builder#clock(SimulatedClock)} and to the
 * SDK's {@code scheduler(...)} builder options.
 *
 * <p>Thread-safe: other threads may schedule while a test advances time. Tasks run on the thread
 * that calls {@code advance}, in due-time order (ties in scheduling order), with the clock reading
 * each task's due time while it runs. A task that throws is logged and does not stop the others.
 */
public final class SimulatedClock extends Clock implements Scheduler {
  private static final Logger log = LoggerFactory.getLogger(SimulatedClock.class);

  private final Object lock = new Object();
  private final PriorityQueue<Entry> queue = new PriorityQueue<>();
  private Instant now;
  private long sequence;

  private SimulatedClock(Instant start) {
    this.now = start;
  }

  /**
   * {@return a clock that reads {@code start} until advanced}
   *
   * @param start the instant the clock reads until it is first advanced; not null
   */
  public static SimulatedClock startingAt(Instant start) {
    return new SimulatedClock(requireNonNull(start, "start == null"));
  }

  /** {@return a clock starting at 2026-01-05T09:00:00Z, a Monday morning} */
  public static SimulatedClock create() {
    return startingAt(Instant.parse("2026-01-05T09:00:00Z"));
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return Clock.fixed(instant(), zone);
  }

  @Override
  public Instant instant() {
    synchronized (lock) {
      return now;
    }
  }

  /** Returns this clock: the scheduler and the clock are one. */
  @Override
  public Clock clock() {
    return this;
  }

  /**
   * Moves the clock forward by {@code duration}, running every task that falls due on the way in
   * time order (tasks scheduled by those tasks run too if they fall due before the end).
   *
   * @param duration how far to move simulated time; zero runs only what is already due
   * @throws IllegalArgumentException if {@code duration} is negative
   */
  public void advance(Duration duration) {
    requireNonNull(duration, "duration == null");
    if (duration.isNegative()) {
      throw new IllegalArgumentException("duration must not be negative, was " + duration);
    }
    Instant target;
    synchronized (lock) {
      target = now.plus(duration);
    }
    while (true) {
      Job next;
      synchronized (lock) {
        Entry head = queue.peek();
        if (head == null || head.due.isAfter(target)) {
          if (target.isAfter(now)) {
            now = target;
          }
          return;
        }
        queue.poll();
        if (head.due.isAfter(now)) {
          now = head.due;
        }
        next = head.job;
        next.queued = null;
      }
      run(next);
    }
  }

  /** Runs every task already due without moving the clock. */
  public void runDue() {
    advance(Duration.ZERO);
  }

  /**
   * Schedules {@code task} to run once the clock has been advanced by at least {@code delay} from
   * now. A zero or negative delay runs on the next {@link #advance(Duration)} or {@link #runDue()}.
   */
  @Override
  public Cancellable schedule(Duration delay, Runnable task) {
    requireNonNull(delay, "delay == null");
    requireNonNull(task, "task == null");
    return enqueue(new Job(task, null), delay.isNegative() ? Duration.ZERO : delay);
  }

  /**
   * Schedules {@code task} every {@code period}, first after {@code initialDelay}, until cancelled.
   * The next run is due one period after the previous run's due time.
   *
   * @throws IllegalArgumentException if {@code period} is not positive
   */
  @Override
  public Cancellable scheduleRepeating(Duration initialDelay, Duration period, Runnable task) {
    requireNonNull(initialDelay, "initialDelay == null");
    requireNonNull(task, "task == null");
    if (period == null || period.isZero() || period.isNegative()) {
      throw new IllegalArgumentException("period must be positive: " + period);
    }
    return enqueue(new Job(task, period),
        initialDelay.isNegative() ? Duration.ZERO : initialDelay);
  }

  /**
   * {@return the number of scheduled tasks that have not run yet (a repeating task counts once)}
   */
  public int pendingTasks() {
    synchronized (lock) {
      return queue.size();
    }
  }

  private Job enqueue(Job job, Duration delay) {
    synchronized (lock) {
      Entry e = new Entry(now.plus(delay), sequence++, job);
      job.queued = e;
      queue.add(e);
    }
    return job;
  }

  private void run(Job job) {
    if (job.cancelled) {
      return;
    }
    try {
      job.task.run();
    } catch (RuntimeException e) {
      log.warn("Scheduled task failed; it will not stop other tasks", e);
    }
    if (job.period != null) {
      synchronized (lock) {
        if (!job.cancelled) {
          Entry e = new Entry(now.plus(job.period), sequence++, job);
          job.queued = e;
          queue.add(e);
        }
      }
    }
  }

  @Override
  public String toString() {
    return "SimulatedClock[" + instant() + "]";
  }

  /**
   * One scheduled piece of work; for a repeating task, the same job is queued again after a run.
   */
  private final class Job implements Cancellable {
    final Runnable task;
    final Duration period;
    volatile boolean cancelled;
    Entry queued;

    Job(Runnable task, Duration period) {
      this.task = task;
      this.period = period;
    }

    @Override
    public void cancel() {
      synchronized (lock) {
        cancelled = true;
        if (queued != null) {
          queue.remove(queued);
          queued = null;
        }
      }
    }
  }

  private record Entry(Instant due, long sequence, Job job) implements Comparable<Entry> {
    @Override
    public int compareTo(Entry other) {
      int byDue = due.compareTo(other.due);
      return byDue != 0 ? byDue : Long.compare(sequence, other.sequence);
    }
  }
}
