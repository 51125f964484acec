package io.mmsdk.meetings;

import io.mmsdk.common.listen.Listeners;
import io.mmsdk.common.listen.Registration;
import io.mmsdk.meetings.Meeting.LogEntry;
import io.mmsdk.meetings.TrackerState.Leg;
import io.mmsdk.meetings.TrackerState.M;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells {@link MeetingListener}s of the tracker's changes and gaps, in order, on the listener
 * executor and never under the tracker's lock. Changes are queued under the {@link
 * MeetingTracker}'s lock ({@link #queueChange}, {@link #queueGap}) and handed off, still under it,
 * at the end of each hold ({@link #handOff}), so their order is the order they were made in; the
 * hand-off moves them to an outbox guarded by a lock of its own, which the executor drains batch
 * by batch without ever taking the tracker's lock. At most {@code maxPending} changes wait; beyond
 * that they are counted and listeners told how many were dropped.
 */
final class ListenerDispatch {
  private static final Logger log = LoggerFactory.getLogger(MeetingTracker.class);
  /** The largest drained list kept for reuse; a larger one (a burst) is left to the collector. */
  private static final int MAX_SPARE = 4096;

  private final Object lock;
  private final Listeners<MeetingListener> listeners = new Listeners<>("Meeting", log);
  private final Executor executor;
  private final ExecutorService ownedExecutor;
  private final int maxPending;

  // Changes (MeetingChange) and gaps (SourceGap) of the current hold, guarded by the tracker's lock.
  private ArrayList<Object> pending = new ArrayList<>();
  private long dropped; // guarded by the tracker's lock
  private boolean closed; // guarded by the tracker's lock

  /** Guards the outbox; held only to move a list in or out, never while a listener runs. */
  private final Object outboxLock = new Object();
  // Handed off and not yet taken by drain(); guarded by outboxLock.
  private ArrayList<Object> outbox = new ArrayList<>();
  private long outboxDropped;
  private boolean drainScheduled;
  // The list drain() last emptied, given back for reuse so that steady traffic allocates no lists;
  // guarded by outboxLock.
  private ArrayList<Object> spare;
  /** How many items the outbox holds; written under outboxLock, read under the tracker's lock. */
  private volatile int outboxSize;

  /** Runs listeners on {@code executor}, or on one daemon thread of its own if that is null. */
  ListenerDispatch(Object lock, List<MeetingListener> listeners, Executor executor,
      int maxPending) {
    this.lock = lock;
    listeners.forEach(this.listeners::add);
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

  Registration addListener(MeetingListener listener) {
    return listeners.add(listener);
  }

  /** Queues change {@code e} of {@code m}; caller holds the tracker's lock. */
  void queueChange(M m, LogEntry e, Leg participant) {
    if (!admitOne()) {
      return;
    }
    pending.add(new MeetingChange(m.id, m.cluster, m.name, m.coSpace,
        m.ended ? Meeting.State.ENDED : Meeting.State.ACTIVE, e,
        participant == null ? null : participant.snapshot()));
  }

  /** Queues {@code gap}; caller holds the tracker's lock. */
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
    if (pending.size() + outboxSize >= maxPending) {
      dropped++;
      return false;
    }
    return true;
  }

  /**
   * Moves what this hold queued to the outbox; caller holds the tracker's lock and calls it last in
   * its hold. {@return whether the caller must {@link #deliver} after releasing the lock} (no drain
   * is scheduled yet).
   */
  boolean handOff() {
    if (pending.isEmpty() && dropped == 0) {
      return false;
    }
    synchronized (outboxLock) {
      if (outbox.isEmpty()) {
        ArrayList<Object> empty = outbox;
        outbox = pending;
        pending = empty;
      } else {
        outbox.addAll(pending);
        pending.clear();
      }
      outboxDropped += dropped;
      dropped = 0;
      outboxSize = outbox.size();
      if (drainScheduled) {
        return false;
      }
      drainScheduled = true;
      return true;
    }
  }

  /**
   * Hands the outbox to the listener executor if {@code scheduled}, the result of the last {@link
   * #handOff}; caller does not hold the tracker's lock.
   */
  void deliver(boolean scheduled) {
    if (!scheduled) {
      return;
    }
    try {
      executor.execute(this::drain);
    } catch (RejectedExecutionException e) {
      long lost;
      synchronized (outboxLock) {
        lost = outbox.size() + outboxDropped;
        outbox.clear();
        outboxSize = 0;
        outboxDropped = 0;
        drainScheduled = false;
      }
      log.warn("Meeting listeners not told of {} changes: the listener executor refused them",
          lost, e);
    }
  }

  /** Hands the outbox to the listeners, batch by batch, until it stays empty. */
  private void drain() {
    boolean done = false;
    ArrayList<Object> batch = null;
    try {
      while (true) {
        long lost;
        synchronized (outboxLock) {
          if (batch != null && batch.size() <= MAX_SPARE) {
            batch.clear();
            spare = batch;
          }
          if (outbox.isEmpty() && outboxDropped == 0) {
            drainScheduled = false;
            done = true;
            return;
          }
          batch = outbox;
          lost = outboxDropped;
          outbox = spare != null ? spare : new ArrayList<>();
          spare = null;
          outboxDropped = 0;
          outboxSize = 0;
        }
        for (Object item : batch) {
          for (MeetingListener l : listeners.snapshot()) {
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
          for (MeetingListener l : listeners.snapshot()) {
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
        synchronized (outboxLock) {
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
