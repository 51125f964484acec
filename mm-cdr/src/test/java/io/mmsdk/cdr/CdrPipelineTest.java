package io.mmsdk.cdr;

import static io.mmsdk.cdr.Batches.callEnd;
import static io.mmsdk.cdr.Batches.doc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mmsdk.cdr.CdrEvent.RecordsMissing.Cause;
import io.mmsdk.common.listen.Registration;
import io.mmsdk.testkit.core.SimulatedClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CdrPipelineTest {
  private static final CdrOrigin ORIGIN = CdrOrigin.ofCluster("london");
  private final CdrParser parser = CdrParser.create();
  private final SimulatedClock scheduler = SimulatedClock.startingAt(Instant.parse("2026-03-02T09:00:00Z"));
  private static final Duration WAIT = Duration.ofSeconds(30);
  private final List<CdrEvent> events = new ArrayList<>();

  private ReceivedBatch batch(byte[] xml) {
    return ReceivedBatch.of(ORIGIN, scheduler.now(), xml, parser.parse(xml));
  }

  private static void delivered(CdrPipeline p) {
    assertTrue(p.awaitDelivered(WAIT), "listeners did not get the events within " + WAIT);
  }

  private List<String> received() {
    List<String> out = new ArrayList<>();
    for (CdrEvent e : events) {
      if (e instanceof CdrEvent.RecordReceived r) {
        out.add(((CallEnd) r.record()).callId() + (r.replayed() ? "*" : ""));
      }
    }
    return out;
  }

  @Test
  void accept_resentBatch_deliveredOnce() {
    CdrPipeline p = CdrPipeline.builder().addListener(events::add).build();
    byte[] xml = doc("s1", "cb1", callEnd(1, 10, "a"), callEnd(2, 11, "b"));
    p.accept(batch(xml));
    p.accept(batch(xml));
    p.accept(batch(doc("s1", "cb1", callEnd(2, 11, "b"), callEnd(3, 12, "c"))));
    delivered(p);
    assertEquals(List.of("a", "b", "c"), received());
    assertEquals(3, p.duplicatesDropped());
  }

  @Test
  void addListener_registrationClosed_listenerToldNoMoreAndOthersStillAre() {
    CdrPipeline p = CdrPipeline.builder().build();
    List<CdrEvent> late = new java.util.concurrent.CopyOnWriteArrayList<>();
    Registration r = p.addListener(late::add);
    p.addListener(events::add);
    p.accept(batch(doc("s1", "cb1", callEnd(1, 10, "a"))));
    delivered(p);
    r.close();
    r.close();
    p.accept(batch(doc("s1", "cb1", callEnd(2, 11, "b"))));
    delivered(p);
    assertEquals(1, late.size());
    assertEquals(List.of("a", "b"), received());
  }

  @Test
  void accept_sameCorrelatorIndexInOtherSession_notADuplicate() {
    CdrPipeline p = CdrPipeline.builder().addListener(events::add).build();
    p.accept(batch(doc("s1", "cb1", callEnd(1, 10, "a"))));
    p.accept(batch(doc("s2", "cb2", callEnd(1, 10, "b"))));
    delivered(p);
    assertEquals(List.of("a", "b"), received());
  }

  @Test
  void accept_recordIndexJump_reportsSequenceGap() {
    CdrPipeline p = CdrPipeline.builder().addListener(events::add).build();
    p.accept(batch(doc("s1", "cb1", callEnd(1, 10, "a"))));
    p.accept(batch(doc("s1", "cb1", callEnd(5, 14, "e"))));
    delivered(p);
    CdrEvent.RecordsMissing gap = assertInstanceOf(CdrEvent.RecordsMissing.class, events.get(1));
    assertEquals(Cause.SEQUENCE_GAP, gap.cause());
    assertEquals(3, gap.count());
    assertEquals(2, gap.firstIndex());
    assertEquals(4, gap.lastIndex());
    // The late records still arrive once, in the order received.
    p.accept(batch(doc("s1", "cb1", callEnd(2, 11, "b"))));
    delivered(p);
    assertEquals(List.of("a", "e", "b"), received());
  }

  @Test
  void accept_numPreceedingRecordsMissing_reportsDiscarded() {
    CdrPipeline p = CdrPipeline.builder().addListener(events::add).build();
    p.accept(batch(doc("s1", "cb1", Batches.record("callEnd", 1, 20, 7, "<call id=\"x\"/>"))));
    delivered(p);
    CdrEvent.RecordsMissing m = assertInstanceOf(CdrEvent.RecordsMissing.class, events.get(0));
    assertEquals(Cause.DISCARDED_BY_CALL_BRIDGE, m.cause());
    assertEquals(7, m.count());
    assertEquals(13, m.firstIndex());
    assertEquals(19, m.lastIndex());
  }

  @Test
  void accept_newSessionForSameBridge_reportsRestart() {
    CdrPipeline p = CdrPipeline.builder().addListener(events::add).build();
    p.accept(batch(doc("s1", "cb1", callEnd(1, 10, "a"))));
    p.accept(batch(doc("s2", "cb1", callEnd(1, 0, "b"))));
    delivered(p);
    CdrEvent.CallBridgeRestarted r =
        assertInstanceOf(CdrEvent.CallBridgeRestarted.class, events.get(1));
    assertEquals("s1", r.previousSession());
    assertEquals("s2", r.session());
    assertEquals("cb1", r.callBridge());
    assertEquals(List.of("a", "b"), received());
  }

  @Test
  void accept_storeFails_nothingDeliveredAndResendProcessed() {
    boolean[] fail = {true};
    CdrStore flaky = new CdrStore() {
      @Override
      public List<CdrRecord> append(ReceivedBatch batch) {
        if (fail[0]) {
          throw new CdrStoreException("disk full", null);
        }
        return batch.batch().records();
      }

      @Override
      public void replay(Consumer<ReceivedBatch> consumer) {}

      @Override
      public void close() {}
    };
    CdrPipeline p = CdrPipeline.builder().store(flaky).addListener(events::add).build();
    byte[] xml = doc("s1", "cb1", callEnd(1, 10, "a"));
    assertThrows(CdrStoreException.class, () -> p.accept(batch(xml)));
    delivered(p);
    assertTrue(events.isEmpty());
    fail[0] = false;
    p.accept(batch(xml));
    delivered(p);
    assertEquals(List.of("a"), received());
  }

  @Test
  void build_withJournal_replaysAndStillDropsDuplicates(@TempDir Path dir) {
    try (CdrPipeline p = CdrPipeline.builder()
        .store(CdrJournal.builder(dir).scheduler(scheduler).build()).build()) {
      p.accept(batch(doc("s1", "cb1", callEnd(1, 10, "a"), callEnd(2, 11, "b"))));
    }
    try (CdrPipeline p = CdrPipeline.builder()
        .store(CdrJournal.builder(dir).scheduler(scheduler).build())
        .addListener(events::add).build()) {
      delivered(p);
      assertEquals(List.of("a*", "b*"), received());
      p.accept(batch(doc("s1", "cb1", callEnd(2, 11, "b"), callEnd(3, 12, "c"))));
      delivered(p);
      assertEquals(List.of("a*", "b*", "c"), received());
      assertFalse(events.get(2).replayed());
    }
  }

  @Test
  void accept_listenerThrows_otherListenersStillCalled() {
    CdrPipeline p = CdrPipeline.builder()
        .addListener(e -> {
          throw new IllegalStateException("boom");
        })
        .addListener(events::add).build();
    p.accept(batch(doc("s1", "cb1", callEnd(1, 10, "a"))));
    delivered(p);
    assertEquals(List.of("a"), received());
  }

  @Test
  void accept_absurdCorrelatorIndex_laterRecordsOfTheSessionStillDelivered() {
    CdrPipeline p = CdrPipeline.builder().addListener(events::add).build();
    p.accept(batch(doc("s1", "cb1", callEnd(1, 10, "a"))));
    p.accept(batch(doc("s1", "cb1", callEnd(2, 9_000_000_000L, "poison"))));
    p.accept(batch(doc("s1", "cb1", callEnd(3, 11, "b"), callEnd(4, 12, "c"))));
    p.accept(batch(doc("s1", "cb1", callEnd(3, 11, "b"))));
    delivered(p);
    assertEquals(List.of("a", "poison", "b", "c"), received());
  }

  @Test
  void accept_manyGapsInOneSession_memoryBoundedAndRecentIndicesStillExact() {
    CdrPipeline p = CdrPipeline.builder().addListener(events::add).build();
    // Every other index: each record leaves a gap, the worst case for the filter's memory.
    for (long c = 0; c < 40_000; c += 2) {
      p.accept(batch(doc("s1", "cb1", callEnd(c + 1, c, "x"))));
    }
    delivered(p);
    events.clear();
    p.accept(batch(doc("s1", "cb1", callEnd(40_001, 39_998, "dup"), callEnd(40_002, 39_999, "new"))));
    delivered(p);
    assertEquals(List.of("new"), received());
  }

  @Test
  void accept_oldestSessionResentAfterEviction_notDeliveredTwice() {
    CdrStore inMemory = new InMemoryStore();
    try (CdrPipeline p = CdrPipeline.builder().store(inMemory).addListener(events::add).build()) {
      byte[] first = doc("s0", "cb0", callEnd(1, 1, "first"));
      p.accept(batch(first));
      for (int i = 1; i <= 4_100; i++) {
        p.accept(batch(doc("s" + i, "cb" + i, callEnd(1, 1, "x"))));
      }
      delivered(p);
      events.clear();
      p.accept(batch(first));
      delivered(p);
      assertEquals(List.of(), received(), "re-send of an evicted session");
      p.accept(batch(doc("s0", "cb0", callEnd(2, 2, "second"))));
      delivered(p);
      assertEquals(List.of("second"), received());
    }
  }

  @Test
  void accept_sameBatchesFromSeveralThreadsWhileSessionsAreEvicted_eachRecordDeliveredOnce()
      throws Exception {
    CdrStore inMemory = new InMemoryStore();
    int sessions = CdrPipeline.MAX_SESSIONS + 600;
    List<CdrEvent> seen = java.util.Collections.synchronizedList(new ArrayList<>());
    try (CdrPipeline p = CdrPipeline.builder().store(inMemory).addListener(seen::add).build()) {
      int threads = 3;
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      List<java.util.concurrent.Future<?>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int shift = t * sessions / threads;
        done.add(pool.submit(() -> {
          // Every thread sends every session's batch, each starting elsewhere: the same batch
          // arrives at once from two threads, and sessions are evicted and rebuilt meanwhile.
          for (int i = 0; i < sessions; i++) {
            int n = (i + shift) % sessions;
            p.accept(batch(doc("s" + n, "cb" + n, callEnd(1, 0, n + "a"), callEnd(2, 1, n + "b"))));
          }
        }));
      }
      for (var f : done) {
        f.get(2, TimeUnit.MINUTES);
      }
      pool.shutdown();
      delivered(p);
    }
    List<String> live = new ArrayList<>();
    for (CdrEvent e : seen) {
      if (e instanceof CdrEvent.RecordReceived r && !r.replayed()) {
        live.add(((CallEnd) r.record()).callId());
      }
    }
    assertEquals(2 * sessions, live.size(), "records delivered live");
    assertEquals(2 * sessions, new java.util.HashSet<>(live).size(), "no record twice");
  }

  @Test
  void accept_listenerThrowsAnError_laterBatchesStillDelivered() throws InterruptedException {
    boolean[] thrown = {false};
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch secondQueued = new CountDownLatch(1);
    CdrPipeline p = CdrPipeline.builder().addListener(e -> {
      if (!thrown[0]) {
        thrown[0] = true;
        entered.countDown();
        try {
          // The second batch is queued while this deliverer is still the scheduled one.
          secondQueued.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException ex) {
          Thread.currentThread().interrupt();
        }
        throw new AssertionError("listener bug");
      }
      events.add(e);
    }).build();
    p.accept(batch(doc("s1", "cb1", callEnd(1, 10, "a"))));
    assertTrue(entered.await(30, TimeUnit.SECONDS), "the listener never got the first batch");
    p.accept(batch(doc("s1", "cb1", callEnd(2, 11, "b"))));
    secondQueued.countDown();
    delivered(p);
    p.close();
    assertEquals(List.of("b"), received());
  }

  @Test
  void accept_listener_calledWithoutThePipelineLock() {
    boolean[] held = {true};
    CdrPipeline[] self = new CdrPipeline[1];
    CdrPipeline p = CdrPipeline.builder()
        .addListener(e -> held[0] = Thread.holdsLock(self[0])).build();
    self[0] = p;
    p.accept(batch(doc("s1", "cb1", callEnd(1, 10, "a"))));
    delivered(p);
    assertFalse(held[0]);
  }

  @Test
  void accept_differentSessions_storedInParallel() throws Exception {
    java.util.concurrent.CountDownLatch bothInside = new java.util.concurrent.CountDownLatch(2);
    CdrStore rendezvous = new CdrStore() {
      @Override
      public List<CdrRecord> append(ReceivedBatch batch) {
        bothInside.countDown();
        try {
          // Only returns once the other session's batch is being stored at the same time.
          if (!bothInside.await(30, java.util.concurrent.TimeUnit.SECONDS)) {
            throw new CdrStoreException("the other session was not stored in parallel", null);
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new CdrStoreException("interrupted", e);
        }
        return batch.batch().records();
      }

      @Override
      public void replay(Consumer<ReceivedBatch> consumer) {}

      @Override
      public void close() {}
    };
    CdrPipeline p = CdrPipeline.builder().store(rendezvous).build();
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
    try {
      var a = pool.submit(() -> p.accept(batch(doc("s1", "cb1", callEnd(1, 1, "a")))));
      var b = pool.submit(() -> p.accept(batch(doc("s2", "cb2", callEnd(1, 1, "b")))));
      a.get();
      b.get();
    } finally {
      pool.shutdownNow();
    }
    delivered(p);
    assertEquals(2, p.recordsDelivered());
  }

  @Test
  void accept_listenerParked_acceptReturnsAndTheDeliveryThreadDeliversLater() {
    CountDownLatch parked = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Map<String, String> deliveredOn = new ConcurrentHashMap<>();
    try (CdrPipeline p = CdrPipeline.builder().addListener(e -> {
      if (e instanceof CdrEvent.RecordReceived r) {
        String id = ((CallEnd) r.record()).callId();
        deliveredOn.put(id, Thread.currentThread().getName());
        parked.countDown();
        awaitUninterruptibly(release);
      }
    }).build()) {
      p.accept(batch(doc("s1", "cb1", callEnd(1, 1, "a"))));
      awaitUninterruptibly(parked);
      // The listener is parked on the latch; the next batch is still accepted (acknowledged).
      p.accept(batch(doc("s2", "cb2", callEnd(1, 1, "b"))));
      assertEquals(Map.of("a", CdrPipeline.DELIVERY_THREAD), deliveredOn);
      assertFalse(p.awaitDelivered(Duration.ZERO));
      release.countDown();
      delivered(p);
      assertEquals(Map.of("a", CdrPipeline.DELIVERY_THREAD, "b", CdrPipeline.DELIVERY_THREAD),
          deliveredOn);
    }
  }

  @Test
  void accept_backlogOverTheLimit_waitsForTheListenersAndResumes() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    try (CdrPipeline p = CdrPipeline.builder().maxUndeliveredEvents(2)
        .addListener(e -> awaitUninterruptibly(release)).addListener(events::add).build()) {
      p.accept(batch(doc("s1", "cb1", callEnd(1, 1, "a"))));
      p.accept(batch(doc("s1", "cb1", callEnd(2, 2, "b"))));
      Thread third = new Thread(() -> p.accept(batch(doc("s1", "cb1", callEnd(3, 3, "c")))));
      third.start();
      // Three undelivered events, over the limit of two: the third accept waits.
      while (third.getState() != Thread.State.WAITING) {
        assertTrue(third.isAlive(), "the third accept must wait for the listeners");
        Thread.onSpinWait();
      }
      release.countDown();
      third.join();
      delivered(p);
      assertEquals(List.of("a", "b", "c"), received());
    }
  }

  @Test
  void close_stopsTheDeliveryThread() throws InterruptedException {
    List<Thread> deliveredOn = new ArrayList<>();
    CdrPipeline p = CdrPipeline.builder().addListener(e -> deliveredOn.add(Thread.currentThread()))
        .build();
    p.accept(batch(doc("s1", "cb1", callEnd(1, 1, "a"))));
    delivered(p);
    Thread delivery = deliveredOn.get(0);
    assertEquals(CdrPipeline.DELIVERY_THREAD, delivery.getName());
    assertTrue(delivery.isDaemon());
    p.close();
    // close has stopped the thread; it ends right after its last task.
    delivery.join(WAIT.toMillis());
    assertFalse(delivery.isAlive(), "the delivery thread is still running after close");
    assertThrows(IllegalStateException.class,
        () -> p.accept(batch(doc("s1", "cb1", callEnd(2, 2, "b")))));
  }

  @Test
  void accept_manySessionsConcurrently_eachSessionDeliveredInOrder() throws Exception {
    Map<String, List<Long>> bySession = new ConcurrentHashMap<>();
    int sessions = 8;
    int batchesEach = 200;
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try (CdrPipeline p = CdrPipeline.builder().maxUndeliveredEvents(50).addListener(e -> {
      if (e instanceof CdrEvent.RecordReceived r) {
        bySession.computeIfAbsent(r.session(), k -> new ArrayList<>())
            .add(r.record().header().recordIndex());
      }
    }).build()) {
      List<java.util.concurrent.Future<?>> done = new ArrayList<>();
      for (int s = 0; s < sessions; s++) {
        String id = "s" + s;
        done.add(pool.submit(() -> {
          for (long i = 1; i <= batchesEach; i++) {
            p.accept(batch(doc(id, "cb-" + id, callEnd(i, i, id + "-" + i))));
          }
        }));
      }
      for (var f : done) {
        f.get();
      }
      delivered(p);
    } finally {
      pool.shutdownNow();
    }
    List<Long> expected = java.util.stream.LongStream.rangeClosed(1, batchesEach).boxed().toList();
    assertEquals(sessions, bySession.size());
    bySession.forEach((s, indices) -> assertEquals(expected, indices, s));
  }

  private static void awaitUninterruptibly(CountDownLatch latch) {
    try {
      assertTrue(latch.await(30, TimeUnit.SECONDS), "latch not released within 30 s");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  @Test
  void accept_sameSessionFromTwoThreads_storedAndDeliveredInArrivalOrderWhileOtherSessionsPass()
      throws Exception {
    java.util.concurrent.CountDownLatch firstInStore = new java.util.concurrent.CountDownLatch(1);
    java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
    List<String> stored = java.util.Collections.synchronizedList(new ArrayList<>());
    CdrStore holdFirst = new CdrStore() {
      @Override
      public List<CdrRecord> append(ReceivedBatch batch) {
        String id = ((CallEnd) batch.batch().records().get(0)).callId();
        stored.add(id);
        if (id.equals("first")) {
          firstInStore.countDown();
          try {
            release.await();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CdrStoreException("interrupted", e);
          }
        }
        return batch.batch().records();
      }

      @Override
      public void replay(Consumer<ReceivedBatch> consumer) {}

      @Override
      public void close() {}
    };
    List<String> delivered = java.util.Collections.synchronizedList(new ArrayList<>());
    CdrPipeline p = CdrPipeline.builder().store(holdFirst).addListener(e -> {
      if (e instanceof CdrEvent.RecordReceived r) {
        delivered.add(((CallEnd) r.record()).callId());
      }
    }).build();
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
    try {
      var first = pool.submit(() -> p.accept(batch(doc("s1", "cb1", callEnd(1, 1, "first")))));
      firstInStore.await();
      var second = new java.util.concurrent.atomic.AtomicReference<Thread>();
      var secondDone = pool.submit(() -> {
        second.set(Thread.currentThread());
        p.accept(batch(doc("s1", "cb1", callEnd(2, 2, "second"))));
      });
      // Another session is stored and delivered while s1's first batch is still being stored.
      p.accept(batch(doc("s2", "cb2", callEnd(1, 1, "other"))));
      delivered(p);
      assertEquals(List.of("other"), delivered);
      // The second batch of s1 waits for the first (its thread blocks on the session), or, if this
      // pipeline did not keep the order, has already gone by.
      while (!secondDone.isDone() && (second.get() == null
          || second.get().getState() != Thread.State.BLOCKED)) {
        Thread.onSpinWait();
      }
      release.countDown();
      first.get();
      secondDone.get();
    } finally {
      pool.shutdownNow();
    }
    delivered(p);
    assertEquals(List.of("first", "other", "second"), stored);
    assertEquals(List.of("other", "first", "second"), delivered);
  }

  @Test
  void accept_batchesQueuedDuringADelivery_handedToListenersTogetherInTheNextOne()
      throws Exception {
    java.util.concurrent.CountDownLatch aDelivering = new java.util.concurrent.CountDownLatch(1);
    java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
    List<List<String>> deliveries = java.util.Collections.synchronizedList(new ArrayList<>());
    CdrPipeline p = CdrPipeline.builder().addListener(new CdrListener() {
      @Override
      public void onEvent(CdrEvent event) {
        throw new AssertionError("the pipeline hands listeners whole deliveries");
      }

      @Override
      public void onEvents(List<CdrEvent> events) {
        List<String> ids = new ArrayList<>();
        for (CdrEvent e : events) {
          if (e instanceof CdrEvent.RecordReceived r) {
            ids.add(((CallEnd) r.record()).callId());
          }
        }
        deliveries.add(ids);
        if (ids.contains("a")) {
          aDelivering.countDown();
          try {
            release.await();
          } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
          }
        }
      }
    }).build();
    p.accept(batch(doc("s1", "cb1", callEnd(1, 1, "a"))));
    aDelivering.await();
    // Queued while the delivery of A's event is under way.
    p.accept(batch(doc("s2", "cb2", callEnd(1, 1, "b"))));
    p.accept(batch(doc("s3", "cb3", callEnd(1, 1, "c"))));
    release.countDown();
    delivered(p);
    assertEquals(2, deliveries.size(), "one delivery for A, one for the two batches behind it");
    assertEquals(List.of("a"), deliveries.get(0));
    assertEquals(java.util.Set.of("b", "c"), java.util.Set.copyOf(deliveries.get(1)));
  }

  @Test
  void accept_listenerThrowsOnOneEvent_stillGetsTheRestOfTheDelivery() {
    List<String> seen = new ArrayList<>();
    CdrPipeline p = CdrPipeline.builder().addListener(e -> {
      if (e instanceof CdrEvent.RecordReceived r) {
        String id = ((CallEnd) r.record()).callId();
        seen.add(id);
        if (id.equals("a")) {
          throw new IllegalStateException("listener bug");
        }
      }
    }).build();
    p.accept(batch(doc("s1", "cb1", callEnd(1, 1, "a"), callEnd(2, 2, "b"))));
    delivered(p);
    assertEquals(List.of("a", "b"), seen);
  }

  /** A store that keeps every batch in memory, so an evicted session's filter can be rebuilt. */
  private static final class InMemoryStore implements CdrStore {
    private final List<ReceivedBatch> kept = new ArrayList<>();

    @Override
    public synchronized List<CdrRecord> append(ReceivedBatch batch) {
      kept.add(batch);
      return batch.batch().records();
    }

    @Override
    public void replay(Consumer<ReceivedBatch> consumer) {
      List<ReceivedBatch> copy;
      synchronized (this) {
        copy = new ArrayList<>(kept);
      }
      copy.forEach(consumer);
    }

    @Override
    public void close() {}
  }
}
