package io.mmsdk.blastdial;

import java.util.ArrayDeque;
import java.util.concurrent.Executor;

/**
 * Runs bridge requests on an executor with at most {@code maxConcurrent} in flight. Works with a
 * direct executor too: a task finishing inside {@link #drain()} does not recurse into it.
 */
final class DialQueue {
  private final ArrayDeque<Runnable> waiting = new ArrayDeque<>();
  private final Executor executor;
  private final int maxConcurrent;
  private int inFlight;
  private boolean draining;
  private boolean drainAgain;

  DialQueue(Executor executor, int maxConcurrent) {
    this.executor = executor;
    this.maxConcurrent = maxConcurrent;
  }

  synchronized void add(Runnable task) {
    waiting.add(task);
  }

  /** Drops the waiting tasks; those already started run on. */
  synchronized void clear() {
    waiting.clear();
  }

  synchronized int waiting() {
    return waiting.size();
  }

  /** Starts waiting tasks while fewer than {@code maxConcurrent} run. Call without engine locks. */
  void drain() {
    synchronized (this) {
      if (draining) {
        drainAgain = true;
        return;
      }
      draining = true;
    }
    while (true) {
      Runnable next;
      synchronized (this) {
        if (waiting.isEmpty() || inFlight >= maxConcurrent) {
          if (drainAgain) {
            drainAgain = false;
            continue;
          }
          draining = false;
          return;
        }
        next = waiting.poll();
        inFlight++;
      }
      try {
        executor.execute(() -> run(next));
      } catch (RuntimeException rejected) {
        synchronized (this) {
          inFlight--;
          draining = false;
        }
        throw rejected;
      }
    }
  }

  private void run(Runnable task) {
    try {
      task.run();
    } finally {
      synchronized (this) {
        inFlight--;
      }
      drain();
    }
  }
}
