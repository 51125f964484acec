package io.mmsdk.cdr;

import static java.util.Objects.requireNonNull;

import io.mmsdk.cdr.CdrEvent.RecordsMissing.Cause;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
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
 * events are delivered again, marked as replayed.
 *
 * <p>Thread-safe. {@link #close()} closes the store.
 */
public final class CdrPipeline implements CdrSink, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(CdrPipeline.class);
  /** Correlator indices remembered per session behind the highest one, for duplicate detection. */
  static final int WINDOW = 1 << 16;
  private static final int MAX_SESSIONS = 4096;

  private final CdrStore store;
  private final List<CdrListener> listeners;
  private final Map<String, SessionState> sessions =
      new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, SessionState> eldest) {
          return size() > MAX_SESSIONS;
        }
      };
  private final Map<String, String> currentSessionByBridge = new HashMap<>();
  private long duplicatesDropped;
  private long recordsDelivered;

  private CdrPipeline(Builder b) {
    this.store = b.store;
    this.listeners = new CopyOnWriteArrayList<>(b.listeners);
  }

  /** {@return a builder} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Drops records already seen, stores the batch if anything is new, then delivers events.
   *
   * @throws CdrStoreException if the store failed; nothing is delivered and nothing is remembered,
   *     so the Call Bridge's re-send is processed normally
   */
  @Override
  public synchronized void accept(ReceivedBatch batch) {
    requireNonNull(batch, "batch == null");
    List<CdrRecord> fresh = freshRecords(batch.batch());
    if (fresh.isEmpty()) {
      duplicatesDropped += batch.batch().records().size();
      return;
    }
    store.append(batch);
    apply(batch, fresh, false);
  }

  /** {@return how many re-sent records were dropped as duplicates since start} */
  public synchronized long duplicatesDropped() {
    return duplicatesDropped;
  }

  /** {@return how many records were delivered to listeners since start, replays included} */
  public synchronized long recordsDelivered() {
    return recordsDelivered;
  }

  /** Adds a listener for events from now on. */
  public void addListener(CdrListener listener) {
    listeners.add(requireNonNull(listener, "listener == null"));
  }

  /** Closes the store. */
  @Override
  public void close() {
    store.close();
  }

  private List<CdrRecord> freshRecords(CdrBatch b) {
    SessionState s = sessions.get(b.session());
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

  private void apply(ReceivedBatch rb, List<CdrRecord> fresh, boolean replayed) {
    CdrBatch b = rb.batch();
    CdrOrigin origin = rb.origin();
    duplicatesDropped += b.records().size() - fresh.size();
    SessionState s = sessions.get(b.session());
    if (s == null) {
      s = new SessionState(fresh.get(0).header().correlatorIndex());
      sessions.put(b.session(), s);
      String bridgeKey = origin.clusterId() + '|' + (b.callBridge() == null ? "" : b.callBridge());
      String previous = currentSessionByBridge.put(bridgeKey, b.session());
      if (previous != null && !previous.equals(b.session())) {
        emit(new CdrEvent.CallBridgeRestarted(origin, b.session(), b.callBridge(), previous,
            replayed));
      }
    }
    for (CdrRecord r : fresh) {
      RecordHeader h = r.header();
      if (s.highestRecordIndex > 0 && h.recordIndex() > s.highestRecordIndex + 1) {
        long first = s.highestRecordIndex + 1;
        long last = h.recordIndex() - 1;
        emit(new CdrEvent.RecordsMissing(origin, b.session(), b.callBridge(), Cause.SEQUENCE_GAP,
            last - first + 1, first, last, replayed));
      }
      if (h.numPreceedingRecordsMissing() > 0) {
        long n = h.numPreceedingRecordsMissing();
        emit(new CdrEvent.RecordsMissing(origin, b.session(), b.callBridge(),
            Cause.DISCARDED_BY_CALL_BRIDGE, n, Math.max(0, h.correlatorIndex() - n),
            h.correlatorIndex() - 1, replayed));
      }
      s.highestRecordIndex = Math.max(s.highestRecordIndex, h.recordIndex());
      s.mark(h.correlatorIndex());
      recordsDelivered++;
      emit(new CdrEvent.RecordReceived(origin, b.session(), b.callBridge(), r, replayed));
    }
  }

  private void emit(CdrEvent e) {
    for (CdrListener l : listeners) {
      try {
        l.onEvent(e);
      } catch (RuntimeException ex) {
        log.warn("CDR listener {} failed on {}; continuing with the next listener", l,
            e.getClass().getSimpleName(), ex);
      }
    }
  }

  private synchronized void replayFromStore() {
    store.replay(
        rb -> {
          List<CdrRecord> fresh = freshRecords(rb.batch());
          if (!fresh.isEmpty()) {
            apply(rb, fresh, true);
          }
        });
  }

  /** Which correlator indices of one session were seen, and the highest record index. */
  static final class SessionState {
    private long base;
    private BitSet bits = new BitSet();
    long highestRecordIndex;

    SessionState(long firstCorrelator) {
      // Batches may arrive out of order: leave room for indices below the first one seen.
      this.base = Math.max(0, firstCorrelator - WINDOW);
    }

    boolean seen(long c) {
      if (c < base) {
        return true; // too old to remember: treat as already delivered
      }
      long i = c - base;
      return i < Integer.MAX_VALUE && bits.get((int) i);
    }

    void mark(long c) {
      if (c < base) {
        return;
      }
      if (c - base >= 2L * WINDOW) {
        long newBase = c - WINDOW;
        long shift = newBase - base;
        bits = shift >= bits.length() ? new BitSet() : bits.get((int) shift, bits.length());
        base = newBase;
      }
      bits.set((int) (c - base));
    }
  }

  /** Builds a {@link CdrPipeline}. */
  public static final class Builder {
    private CdrStore store = CdrStore.none();
    private final List<CdrListener> listeners = new ArrayList<>();

    private Builder() {}

    /**
     * Sets where batches are stored before they are acknowledged; use a {@link CdrJournal} for
     * durability. Default {@link CdrStore#none()}. The pipeline closes it.
     *
     * @param store where batches are stored before they are acknowledged; use a {@link CdrJournal} for durability
     * @return this builder
     */
    public Builder store(CdrStore store) {
      this.store = requireNonNull(store, "store == null");
      return this;
    }

    /**
     * Adds a listener; listeners added here also receive the start-up replay.
     *
     * @return this builder
     */
    public Builder addListener(CdrListener listener) {
      listeners.add(requireNonNull(listener, "listener == null"));
      return this;
    }

    /**
     * Builds the pipeline and replays the store's retained batches to the listeners.
     *
     * @throws CdrStoreException if the store cannot be read
     */
    public CdrPipeline build() {
      CdrPipeline p = new CdrPipeline(this);
      p.replayFromStore();
      return p;
    }
  }
}
