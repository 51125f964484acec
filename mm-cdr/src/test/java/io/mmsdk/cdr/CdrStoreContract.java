package io.mmsdk.cdr;

import static io.mmsdk.cdr.Batches.callEnd;
import static io.mmsdk.cdr.Batches.doc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.mmsdk.testkit.core.SimulatedClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link CdrStore} meets, run for each backend (the journal here; SQLite and
 * PostgreSQL in mm-jdbc): what {@link CdrStore#append} returns is replayed in order after a reopen,
 * with its origin and receive time; a pipeline rebuilt on the reopened store still drops re-sends;
 * a damaged batch is skipped and every batch after it kept; concurrent appenders lose nothing; and a
 * store that de-duplicates gives each record to exactly one appender. Crash (SIGKILL) and second
 * process cases are {@link io.mmsdk.common.store.StoreProcessContract}'s, with a {@link
 * CdrStoreDriver}.
 */
public abstract class CdrStoreContract {
  /** The time batches are received at; the clock starts there. */
  protected static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
  /** The scheduler stores under test should use. */
  protected final SimulatedClock clock = SimulatedClock.startingAt(T0);
  private final CdrParser parser = CdrParser.create();

  /**
   * Opens the store under test: within one test every call opens the same stored data (the
   * previous instance was closed), and each test starts with an empty store.
   *
   * @return the store
   */
  protected abstract CdrStore open();

  /**
   * Returns whether {@link CdrStore#append} returns only records no earlier append stored (a store
   * several processes share), rather than every record (a store of one process).
   *
   * @return true if the store de-duplicates
   */
  protected abstract boolean deduplicates();

  /**
   * Damages what is stored for the {@code n}-th appended batch (from 0) so that it can no longer
   * be read back, as a flipped bit on disk would; the store is closed while this runs.
   *
   * @param n which batch
   * @throws Exception if the damage cannot be done
   */
  protected abstract void damage(int n) throws Exception;

  private ReceivedBatch batch(String session, long index, String callId) {
    byte[] xml = doc(session, "cb1", callEnd(index, index, callId));
    return ReceivedBatch.of(new CdrOrigin("london", Map.of("cluster", "london", "dc", "west")),
        clock.now(), xml, parser.parse(xml));
  }

  private static ReceivedBatch batchOf(Instant at, String session, String... records) {
    byte[] xml = doc(session, "cb1", records);
    return ReceivedBatch.of(CdrOrigin.ofCluster("london"), at, xml, CdrParser.create().parse(xml));
  }

  private static List<String> replay(CdrStore store) {
    List<String> out = new ArrayList<>();
    store.replay(b -> {
      for (CdrRecord r : b.batch().records()) {
        out.add(((CallEnd) r).callId() + "@" + b.origin().tags().get("dc") + "@" + b.receivedAt());
      }
    });
    return out;
  }

  private static List<String> callIds(CdrStore store) {
    List<String> out = new ArrayList<>();
    store.replay(b -> b.batch().records().forEach(r -> out.add(((CallEnd) r).callId())));
    return out;
  }

  private static List<String> callIds(List<CdrRecord> records) {
    return records.stream().map(r -> ((CallEnd) r).callId()).toList();
  }

  @Test
  void append_thenReopen_replaysInOrderWithOriginAndTime() {
    try (CdrStore s = open()) {
      assertEquals(List.of("a"), callIds(s.append(batch("s1", 1, "a"))));
      clock.advance(Duration.ofSeconds(5));
      s.append(batch("s1", 2, "b"));
      assertEquals(List.of("a@west@2026-03-02T09:00:00Z", "b@west@2026-03-02T09:00:05Z"), replay(s));
    }
    try (CdrStore s = open()) {
      assertEquals(List.of("a@west@2026-03-02T09:00:00Z", "b@west@2026-03-02T09:00:05Z"), replay(s));
    }
  }

  @Test
  void append_overlappingBatch_returnsWhatThisAppendStoredFirst() {
    try (CdrStore s = open()) {
      s.append(batchOf(T0, "s1", callEnd(1, 1, "a"), callEnd(2, 2, "b")));
      List<CdrRecord> second = s.append(batchOf(T0, "s1", callEnd(2, 2, "b"), callEnd(3, 3, "c")));
      List<CdrRecord> otherSession = s.append(batchOf(T0, "s2", callEnd(1, 1, "a2")));
      assertEquals(deduplicates() ? List.of("c") : List.of("b", "c"), callIds(second));
      assertEquals(List.of("a2"), callIds(otherSession));
    }
  }

  @Test
  void pipeline_rebuiltOnReopenedStore_dropsResentRecordsAndReplaysEachOnce() {
    byte[] first = doc("s1", "cb1", callEnd(1, 1, "a"), callEnd(2, 2, "b"));
    List<CdrEvent> live = Collections.synchronizedList(new ArrayList<>());
    try (CdrPipeline p = CdrPipeline.builder().store(open()).addListener(live::add).build()) {
      p.accept(ReceivedBatch.of(CdrOrigin.ofCluster("london"), T0, first, parser.parse(first)));
      assertTrue(p.awaitDelivered(java.time.Duration.ofSeconds(30)));
    }
    List<CdrEvent> afterRestart = Collections.synchronizedList(new ArrayList<>());
    try (CdrPipeline p = CdrPipeline.builder().store(open()).addListener(afterRestart::add).build()) {
      assertTrue(p.awaitDelivered(java.time.Duration.ofSeconds(30)));
      assertEquals(List.of("a", "b"), received(afterRestart, true));
      afterRestart.clear();
      // The Call Bridge re-sends the batch it did not see acknowledged, then the next record.
      p.accept(ReceivedBatch.of(CdrOrigin.ofCluster("london"), T0, first, parser.parse(first)));
      byte[] next = doc("s1", "cb1", callEnd(2, 2, "b"), callEnd(3, 3, "c"));
      p.accept(ReceivedBatch.of(CdrOrigin.ofCluster("london"), T0, next, parser.parse(next)));
      assertTrue(p.awaitDelivered(java.time.Duration.ofSeconds(30)));
      assertEquals(List.of("c"), received(afterRestart, false));
      assertEquals(3, p.duplicatesDropped());
    }
    assertEquals(List.of("a", "b"), received(live, false));
  }

  private static List<String> received(List<CdrEvent> events, boolean replayed) {
    List<String> out = new ArrayList<>();
    for (CdrEvent e : events) {
      if (e instanceof CdrEvent.RecordReceived r) {
        assertEquals(replayed, r.replayed(), "replayed flag of " + r);
        out.add(((CallEnd) r.record()).callId());
      }
    }
    return out;
  }

  @Test
  void open_damagedMiddleBatch_skippedAndEveryLaterBatchKept() throws Exception {
    try (CdrStore s = open()) {
      s.append(batch("s1", 1, "a"));
      s.append(batch("s1", 2, "b"));
      s.append(batch("s1", 3, "c"));
    }
    damage(1);
    try (CdrStore s = open()) {
      assertEquals(List.of("a", "c"), callIds(s));
      s.append(batch("s1", 4, "d"));
    }
    try (CdrStore s = open()) {
      assertEquals(List.of("a", "c", "d"), callIds(s));
    }
  }

  @Test
  void append_concurrentAppenders_everyBatchKept() throws Exception {
    int threads = 8;
    int each = 25;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try (CdrStore s = open()) {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<?>> runs = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        String session = "s" + t;
        runs.add(pool.submit(() -> {
          go.await();
          for (int i = 1; i <= each; i++) {
            assertEquals(1, s.append(batch(session, i, session + "-" + i)).size());
          }
          return null;
        }));
      }
      go.countDown();
      for (Future<?> f : runs) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    try (CdrStore s = open()) {
      List<String> ids = callIds(s);
      assertEquals(threads * each, ids.size());
      assertEquals(threads * each, new TreeSet<>(ids).size());
      for (int t = 0; t < threads; t++) {
        String prefix = "s" + t + "-";
        List<String> mine = ids.stream().filter(id -> id.startsWith(prefix)).toList();
        List<String> inOrder = new ArrayList<>();
        for (int i = 1; i <= each; i++) {
          inOrder.add(prefix + i);
        }
        assertEquals(inOrder, mine, "one appender's batches replay in its order");
      }
    }
  }

  @Test
  void append_sameRecordsFromManyAppenders_eachRecordGoesToExactlyOne() throws Exception {
    assumeTrue(deduplicates(), "the store belongs to one process; its pipeline de-duplicates");
    int threads = 6;
    int records = 20;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<String> claimed = Collections.synchronizedList(new ArrayList<>());
    try (CdrStore s = open()) {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<?>> runs = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        runs.add(pool.submit(() -> {
          go.await();
          for (int i = 1; i <= records; i++) {
            // Every appender sends records i-1 and i, as re-sends to two receivers would.
            ReceivedBatch b = batchOf(T0, "s1", callEnd(i, i, "r" + i),
                callEnd(i + 1, i + 1, "r" + (i + 1)));
            claimed.addAll(callIds(s.append(b)));
          }
          return null;
        }));
      }
      go.countDown();
      for (Future<?> f : runs) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    assertEquals(records + 1, claimed.size(), "claimed " + claimed);
    assertEquals(records + 1, new TreeSet<>(claimed).size(), "claimed twice: " + claimed);
  }

  @Test
  void append_afterClose_refused() {
    CdrStore s = open();
    s.close();
    RuntimeException e = assertThrows(RuntimeException.class, () -> s.append(batch("s1", 1, "a")));
    assertTrue(e instanceof CdrStoreException || e instanceof IllegalStateException, e.toString());
  }
}
