package io.mmsdk.meetings;

import io.mmsdk.meetings.Meeting.LogEntry;
import io.mmsdk.meetings.TrackerState.Leg;
import io.mmsdk.meetings.TrackerState.M;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells {@link MeetingListener}s of the tracker's changes and gaps, in order, on the listener
 * executor and never under the tracker's lock. Changes are queued under the {@link
 * MeetingTracker}'s lock ({@link #queueChange}, {@link #queueGap}); {@link #deliver} is called
 * after it is released and hands them to the executor, which drains them batch by batch. At most
 * {@code maxPending} changes wait; beyond that they are counted and listeners told how many were
 * dropped.
 */
final class ListenerDispatch {
  private static final Logger log = LoggerFactory.getLogger(MeetingTracker.class);

  private final Object lock;
  private final List<MeetingListener> listeners;
  private final Executor executor;
  private final ExecutorService ownedExecutor;
  private final int maxPending;

  // Changes (MeetingChange) and gaps (SourceGap) not yet handed to listeners, guarded by lock;
  // delivered by drain() outside it.
  private List<Object> pending = new ArrayList<>();
  private long dropped;
  private boolean drainScheduled;
  private boolean closed;

  /** Runs listeners on {@code executor}, or on one daemon thread of its own if that is null. */
  ListenerDispatch(Object lock, List<MeetingListener> listeners, Executor executor,
      int maxPending) {
    this.lock = lock;
    this.listeners = new CopyOnWriteArrayList<>(listeners);
    this.maxPending = maxPending;
    if (executor != null) {
      this.ownedExecutor = null;
      this.executor = executor;
    } else {
      this.ownedExecutor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "mm-meeting-listeners");
        t.setDaemon(true);
        return t;
      });
      this.executor = ownedExecutor;
    }
  }

  void addListener(MeetingListener listener) {
    listeners.add(listener);
  }

  /** Queues change {@code e} of {@code m}; caller holds the lock. */
  void queueChange(M m, LogEntry e, Leg participant) {
    if (!admitOne()) {
      return;
    }
    pending.add(new MeetingChange(m.id, m.cluster, m.name, m.coSpace,
        m.ended ? Meeting.State.ENDED : Meeting.State.ACTIVE, e,
        participant == null ? null : participant.snapshot()));
  }

  /** Queues {@code gap}; caller holds the lock. */
  void queueGap(SourceGap gap) {
    if (admitOne()) {
      pending.add(gap);
    }
  }

  /**
   * {@return whether one more item may be queued} False when no one listens or the dispatcher is
   * closed, or when {@code maxPending} items wait already (the item then counts as dropped).
   */
  private boolean admitOne() {
    if (listeners.isEmpty() || closed) {
      return false;
    }
    if (pending.size() >= maxPending) {
      dropped++;
      return false;
    }
    return true;
  }

  /** Hands pending changes to the listener executor; caller does not hold the lock. */
  void deliver() {
    boolean deliver;
    synchronized (lock) {
      deliver = !drainScheduled && (!pending.isEmpty() || dropped > 0);
      drainScheduled |= deliver;
    }
    if (deliver) {
      try {
        executor.execute(this::drain);
      } catch (RejectedExecutionException e) {
        long lost;
        synchronized (lock) {
          lost = pending.size() + dropped;
          pending = new ArrayList<>();
          dropped = 0;
          drainScheduled = false;
        }
        log.warn("Meeting listeners not told of {} changes: the listener executor refused them",
            lost, e);
      }
    }
  }

  /** Hands the pending changes to the listeners, batch by batch, until none are left. */
  private void drain() {
    boolean done = false;
    try {
      while (true) {
        List<Object> batch;
        long lost;
        synchronized (lock) {
          if (pending.isEmpty() && dropped == 0) {
            drainScheduled = false;
            done = true;
            return;
          }
          batch = pending;
          lost = dropped;
          pending = new ArrayList<>(Math.min(batch.size(), 1024));
          dropped = 0;
        }
        for (Object item : batch) {
          for (MeetingListener l : listeners) {
            try {
              if (item instanceof MeetingChange c) {
                l.onMeetingChanged(c);
              } else {
                l.onSourceGap((SourceGap) item);
              }
            } catch (RuntimeException ex) {
              log.warn("Meeting listener {} failed on {}; continuing", l,
                  item instanceof MeetingChange c ? c.entry().kind() : "a gap", ex);
            }
          }
        }
        if (lost > 0) {
          log.warn("Meeting listeners fell behind; {} changes dropped", lost);
          for (MeetingListener l : listeners) {
            try {
              l.onChangesDropped(lost);
            } catch (RuntimeException ex) {
              log.warn("Meeting listener {} failed on dropped changes; continuing", l, ex);
            }
          }
        }
      }
    } finally {
      if (!done) {
        synchronized (lock) {
          drainScheduled = false; // an Error escaped a listener: the next change delivers again
        }
      }
    }
  }

  /** Queues nothing more and stops the dispatcher's own thread once it has delivered the rest. */
  void close() {
    synchronized (lock) {
      closed = true;
    }
    if (ownedExecutor != null) {
      ownedExecutor.shutdown();
    }
  }
}
