package io.mmsdk.meetings;

import io.mmsdk.common.listen.Listeners;
import io.mmsdk.common.listen.Registration;
import io.mmsdk.meetings.Meeting.LogEntry;
import io.mmsdk.meetings.Meeting.LogKind;
import io.mmsdk.meetings.TrackerState.Leg;
import io.mmsdk.meetings.TrackerState.M;
import java.lang.invoke.VarHandle;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells {@link MeetingListener}s of the tracker's changes and gaps, in order, on the listener
 * executor and never under the tracker's lock. Changes are written under the {@link
 * MeetingTracker}'s lock ({@link #queueChange}, {@link #queueGap}) to a single-producer,
 * single-consumer queue, so their order is the order they were made in; at the end of each hold
 * {@link #handOff} says whether a drain must be started, and {@link #deliver} starts it on the
 * executor after the lock is released. At most one drain runs at a time (it owns the queue's
 * consumer side while {@code draining} is set), and it never takes the tracker's lock. At most
 * {@code maxPending} changes wait; beyond that they are counted and listeners told how many were
 * dropped, in order with the changes.
 */
final class ListenerDispatch {
  private static final Logger log = LoggerFactory.getLogger(MeetingTracker.class);
  /**
   * Slots per chunk of the queue: an idle queue keeps one chunk (about 0.5 KB) and the items of
   * it already delivered.
   */
  private static final int CHUNK = 128;
  /** How long {@link #close()} lets the own thread deliver what is queued, in seconds. */
  static final int CLOSE_DRAIN_SECONDS = 5;
  /**
   * How long the own listener thread keeps looking for changes, yielding the processor between
   * looks, before it sleeps. Yielding rather than spinning lets a busy machine run the tracker's
   * callers meanwhile, and the time bound keeps it short where a yield lasts a whole time slice.
   */
  private static final long LINGER_NANOS = 10_000;

  private final Object lock;
  private final Listeners<MeetingListener> listeners = new Listeners<>("Meeting", log);
  private final Executor executor;
  private final ExecutorService ownedExecutor;
  private final int maxPending;

  // Producer side, guarded by the tracker's lock.
  private Chunk tail = new Chunk();
  private int tailIndex;
  private long written; // changes and gaps written (markers not counted)
  private long handedOff; // `written` at the last handOff
  private long takenSeen; // `taken` when last read: reading it is a cache miss, so only when full
  private long dropped; // dropped in this hold, not yet written as a marker
  private Dropped lastMarker; // the newest marker, while nothing was written after it
  private boolean closed;

  // Consumer side: touched only by the drain that set `draining` (or by deliver, which set it).
  private final AtomicBoolean draining = new AtomicBoolean();
  private Chunk head = tail;
  private int headIndex;
  /** How many changes and gaps the consumer took; read under the tracker's lock. */
  private final AtomicLong taken = new AtomicLong();

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

  /**
   * Queues the change of {@code m} the entry ({@code time}, {@code kind}, {@code subject}, {@code
   * detail}) describes, made only if admitted; caller holds the tracker's lock.
   */
  void queueChange(M m, Instant time, LogKind kind, String subject, String detail,
      Leg participant) {
    if (admitOne()) {
      write(new MeetingChange(m.id, m.cluster, m.name, m.coSpace,
          m.ended ? Meeting.State.ENDED : Meeting.State.ACTIVE,
          new LogEntry(time, kind, subject, detail),
          participant == null ? null : participant.snapshot()));
    }
  }

  /** Queues {@code gap}; caller holds the tracker's lock. */
  void queueGap(SourceGap gap) {
    if (admitOne()) {
      write(gap);
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
    if (written - takenSeen >= maxPending) {
      takenSeen = taken.get();
      if (written - takenSeen >= maxPending) {
        dropped++;
        return false;
      }
    }
    return true;
  }

  private void write(Object item) {
    written++;
    lastMarker = null;
    append(item);
  }

  // Publishes item to the consumer: a release store, seen by the consumer's volatile read.
  private void append(Object item) {
    if (tailIndex == CHUNK) {
      Chunk next = new Chunk();
      tail.next = next;
      tail = next;
      tailIndex = 0;
    }
    tail.slots.setRelease(tailIndex++, item);
  }

  /**
   * Ends a hold: writes what it dropped as a marker (added to the newest one if nothing came
   * after it, so a stuck listener costs one marker). Caller holds the tracker's lock and calls it
   * last in its hold. {@return whether the caller must {@link #deliver} after releasing the lock}
   * (something was queued and no drain runs).
   */
  boolean handOff() {
    if (written == handedOff && dropped == 0) {
      return false;
    }
    handedOff = written;
    if (dropped > 0) {
      if (lastMarker == null || !lastMarker.add(dropped)) {
        lastMarker = new Dropped(dropped);
        append(lastMarker);
      }
      dropped = 0;
    }
    // Orders the writes above before the read of `draining`, as the drain's volatile write of
    // `draining` comes before its last look at the queue: one of the two sees the other.
    VarHandle.fullFence();
    return !draining.get() && draining.compareAndSet(false, true);
  }

  /**
   * Hands the queue to the listener executor if {@code scheduled}, the result of the last {@link
   * #handOff}; caller does not hold the tracker's lock.
   */
  void deliver(boolean scheduled) {
    if (!scheduled) {
      return;
    }
    try {
      executor.execute(this::drain);
    } catch (RejectedExecutionException e) {
      long lost = 0; // this thread still owns the consumer side: empty the queue
      for (Object item = poll(); item != null; item = poll()) {
        lost += item instanceof Dropped d ? d.claim() : 1;
      }
      draining.set(false);
      log.warn("Meeting listeners not told of {} changes: the listener executor refused them",
          lost, e);
    }
  }

  /** Tells the listeners of what the queue holds until it stays empty. */
  private void drain() {
    boolean done = false;
    try {
      while (true) {
        for (Object item = poll(); item != null; item = poll()) {
          tell(item);
        }
        if (lingers()) {
          continue;
        }
        draining.set(false);
        // A hold that wrote after the last poll and saw `draining` still set started no drain.
        if (!hasNext() || !draining.compareAndSet(false, true)) {
          done = true;
          return;
        }
      }
    } finally {
      if (!done) {
        draining.set(false); // an Error escaped a listener: the next change delivers again
      }
    }
  }

  /**
   * {@return whether more was written while the tracker's own thread waited a moment} A caller's
   * executor is never held up; the own thread yields a few times first, so under steady traffic
   * the tracker does not hand it a task (a wake-up) per change.
   */
  private boolean lingers() {
    if (ownedExecutor == null) {
      return false;
    }
    // A bound on a busy wait, not a time of day: nanoTime, not the tracker's scheduler.
    long start = System.nanoTime();
    do {
      if (hasNext()) {
        return true;
      }
      Thread.yield();
    } while (System.nanoTime() - start < LINGER_NANOS);
    return hasNext();
  }

  private void tell(Object item) {
    List<MeetingListener> ls = listeners.snapshot();
    if (item instanceof Dropped d) {
      long lost = d.claim();
      log.warn("Meeting listeners fell behind; {} changes dropped", lost);
      for (int i = 0; i < ls.size(); i++) {
        try {
          ls.get(i).onChangesDropped(lost);
        } catch (RuntimeException ex) {
          log.warn("Meeting listener {} failed on dropped changes; continuing", ls.get(i), ex);
        }
      }
      return;
    }
    for (int i = 0; i < ls.size(); i++) {
      try {
        if (item instanceof MeetingChange c) {
          ls.get(i).onMeetingChanged(c);
        } else {
          ls.get(i).onSourceGap((SourceGap) item);
        }
      } catch (RuntimeException ex) {
        log.warn("Meeting listener {} failed on {}; continuing", ls.get(i),
            item instanceof MeetingChange c ? c.entry().kind() : "a gap", ex);
      }
    }
  }

  /** {@return the next item, or null if none is written yet}; caller owns the consumer side. */
  private Object poll() {
    if (headIndex == CHUNK) {
      Chunk next = head.next;
      if (next == null) {
        return null;
      }
      head.forget();
      head = next;
      headIndex = 0;
    }
    Object item = head.slots.get(headIndex);
    if (item == null) {
      return null;
    }
    // The slot is cleared only when the consumer leaves its chunk (clearing it now would write to
    // the producer's cache line): a chunk keeps at most CHUNK delivered items.
    headIndex++;
    if (!(item instanceof Dropped)) {
      taken.lazySet(taken.get() + 1);
    }
    return item;
  }

  /** {@return whether an item is written and not yet taken}; caller owns the consumer side. */
  private boolean hasNext() {
    if (headIndex < CHUNK) {
      return head.slots.get(headIndex) != null;
    }
    Chunk next = head.next;
    return next != null && next.slots.get(0) != null;
  }

  /**
   * Queues nothing more and stops the dispatcher's own thread once it has delivered the rest,
   * waiting for that up to {@value #CLOSE_DRAIN_SECONDS} s (then it is interrupted), as {@code
   * CdrPipeline.close()} does.
   */
  void close() {
    synchronized (lock) {
      closed = true;
    }
    if (ownedExecutor != null) {
      ownedExecutor.shutdown();
      boolean drained = false;
      try {
        drained = ownedExecutor.awaitTermination(CLOSE_DRAIN_SECONDS, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      if (!drained) {
        log.warn("Meeting listeners did not finish within {} s of close; interrupting the"
            + " tracker's listener thread, undelivered changes are dropped", CLOSE_DRAIN_SECONDS);
        ownedExecutor.shutdownNow();
      }
    }
  }

  /** A run of the queue: written by the producer, read once by the consumer. */
  private static final class Chunk {
    final AtomicReferenceArray<Object> slots = new AtomicReferenceArray<>(CHUNK);
    volatile Chunk next;

    /**
     * Drops what a read chunk refers to; the producer has moved on to a later chunk. A chunk the
     * collector promoted before it was read would otherwise keep every later chunk, and every
     * change in them, alive until the next old-generation collection.
     */
    void forget() {
      next = null;
      for (int i = 0; i < CHUNK; i++) {
        slots.setPlain(i, null);
      }
    }
  }

  /**
   * How many changes were dropped at this point of the queue. The producer adds to it until the
   * consumer claims it; the claim is final, so no count is lost between the two.
   */
  private static final class Dropped {
    private final AtomicLong count;

    Dropped(long count) {
      this.count = new AtomicLong(count);
    }

    /** {@return whether {@code n} was added, false once the consumer has claimed the count} */
    boolean add(long n) {
      for (long c = count.get(); c >= 0; c = count.get()) {
        if (count.compareAndSet(c, c + n)) {
          return true;
        }
      }
      return false;
    }

    /** {@return the count, after which {@link #add} refuses} */
    long claim() {
      return count.getAndSet(-1);
    }
  }
}
