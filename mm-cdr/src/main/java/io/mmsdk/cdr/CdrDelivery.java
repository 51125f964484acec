package io.mmsdk.cdr;

import io.mmsdk.common.listen.Listeners;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link CdrPipeline}'s hand-off to its listeners: the queue of events decided and not yet handed
 * on, numbered from 1 in order, the deliverer (on the listener executor, by default the pipeline's
 * own delivery thread), backpressure and waiting for delivery. Its lock is never held while a
 * listener runs.
 */
final class CdrDelivery {
  private static final Logger log = LoggerFactory.getLogger(CdrPipeline.class);

  private final Listeners<CdrListener> listeners;
  private final Executor listenerExecutor;
  /** The pipeline's own delivery thread, when no listener executor was set; else null. */
  private final ExecutorService ownDelivery;
  private final int maxUndelivered;
  private final Object lock = new Object();
  private List<CdrEvent> queued = new ArrayList<>(); // guarded by lock
  private long enqueued; // guarded by lock
  private long delivered; // guarded by lock
  /** Whether a deliverer is queued on the executor or running; guarded by lock. */
  private boolean scheduled;
  /** Written under lock; read without it where a stale value only delays noticing a close. */
  private volatile boolean closed;

  CdrDelivery(Listeners<CdrListener> listeners, Executor listenerExecutor, int maxUndelivered) {
    this.listeners = listeners;
    this.maxUndelivered = maxUndelivered;
    if (listenerExecutor != null) {
      this.ownDelivery = null;
      this.listenerExecutor = listenerExecutor;
    } else {
      this.ownDelivery = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, CdrPipeline.DELIVERY_THREAD);
        t.setDaemon(true);
        return t;
      });
      this.listenerExecutor = ownDelivery;
    }
  }

  void checkOpen() {
    if (closed) {
      throw new IllegalStateException("CdrPipeline is closed; build a new pipeline to receive");
    }
  }

  /**
   * Queues {@code events} (called under their session's lock, so a session keeps its order).
   *
   * @return whether the caller must {@link #startDeliverer()}: true for the first events queued
   *     while no deliverer is scheduled, so one deliverer serves every batch queued meanwhile
   */
  boolean enqueue(List<CdrEvent> events) {
    synchronized (lock) {
      queued.addAll(events);
      enqueued += events.size();
      if (scheduled || events.isEmpty()) {
        return false;
      }
      scheduled = true;
      return true;
    }
  }

  boolean awaitDelivered(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (lock) {
      long target = enqueued;
      while (delivered < target) {
        long left = deadline - System.nanoTime();
        if (left <= 0 || (closed && ownDelivery != null && ownDelivery.isTerminated())) {
          return false;
        }
        try {
          TimeUnit.NANOSECONDS.timedWait(lock, left);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return false;
        }
      }
      return true;
    }
  }

  /** Backpressure: waits while the listeners are more than the limit behind. */
  void awaitBacklogBelowLimit() {
    synchronized (lock) {
      while (enqueued - delivered > maxUndelivered && !closed) {
        try {
          lock.wait();
        } catch (InterruptedException e) {
          // The batch is stored and queued; acknowledge it.
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  /**
   * Starts the deliverer that {@link #enqueue} asked for, on the listener executor (by default the
   * pipeline's own delivery thread). It hands the queued events to the listeners outside every lock,
   * each time every event queued so far at once (like a group commit: under load a few deliveries
   * serve many batches), until the queue is empty; so there is one deliverer at a time and listeners
   * see deliveries one by one, in order.
   */
  void startDeliverer() {
    try {
      listenerExecutor.execute(this::deliverAll);
    } catch (RejectedExecutionException e) {
      synchronized (lock) {
        scheduled = false;
      }
      if (ownDelivery == null) {
        throw e;
      }
      // Closed meanwhile: the delivery thread is stopping, the events stay undelivered.
      log.warn("CDR pipeline closed while accepting; {} events are not delivered", queuedCount());
    }
  }

  private long queuedCount() {
    synchronized (lock) {
      return enqueued - delivered;
    }
  }

  private void deliverAll() {
    boolean drained = false;
    try {
      while (true) {
        List<CdrEvent> chunk;
        synchronized (lock) {
          if (queued.isEmpty()) {
            scheduled = false;
            drained = true;
            return;
          }
          chunk = queued;
          queued = new ArrayList<>(chunk.size());
        }
        try {
          emit(chunk);
        } finally {
          synchronized (lock) {
            delivered += chunk.size();
            lock.notifyAll();
          }
        }
      }
    } finally {
      if (!drained) {
        // An Error escaped a listener. Events queued meanwhile found this deliverer scheduled and
        // started none: start the next one for them (and for any later batch) before leaving.
        boolean more;
        synchronized (lock) {
          more = !queued.isEmpty();
          scheduled = more;
        }
        if (more) {
          try {
            startDeliverer();
          } catch (RuntimeException e) {
            log.warn("CDR pipeline: cannot start the next delivery after a listener's error", e);
          }
        }
      }
    }
  }

  private void emit(List<CdrEvent> events) {
    List<CdrEvent> view = Collections.unmodifiableList(events);
    for (CdrListener l : listeners.snapshot()) {
      try {
        l.onEvents(view);
      } catch (RuntimeException ex) {
        log.warn("CDR listener {} failed on a delivery of {} events; continuing with the next"
            + " listener", l, events.size(), ex);
      }
    }
  }

  /**
   * Stops the own delivery thread, letting it finish what is queued for up to {@value
   * CdrPipeline#CLOSE_DRAIN_SECONDS} s, then interrupting it; ends backpressure waits. Idempotent.
   */
  void close() {
    synchronized (lock) {
      if (closed) {
        return;
      }
      closed = true;
      lock.notifyAll();
    }
    if (ownDelivery != null) {
      ownDelivery.shutdown();
      boolean drained = false;
      try {
        drained = ownDelivery.awaitTermination(CdrPipeline.CLOSE_DRAIN_SECONDS, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      if (!drained) {
        log.warn("CDR pipeline: listeners did not finish within {} s of close; interrupting the"
            + " delivery thread, undelivered events are dropped", CdrPipeline.CLOSE_DRAIN_SECONDS);
        ownDelivery.shutdownNow();
      }
    }
  }
}
