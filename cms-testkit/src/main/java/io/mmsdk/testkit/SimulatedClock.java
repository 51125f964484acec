package io.mmsdk.testkit;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.PriorityQueue;

/**
 * A {@link Clock} that only moves when a test calls {@link #advance(Duration)}, and runs the tasks the
 * simulated cluster scheduled on it (ringing timeouts, scripted answers and key presses, license usage
 * snapshots) in due order as time passes.
 *
 * <p>Thread-safe. Tasks run on the thread that calls {@code advance}, with the clock set to each task's
 * due time while it runs.
 */
public final class SimulatedClock extends Clock {
  private final Object lock = new Object();
  private final PriorityQueue<Task> tasks = new PriorityQueue<>();
  private Instant now;
  private long sequence;

  private SimulatedClock(Instant start) {
    this.now = start;
  }

  /** Returns a clock that reads {@code start} until advanced. */
  public static SimulatedClock startingAt(Instant start) {
    return new SimulatedClock(requireNonNull(start, "start == null"));
  }

  /** Returns a clock starting at 2026-01-05T09:00:00Z, a Monday morning. */
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

  /**
   * Moves the clock forward by {@code duration}, running every task that falls due on the way in time
   * order (tasks scheduled by those tasks run too if they fall due before the end).
   *
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
      Task next;
      synchronized (lock) {
        next = tasks.peek();
        if (next == null || next.due.isAfter(target)) {
          now = target;
          return;
        }
        tasks.poll();
        if (next.due.isAfter(now)) {
          now = next.due;
        }
      }
      next.action.run();
    }
  }

  /**
   * Schedules {@code action} to run once the clock has been advanced by at least {@code delay} from now.
   * A zero delay runs on the next {@link #advance(Duration)} call (also {@code advance(Duration.ZERO)}).
   */
  public void schedule(Duration delay, Runnable action) {
    requireNonNull(delay, "delay == null");
    requireNonNull(action, "action == null");
    synchronized (lock) {
      tasks.add(new Task(now.plus(delay), sequence++, action));
    }
  }

  /** Returns the number of scheduled tasks that have not run yet. */
  public int pendingTasks() {
    synchronized (lock) {
      return tasks.size();
    }
  }

  @Override
  public String toString() {
    return "SimulatedClock[" + instant() + "]";
  }

  private record Task(Instant due, long sequence, Runnable action) implements Comparable<Task> {
    @Override
    public int compareTo(Task other) {
      int byDue = due.compareTo(other.due);
      return byDue != 0 ? byDue : Long.compare(sequence, other.sequence);
    }
  }
}
