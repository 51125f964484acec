package io.mmsdk.cdr;

import static java.util.Objects.requireNonNull;

import io.mmsdk.cdr.CdrEvent.RecordsMissing.Cause;
import io.mmsdk.common.listen.Listeners;
import io.mmsdk.common.listen.Registration;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link CdrSink} that turns re-sent, out-of-order, lossy batches into an exactly-once stream
 * of {@link CdrEvent}s: it drops records already seen (by session and {@code correlatorIndex},
 * which the Call Bridge keeps the same for every receiver), stores the rest in a {@link CdrStore}
 * before the receiver acknowledges, reports gaps in {@code recordIndex} (per receiver) and
 * records the Call Bridge says it discarded ({@code numPreceedingRecordsMissing}), and notices Call
 * Bridge restarts (a new session GUID for the same Call Bridge).
 *
 * <p>On {@link Builder#build()} every batch retained by the store is replayed through the same
 * logic, rebuilding the duplicate filter, and delivered to listeners with {@link
 * CdrEvent#replayed()} true. Live events are delivered once; after a process restart, retained
 * events are delivered again, marked as replayed. The filters of at most the {@value #MAX_SESSIONS}
 * most recently active sessions are kept in memory; an older session's filter is rebuilt from the store
 * when that session sends again, so its re-sends are still dropped (with {@link CdrStore#none()}
 * there is nothing to rebuild from).
 *
 * <p>Several receivers may share one store (mm-jdbc's {@code JdbcCdrStore} on PostgreSQL), each
 * with its own pipeline, for example behind one load-balanced address: then the store decides
 * which receiver delivers a record ({@link CdrStore#append} returns the records it stored first),
 * so across the receivers every record is delivered live exactly once, by the receiver that stored
 * it; the others count it as a duplicate.
 *
 * <p>Listeners never run on the thread that accepted a batch, so they do not delay a Call Bridge's
 * acknowledgement: by default they run on one daemon thread the pipeline owns, {@value
 * #DELIVERY_THREAD}, started with the first delivery (or on the {@linkplain
 * Builder#listenerExecutor listener executor}). Only when they fall {@linkplain
 * Builder#maxUndeliveredEvents too far behind} does {@link #accept} wait for them; {@link
 * #awaitDelivered} waits for the events accepted so far.
 *
 * <p>Thread-safe. {@link #close()} stops the delivery thread and closes the store.
 */
public final class CdrPipeline implements CdrSink, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(CdrPipeline.class);
  /** Sessions whose duplicate filter is kept in memory; older ones are rebuilt from the store. */
  static final int MAX_SESSIONS = 4096;
  /** Evicted sessions remembered for a rebuild from the store. */
  static final int MAX_EVICTED = 1 << 16;
  /** The name of the pipeline's own delivery thread. */
  public static final String DELIVERY_THREAD = "mm-sdk-cdr-delivery";
  /** The default of {@link Builder#maxUndeliveredEvents}. */
  public static final int DEFAULT_MAX_UNDELIVERED_EVENTS = 100_000;
  /** How long {@link #close()} lets the delivery thread finish queued deliveries, in seconds. */
  static final int CLOSE_DRAIN_SECONDS = 5;

  private final CdrStore store;
  private final Listeners<CdrListener> listeners = new Listeners<>("CDR", log);
  private final CdrDelivery delivery;
  /**
   * In-memory sessions. A batch finds its session without a shared lock; only creating a session
   * and evicting old ones take {@link #sessionsLock}.
   */
  private final ConcurrentHashMap<String, Session> sessions = new ConcurrentHashMap<>();
  /** Orders sessions by last use, for eviction. */
  private final AtomicLong useClock = new AtomicLong();
  /** Guards creating and evicting sessions, {@link #evicted} and {@link #replaying}. */
  private final Object sessionsLock = new Object();
  /** Sessions evicted from memory whose filter the store can rebuild; guarded by sessionsLock. */
  private final Set<String> evicted = new LinkedHashSet<>();
  private final Map<String, String> currentSessionByBridge = new ConcurrentHashMap<>();
  private final LongAdder duplicatesDropped = new LongAdder();
  private final LongAdder recordsDelivered = new LongAdder();
  /**
   * True during the start-up replay, which visits every retained batch in order anyway: sessions
   * are evicted after it, so it never rebuilds a filter (a scan of the store) per session.
   */
  private boolean replaying; // guarded by sessionsLock

  private CdrPipeline(Builder b) {
    this.store = b.store;
    b.listeners.forEach(listeners::add);
    this.delivery = new CdrDelivery(listeners, b.listenerExecutor, b.maxUndeliveredEvents);
  }

  /** {@return a builder} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Drops records already seen, stores the batch if anything is new, then delivers events. Batches
   * of different sessions are checked and stored in parallel (so a journal's forces are shared
   * between them); batches of one session are handled one after another, in arrival order.
   * Listeners are called later, off this thread; this method returns once the batch is stored and
   * its events are queued, unless more than {@linkplain Builder#maxUndeliveredEvents
   * maxUndeliveredEvents} events are undelivered: then it first waits for the listeners to catch
   * up below that limit (if interrupted, it returns at once with the interrupt flag set).
   *
   * @throws CdrStoreException if the store failed; nothing is delivered and nothing is remembered,
   *     so the Call Bridge's re-send is processed normally
   * @throws IllegalStateException if the pipeline is closed
   */
  @Override
  public void accept(ReceivedBatch batch) {
    requireNonNull(batch, "batch == null");
    delivery.checkOpen();
    if (process(batch, false)) {
      delivery.startDeliverer();
    }
    delivery.awaitBacklogBelowLimit();
  }

  /**
   * Waits until every event accepted (or replayed) before this call has been handed to every
   * listener: for a graceful shutdown, or a test that looks at a listener's state.
   *
   * @param timeout how long to wait at most; not null
   * @return true once delivered; false if the timeout passed first, the pipeline was closed before
   *     delivering them, or this thread was interrupted (its interrupt flag is then set)
   */
  public boolean awaitDelivered(Duration timeout) {
    return delivery.awaitDelivered(requireNonNull(timeout, "timeout == null"));
  }

  /** {@return how many re-sent records were dropped as duplicates since start} */
  public long duplicatesDropped() {
    return duplicatesDropped.sum();
  }

  /** {@return how many records were passed on to listeners since start, replays included} */
  public long recordsDelivered() {
    return recordsDelivered.sum();
  }

  /**
   * Adds a listener for events from now on.
   *
   * @param listener the listener; it gets no replay of earlier events; not null
   * @return a registration whose {@code close()} removes the listener
   */
  public Registration addListener(CdrListener listener) {
    return listeners.add(requireNonNull(listener, "listener == null"));
  }

  /**
   * Stops the pipeline's own delivery thread, letting it finish the queued deliveries for up to
   * five seconds (then it is interrupted; {@link #awaitDelivered} first to wait longer), and closes
   * the store. A {@linkplain Builder#listenerExecutor listener executor} is the caller's, left
   * running. Idempotent.
   */
  @Override
  public void close() {
    try {
      delivery.close();
    } finally {
      store.close();
    }
  }

  /**
   * Checks, stores and applies one batch; returns whether the caller must start a deliverer for
   * the events it queued.
   */
  private boolean process(ReceivedBatch rb, boolean replayed) {
    CdrBatch b = rb.batch();
    Session s = checkOut(b.session());
    try {
      synchronized (s) {
        if (s.rebuild) {
          rebuild(s);
        }
        List<CdrRecord> fresh = freshRecords(s.state, b);
        if (fresh.isEmpty()) {
          duplicatesDropped.add(b.records().size());
          return false;
        }
        List<CdrRecord> others = new ArrayList<>(0);
        if (!replayed) {
          fresh = claimed(b, fresh, store.append(rb), others);
        }
        List<CdrEvent> events = new ArrayList<>(fresh.size() + 2);
        apply(s, rb, fresh, replayed, events::add);
        for (CdrRecord r : others) {
          // Seen, and no gap: their record indices count as received here.
          s.state.highestRecordIndex = Math.max(s.state.highestRecordIndex, r.header().recordIndex());
          s.state.mark(r.header().correlatorIndex());
        }
        // Queued under the session's lock, so one session's events keep their order.
        return delivery.enqueue(events);
      }
    } finally {
      checkIn(s);
    }
  }

  /** Returns the session's entry, marked in use so that it is not evicted meanwhile. */
  private Session checkOut(String id) {
    while (true) {
      Session s = sessions.get(id);
      if (s == null) {
        synchronized (sessionsLock) {
          if (sessions.get(id) == null) {
            s = new Session(id);
            s.rebuild = evicted.remove(id);
            s.inUse.set(1);
            s.lastUse = useClock.incrementAndGet();
            sessions.put(id, s);
            evictIfFull();
            return s;
          }
        }
      } else if (s.use()) {
        s.lastUse = useClock.incrementAndGet();
        return s;
      }
      // Evicted between the look-up and the use: look it up again (it is rebuilt if needed).
    }
  }

  private static void checkIn(Session s) {
    s.inUse.decrementAndGet();
  }

  /**
   * Over {@value #MAX_SESSIONS} sessions, evicts the least recently used ones not in use, down to
   * seven eighths of that, so that a stream of new sessions sorts the table once per {@value
   * #MAX_SESSIONS} / 8 sessions, not once per batch. Caller holds {@link #sessionsLock}.
   */
  private void evictIfFull() {
    if (replaying || sessions.size() <= MAX_SESSIONS) {
      return;
    }
    // Sorted by each entry's last use as read once: other threads keep using them meanwhile.
    List<Map.Entry<Long, Session>> byAge = new ArrayList<>(sessions.size());
    for (Session s : sessions.values()) {
      byAge.add(Map.entry(s.lastUse, s));
    }
    byAge.sort(Map.Entry.comparingByKey());
    int keep = MAX_SESSIONS - MAX_SESSIONS / 8;
    for (Map.Entry<Long, Session> e : byAge) {
      Session old = e.getValue();
      if (sessions.size() <= keep) {
        return;
      }
      if (old.retire()) {
        sessions.remove(old.id, old);
        if (old.state != null || old.rebuild) {
          evicted.add(old.id);
          if (evicted.size() > MAX_EVICTED) {
            var oldest = evicted.iterator();
            log.warn("CDR pipeline: forgetting session {}, evicted long ago; {} sessions are"
                + " remembered for duplicate detection", oldest.next(), MAX_EVICTED);
            oldest.remove();
          }
        }
      }
    }
  }

  /** Rebuilds an evicted session's duplicate filter from the batches the store retains. */
  private void rebuild(Session s) {
    log.info("CDR pipeline: rebuilding the duplicate filter of session {} from {}", s.id, store);
    store.replay(rb -> {
      if (s.id.equals(rb.batch().session())) {
        List<CdrRecord> fresh = freshRecords(s.state, rb.batch());
        if (!fresh.isEmpty()) {
          apply(s, rb, fresh, true, null);
        }
      }
    });
    s.rebuild = false;
  }

  /**
   * Splits {@code fresh} by what the store says this append stored first: the records another
   * receiver sharing the store stored before are its to deliver, so they go to {@code others}.
   */
  private static List<CdrRecord> claimed(CdrBatch b, List<CdrRecord> fresh, List<CdrRecord> stored,
      List<CdrRecord> others) {
    if (stored.size() == b.records().size()) {
      return fresh;
    }
    Set<Long> storedIndices = new HashSet<>();
    for (CdrRecord r : stored) {
      storedIndices.add(r.header().correlatorIndex());
    }
    List<CdrRecord> mine = new ArrayList<>(stored.size());
    for (CdrRecord r : fresh) {
      (storedIndices.contains(r.header().correlatorIndex()) ? mine : others).add(r);
    }
    return mine;
  }

  private static List<CdrRecord> freshRecords(SessionState s, CdrBatch b) {
    List<CdrRecord> fresh = new ArrayList<>(b.records().size());
    Set<Long> inBatch = new HashSet<>();
    for (CdrRecord r : b.records()) {
      long c = r.header().correlatorIndex();
      if ((s == null || !s.seen(c)) && inBatch.add(c)) {
        fresh.add(r);
      }
    }
    return fresh;
  }

  /**
   * Remembers {@code fresh} as seen and passes the events they make to {@code out}; with {@code
   * out} null (a rebuild) only the filter is updated.
   */
  private void apply(Session session, ReceivedBatch rb, List<CdrRecord> fresh, boolean replayed,
      Consumer<CdrEvent> out) {
    CdrBatch b = rb.batch();
    CdrOrigin origin = rb.origin();
    SessionState s = session.state;
    if (s == null) {
      s = new SessionState();
      session.state = s;
      if (out != null) {
        String bridgeKey = origin.clusterId() + '|' + (b.callBridge() == null ? "" : b.callBridge());
        String previous = currentSessionByBridge.put(bridgeKey, b.session());
        if (previous != null && !previous.equals(b.session())) {
          out.accept(new CdrEvent.CallBridgeRestarted(origin, b.session(), b.callBridge(),
              previous, replayed));
        }
      }
    }
    if (out != null) {
      duplicatesDropped.add(b.records().size() - fresh.size());
    }
    for (CdrRecord r : fresh) {
      RecordHeader h = r.header();
      if (out != null) {
        if (s.highestRecordIndex > 0 && h.recordIndex() > s.highestRecordIndex + 1) {
          long first = s.highestRecordIndex + 1;
          long last = h.recordIndex() - 1;
          out.accept(new CdrEvent.RecordsMissing(origin, b.session(), b.callBridge(),
              Cause.SEQUENCE_GAP, last - first + 1, first, last, replayed));
        }
        if (h.numPreceedingRecordsMissing() > 0) {
          long n = h.numPreceedingRecordsMissing();
          out.accept(new CdrEvent.RecordsMissing(origin, b.session(), b.callBridge(),
              Cause.DISCARDED_BY_CALL_BRIDGE, n, Math.max(0, h.correlatorIndex() - n),
              h.correlatorIndex() - 1, replayed));
        }
        recordsDelivered.increment();
        out.accept(new CdrEvent.RecordReceived(origin, b.session(), b.callBridge(), r, replayed));
      }
      s.highestRecordIndex = Math.max(s.highestRecordIndex, h.recordIndex());
      s.mark(h.correlatorIndex());
    }
  }

  private void replayFromStore() {
    synchronized (sessionsLock) {
      replaying = true;
    }
    try {
      store.replay(rb -> {
        if (process(rb, true)) {
          delivery.startDeliverer();
        }
        delivery.awaitBacklogBelowLimit();
      });
    } finally {
      synchronized (sessionsLock) {
        replaying = false;
        evictIfFull();
      }
    }
  }

  /** One session's entry in the in-memory map. */
  private static final class Session {
    final String id;
    /** Null until the session's first batch; guarded by this. */
    SessionState state;
    /** Whether the filter must first be rebuilt from the store; guarded by this. */
    boolean rebuild;
    /** Threads using the entry, or -1 once evicted (then never used again). */
    final AtomicInteger inUse = new AtomicInteger();
    /** When it was last checked out, on {@link #useClock}. */
    volatile long lastUse;

    Session(String id) {
      this.id = id;
    }

    /** Marks the entry in use; false if it was evicted. */
    boolean use() {
      for (int n = inUse.get(); n >= 0; n = inUse.get()) {
        if (inUse.compareAndSet(n, n + 1)) {
          return true;
        }
      }
      return false;
    }

    /** Marks the entry evicted if no thread uses it; false if one does. */
    boolean retire() {
      return inUse.compareAndSet(0, -1);
    }
  }

  /** Builds a {@link CdrPipeline}. */
  public static final class Builder {
    private CdrStore store = CdrStore.none();
    private final List<CdrListener> listeners = new ArrayList<>();
    private Executor listenerExecutor;
    private int maxUndeliveredEvents = DEFAULT_MAX_UNDELIVERED_EVENTS;

    private Builder() {}

    /**
     * Sets where batches are stored before they are acknowledged; use a {@link CdrJournal} for
     * durability. Default {@link CdrStore#none()}. The pipeline closes it.
     *
     * @param store the store; not null
     * @return this builder
     */
    public Builder store(CdrStore store) {
      this.store = requireNonNull(store, "store == null");
      return this;
    }

    /**
     * Adds a listener; listeners added here also receive the start-up replay.
     *
     * @param listener the listener; not null
     * @return this builder
     */
    public Builder addListener(CdrListener listener) {
      listeners.add(requireNonNull(listener, "listener == null"));
      return this;
    }

    /**
     * Calls listeners on {@code executor} instead of the pipeline's own delivery thread. Either
     * way listeners never run on the thread that accepted the batch (unless {@code executor} runs
     * tasks in line, like {@code Runnable::run}), so a slow listener does not delay a Call
     * Bridge's acknowledgement, and events reach listeners one delivery at a time, in order. By
     * default the pipeline starts one daemon thread, {@value CdrPipeline#DELIVERY_THREAD}, on the
     * first delivery and stops it on {@link CdrPipeline#close()}; an executor given here is not
     * shut down by the pipeline.
     *
     * @param executor the executor that calls the listeners; not null
     * @return this builder
     */
    public Builder listenerExecutor(Executor executor) {
      this.listenerExecutor = requireNonNull(executor, "executor == null");
      return this;
    }

    /**
     * Sets how many events may wait for the listeners before {@link CdrPipeline#accept} waits for
     * them to catch up (backpressure: a Call Bridge's acknowledgement is delayed only when the
     * listeners are this far behind). Bounds the memory the undelivered events hold. Default
     * {@value CdrPipeline#DEFAULT_MAX_UNDELIVERED_EVENTS}.
     *
     * @param max the limit; at least 1
     * @return this builder
     * @throws IllegalArgumentException if {@code max} is less than 1
     */
    public Builder maxUndeliveredEvents(int max) {
      if (max < 1) {
        throw new IllegalArgumentException("maxUndeliveredEvents must be at least 1, got " + max);
      }
      this.maxUndeliveredEvents = max;
      return this;
    }

    /**
     * Builds the pipeline and replays the store's retained batches to the listeners (queued for
     * delivery like live events; {@link CdrPipeline#awaitDelivered} waits for them).
     *
     * @return the pipeline
     * @throws CdrStoreException if the store cannot be read; the pipeline is then closed
     */
    public CdrPipeline build() {
      CdrPipeline p = new CdrPipeline(this);
      try {
        p.replayFromStore();
      } catch (RuntimeException | Error e) {
        p.close();
        throw e;
      }
      return p;
    }
  }
}
