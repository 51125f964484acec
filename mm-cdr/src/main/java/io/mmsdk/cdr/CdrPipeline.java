package io.mmsdk.cdr;

import static java.util.Objects.requireNonNull;

import io.mmsdk.cdr.CdrEvent.RecordsMissing.Cause;
import io.mmsdk.common.listen.Listeners;
import io.mmsdk.common.listen.Registration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
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
 * events are delivered again, marked as replayed. The filters of the {@value #MAX_SESSIONS} most
 * recently active sessions are kept in memory; an older session's filter is rebuilt from the store
 * when that session sends again, so its re-sends are still dropped (with {@link CdrStore#none()}
 * there is nothing to rebuild from).
 *
 * <p>Several receivers may share one store (mm-jdbc's {@code JdbcCdrStore} on PostgreSQL), each
 * with its own pipeline, for example behind one load-balanced address: then the store decides
 * which receiver delivers a record ({@link CdrStore#append} returns the records it stored first),
 * so across the receivers every record is delivered live exactly once, by the receiver that stored
 * it; the others count it as a duplicate.
 *
 * <p>Thread-safe. {@link #close()} closes the store.
 */
public final class CdrPipeline implements CdrSink, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(CdrPipeline.class);
  /** Sessions whose duplicate filter is kept in memory; older ones are rebuilt from the store. */
  static final int MAX_SESSIONS = 4096;
  /** Evicted sessions remembered for a rebuild from the store. */
  static final int MAX_EVICTED = 1 << 16;

  private final CdrStore store;
  private final Listeners<CdrListener> listeners = new Listeners<>("CDR", log);
  private final Executor listenerExecutor;
  /** In-memory sessions, least recently used first; guarded by itself, held only briefly. */
  private final LinkedHashMap<String, Session> sessions = new LinkedHashMap<>(64, 0.75f, true);
  /** Sessions evicted from memory whose filter the store can rebuild; guarded by sessions. */
  private final Set<String> evicted = new LinkedHashSet<>();
  private final Map<String, String> currentSessionByBridge = new ConcurrentHashMap<>();
  private final LongAdder duplicatesDropped = new LongAdder();
  private final LongAdder recordsDelivered = new LongAdder();
  /**
   * Guards the delivery queue: events decided and not yet handed to listeners, in order, numbered
   * from 1; never held while a listener runs.
   */
  private final Object deliveryLock = new Object();
  private List<CdrEvent> deliveries = new ArrayList<>(); // guarded by deliveryLock
  private long enqueued; // guarded by deliveryLock
  private long delivered; // guarded by deliveryLock
  private boolean delivering; // guarded by deliveryLock
  /**
   * True during the start-up replay, which visits every retained batch in order anyway: sessions
   * are evicted after it, so it never rebuilds a filter (a scan of the store) per session.
   */
  private boolean replaying; // guarded by sessions

  private CdrPipeline(Builder b) {
    this.store = b.store;
    b.listeners.forEach(listeners::add);
    this.listenerExecutor = b.listenerExecutor;
  }

  /** {@return a builder} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Drops records already seen, stores the batch if anything is new, then delivers events. Batches
   * of different sessions are checked and stored in parallel (so a journal's forces are shared
   * between them); batches of one session are handled one after another, in arrival order.
   * Listeners are called after every pipeline lock is released.
   *
   * @throws CdrStoreException if the store failed; nothing is delivered and nothing is remembered,
   *     so the Call Bridge's re-send is processed normally
   */
  @Override
  public void accept(ReceivedBatch batch) {
    requireNonNull(batch, "batch == null");
    deliver(process(batch, false));
  }

  /** {@return how many re-sent records were dropped as duplicates since start} */
  public long duplicatesDropped() {
    return duplicatesDropped.sum();
  }

  /** {@return how many records were delivered to listeners since start, replays included} */
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

  /** Closes the store. */
  @Override
  public void close() {
    store.close();
  }

  /** Checks, stores and applies one batch; returns the number of its last queued event, or 0. */
  private long process(ReceivedBatch rb, boolean replayed) {
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
          return 0;
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
        synchronized (deliveryLock) {
          deliveries.addAll(events);
          enqueued += events.size();
          return enqueued;
        }
      }
    } finally {
      checkIn(s);
    }
  }

  /** Returns the session's entry, marked in use so that it is not evicted meanwhile. */
  private Session checkOut(String id) {
    synchronized (sessions) {
      Session s = sessions.get(id);
      if (s == null) {
        s = new Session(id);
        s.rebuild = evicted.remove(id);
        sessions.put(id, s);
        evictIfFull();
      }
      s.inUse++;
      return s;
    }
  }

  private void checkIn(Session s) {
    synchronized (sessions) {
      s.inUse--;
    }
  }

  /** Evicts the least recently used session not in use; its filter is rebuilt if it returns. */
  private void evictIfFull() {
    if (replaying) {
      return;
    }
    for (var it = sessions.values().iterator(); sessions.size() > MAX_SESSIONS && it.hasNext(); ) {
      Session old = it.next();
      if (old.inUse == 0) {
        it.remove();
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

  /**
   * Hands queued events up to number {@code last} to the listeners, outside every lock: on the
   * listener executor if one was set, else on this thread, which returns once they are delivered.
   * One deliverer at a time, so listeners see deliveries one by one, in order. A delivery holds
   * every event queued when it starts (the deliverer's own and those of threads that queued before
   * it and wait for it), handed to each listener at once, like a group commit: under load a few
   * deliveries serve many batches. A thread makes at most one delivery, so under constant load no
   * thread is kept delivering others' events forever (its own acknowledgement would wait).
   */
  private void deliver(long last) {
    if (last <= 0) {
      return;
    }
    if (listenerExecutor != null) {
      listenerExecutor.execute(() -> deliverThrough(last));
    } else {
      deliverThrough(last);
    }
  }

  private void deliverThrough(long last) {
    List<CdrEvent> chunk;
    synchronized (deliveryLock) {
      while (delivering && delivered < last) {
        try {
          deliveryLock.wait();
        } catch (InterruptedException e) {
          // The batch is stored; its events are delivered by whoever delivers next.
          Thread.currentThread().interrupt();
          return;
        }
      }
      if (delivered >= last) {
        return;
      }
      delivering = true;
      // Every event queued so far, up to this thread's last at least (all before it were delivered
      // or are queued): its own and those of the threads that queued earlier and wait meanwhile.
      chunk = deliveries;
      deliveries = new ArrayList<>(chunk.size());
    }
    try {
      emit(chunk);
    } finally {
      synchronized (deliveryLock) {
        delivered += chunk.size();
        delivering = false;
        deliveryLock.notifyAll();
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

  private void replayFromStore() {
    synchronized (sessions) {
      replaying = true;
    }
    try {
      store.replay(rb -> deliver(process(rb, true)));
    } finally {
      synchronized (sessions) {
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
    /** Threads using the entry; guarded by the sessions map. */
    int inUse;

    Session(String id) {
      this.id = id;
    }
  }

  /**
   * Which correlator indices of one session were seen, as sorted, disjoint ranges, and the highest
   * record index. Consecutive indices share one range, so memory grows with the gaps, not the
   * count, and an absurd index costs one range without hiding anything below it. Past {@link
   * #MAX_RANGES} ranges the lowest gap is forgotten (its indices count as seen): memory stays
   * bounded and recent indices stay exact.
   */
  static final class SessionState {
    static final int MAX_RANGES = 256;
    /** start0, end0, start1, end1, ... (inclusive). */
    private long[] ranges = new long[8];
    private int count;
    long highestRecordIndex;

    boolean seen(long c) {
      int i = firstStartAbove(c) - 1;
      return i >= 0 && ranges[2 * i + 1] >= c;
    }

    void mark(long c) {
      int next = firstStartAbove(c);
      int prev = next - 1;
      if (prev >= 0 && ranges[2 * prev + 1] >= c) {
        return;
      }
      boolean joinsPrev = prev >= 0 && ranges[2 * prev + 1] == c - 1;
      boolean joinsNext = next < count && ranges[2 * next] == c + 1;
      if (joinsPrev && joinsNext) {
        ranges[2 * prev + 1] = ranges[2 * next + 1];
        remove(next);
      } else if (joinsPrev) {
        ranges[2 * prev + 1] = c;
      } else if (joinsNext) {
        ranges[2 * next] = c;
      } else {
        insert(next, c);
      }
      if (count > MAX_RANGES) {
        ranges[1] = ranges[3];
        remove(1);
      }
    }

    /** Returns the index of the first range starting above {@code c} (count if none). */
    private int firstStartAbove(long c) {
      int lo = 0;
      int hi = count;
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (ranges[2 * mid] <= c) {
          lo = mid + 1;
        } else {
          hi = mid;
        }
      }
      return lo;
    }

    private void insert(int at, long c) {
      if (2 * count + 2 > ranges.length) {
        ranges = Arrays.copyOf(ranges, ranges.length * 2);
      }
      System.arraycopy(ranges, 2 * at, ranges, 2 * at + 2, 2 * (count - at));
      ranges[2 * at] = c;
      ranges[2 * at + 1] = c;
      count++;
    }

    private void remove(int at) {
      System.arraycopy(ranges, 2 * at + 2, ranges, 2 * at, 2 * (count - at - 1));
      count--;
    }
  }

  /** Builds a {@link CdrPipeline}. */
  public static final class Builder {
    private CdrStore store = CdrStore.none();
    private final List<CdrListener> listeners = new ArrayList<>();
    private Executor listenerExecutor;

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
     * Calls listeners on {@code executor} instead of on the thread that accepted the batch, so a
     * slow listener never delays a Call Bridge's acknowledgement. Events still reach listeners one
     * at a time and in order. By default listeners run on the accepting thread, after the
     * pipeline's locks are released and before the acknowledgement.
     *
     * @param executor the executor that calls the listeners; not null
     * @return this builder
     */
    public Builder listenerExecutor(Executor executor) {
      this.listenerExecutor = requireNonNull(executor, "executor == null");
      return this;
    }

    /**
     * Builds the pipeline and replays the store's retained batches to the listeners.
     *
     * @return the pipeline, its listeners having received the replay
     * @throws CdrStoreException if the store cannot be read
     */
    public CdrPipeline build() {
      CdrPipeline p = new CdrPipeline(this);
      p.replayFromStore();
      return p;
    }
  }
}
