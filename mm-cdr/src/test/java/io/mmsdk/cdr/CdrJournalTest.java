package io.mmsdk.cdr;

import static io.mmsdk.cdr.Batches.callEnd;
import static io.mmsdk.cdr.Batches.doc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mmsdk.testkit.core.SimulatedClock;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The journal's own cases; what every CdrStore does is {@link CdrJournalContractTest}'s. */
class CdrJournalTest {
  @TempDir Path dir;
  private final SimulatedClock scheduler =
      SimulatedClock.startingAt(Instant.parse("2026-03-02T09:00:00Z"));
  private final CdrParser parser = CdrParser.create();

  private ReceivedBatch batch(String callId, long index) {
    byte[] xml = doc("s1", "cb1", callEnd(index, index, callId));
    return ReceivedBatch.of(new CdrOrigin("london", Map.of("cluster", "london", "dc", "west")),
        scheduler.now(), xml, parser.parse(xml));
  }

  private List<String> replay(CdrJournal j) {
    List<String> out = new ArrayList<>();
    j.replay(b -> out.add(((CallEnd) b.batch().records().get(0)).callId() + "@"
        + b.origin().tags().get("dc") + "@" + b.receivedAt()));
    return out;
  }

  @Test
  void open_tornTail_cutAndEarlierEntriesKept() throws IOException {
    Path segment;
    try (CdrJournal j = CdrJournal.builder(dir).scheduler(scheduler).build()) {
      j.append(batch("a", 1));
      j.append(batch("b", 2));
      segment = j.segmentFiles().get(0);
    }
    long full = Files.size(segment);
    try (FileChannel ch = FileChannel.open(segment, StandardOpenOption.WRITE)) {
      ch.truncate(full - 7); // a crash in the middle of writing "b"
    }
    try (CdrJournal j = CdrJournal.builder(dir).scheduler(scheduler).build()) {
      assertEquals(List.of("a@west@2026-03-02T09:00:00Z"), replay(j));
      j.append(batch("c", 3));
      assertEquals(2, replay(j).size());
    }
    try (CdrJournal j = CdrJournal.builder(dir).scheduler(scheduler).build()) {
      assertEquals(List.of("a", "c"), replay(j).stream().map(s -> s.substring(0, 1)).toList());
    }
  }

  @Test
  void open_garbageAppended_cut() throws IOException {
    Path segment;
    try (CdrJournal j = CdrJournal.builder(dir).scheduler(scheduler).build()) {
      j.append(batch("a", 1));
      segment = j.segmentFiles().get(0);
    }
    long good = Files.size(segment);
    Files.write(segment, new byte[] {0x43, 0x44, 0x52, 0x31, 0, 0, 0, 5, 1, 2, 3, 4, 9, 9, 9, 9, 9},
        StandardOpenOption.APPEND);
    try (CdrJournal j = CdrJournal.builder(dir).scheduler(scheduler).build()) {
      assertEquals(1, replay(j).size());
      assertEquals(good, Files.size(segment));
    }
  }

  @Test
  void purge_afterRetention_oldSegmentsDeleted() {
    try (CdrJournal j = CdrJournal.builder(dir).scheduler(scheduler)
        .retention(Duration.ofDays(8)).segmentBytes(1024).build()) {
      for (int i = 1; i <= 10; i++) {
        j.append(batch("x" + i, i));
      }
      int before = j.segmentFiles().size();
      assertTrue(before > 2, "segments " + before);
      scheduler.advance(Duration.ofDays(3));
      j.append(batch("late", 11));
      scheduler.advance(Duration.ofDays(6)); // hourly purge runs; first batches are 9 days old
      List<String> left = replay(j);
      List<String> ids = left.stream().map(s -> s.substring(0, s.indexOf('@'))).toList();
      // Deletion is per segment: the segment shared with "late" is kept whole.
      assertEquals("late", ids.get(ids.size() - 1));
      assertTrue(ids.size() < 4, "kept " + ids);
      assertTrue(j.segmentFiles().size() < before, "segments " + j.segmentFiles());
    }
  }

  /**
   * Appends a, b, c, each by a journal of its own (a closed segment ends at its last entry), and
   * returns the offsets at which b starts and ends.
   */
  private long[] threeEntries() throws IOException {
    long[] b = new long[2];
    String[] ids = {"a", "b", "c"};
    for (int i = 0; i < ids.length; i++) {
      Path segment;
      try (CdrJournal j = CdrJournal.builder(dir).scheduler(scheduler).build()) {
        j.append(batch(ids[i], i + 1));
        segment = j.segmentFiles().get(0);
      }
      if (i < b.length) {
        b[i] = Files.size(segment);
      }
    }
    return b;
  }

  @Test
  void open_copyTakenWhileOpen_everyAcknowledgedEntryKeptAndPaddingCut() throws IOException {
    Path crashed = Files.createDirectory(dir.resolve("crashed"));
    try (CdrJournal j = CdrJournal.builder(dir).scheduler(scheduler).build()) {
      j.append(batch("a", 1));
      j.append(batch("b", 2));
      // What a crash now leaves: the files as they are, with whatever the last flush padded.
      Path segment = j.segmentFiles().get(0);
      Files.copy(segment, crashed.resolve(segment.getFileName()));
    }
    try (CdrJournal j = CdrJournal.builder(crashed).scheduler(scheduler).build()) {
      assertEquals(List.of("a", "b"), replay(j).stream().map(s -> s.substring(0, 1)).toList());
      j.append(batch("c", 3));
    }
    try (CdrJournal j = CdrJournal.builder(crashed).scheduler(scheduler).build()) {
      assertEquals(List.of("a", "b", "c"),
          replay(j).stream().map(s -> s.substring(0, 1)).toList());
    }
  }

  @Test
  void append_forceFails_batchRefusedAndLaterBatchesStored() throws IOException {
    java.util.concurrent.atomic.AtomicBoolean failNext = new java.util.concurrent.atomic.AtomicBoolean();
    CdrJournal.Syncer failing = ch -> {
      if (failNext.getAndSet(false)) {
        throw new IOException("No space left on device");
      }
      ch.force(false);
    };
    try (CdrJournal j = CdrJournal.builder(dir).scheduler(scheduler).syncer(failing).build()) {
      j.append(batch("a", 1));
      failNext.set(true);
      CdrStoreException e = assertThrows(CdrStoreException.class, () -> j.append(batch("b", 2)));
      assertTrue(e.getMessage().contains("No space left on device"), e.getMessage());
      j.append(batch("c", 3));
    }
    try (CdrJournal j = CdrJournal.builder(dir).scheduler(scheduler).build()) {
      // b was refused, so its Call Bridge re-sends it; whether its bytes reached the disk anyway
      // is the disk's business, and the pipeline drops a re-sent duplicate.
      List<String> ids = replay(j).stream().map(s -> s.substring(0, 1)).toList();
      assertTrue(ids.equals(List.of("a", "b", "c")) || ids.equals(List.of("a", "c")), "" + ids);
    }
  }

  @Test
  void append_concurrentWritersOverManySmallSegments_everyBatchKeptInOrderPerWriter()
      throws Exception {
    int writers = 6;
    int each = 40;
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(writers);
    try (CdrJournal j = CdrJournal.builder(dir).scheduler(scheduler).segmentBytes(4096).build()) {
      List<java.util.concurrent.Future<?>> all = new ArrayList<>();
      for (int w = 0; w < writers; w++) {
        String id = "w" + w;
        all.add(pool.submit(() -> {
          for (int i = 1; i <= each; i++) {
            j.append(batch(id + "-" + i, i));
          }
          return null;
        }));
      }
      for (var f : all) {
        f.get();
      }
      assertTrue(j.segmentFiles().size() > 10, "segments " + j.segmentFiles().size());
    } finally {
      pool.shutdownNow();
    }
    try (CdrJournal j = CdrJournal.builder(dir).scheduler(scheduler).build()) {
      // "w3-17@..." → writer w3, its 17th batch; each writer's batches replay in its order.
      Map<String, List<Integer>> byWriter = replay(j).stream().collect(Collectors.groupingBy(
          s -> s.substring(0, s.indexOf('-')),
          Collectors.mapping(s -> Integer.parseInt(s.substring(s.indexOf('-') + 1, s.indexOf('@'))),
              Collectors.toList())));
      assertEquals(writers, byWriter.size());
      List<Integer> all = IntStream.rangeClosed(1, each).boxed().toList();
      byWriter.values().forEach(batches -> assertEquals(all, batches));
    }
  }

  private void flip(long offset) throws IOException {
    Path segment = Files.list(dir).filter(p -> p.toString().endsWith(".cdrj")).findFirst()
        .orElseThrow();
    byte[] all = Files.readAllBytes(segment);
    all[(int) offset] ^= 0x5A;
    Files.write(segment, all);
  }

  @Test
  void open_flippedByteInMiddleEntryLength_laterEntriesKept() throws IOException {
    long[] b = threeEntries();
    flip(b[0] + 4); // the high byte of b's length: it now claims to run far past the end
    try (CdrJournal j = CdrJournal.builder(dir).scheduler(scheduler).build()) {
      assertEquals(List.of("a", "c"), replay(j).stream().map(s -> s.substring(0, 1)).toList());
    }
  }

  @Test
  void append_concurrentBatches_shareOneForce() throws Exception {
    java.util.concurrent.CountDownLatch firstForceEntered = new java.util.concurrent.CountDownLatch(1);
    java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
    java.util.concurrent.atomic.AtomicInteger forces = new java.util.concurrent.atomic.AtomicInteger();
    CdrJournal.Syncer holdFirst = ch -> {
      if (forces.incrementAndGet() == 1) {
        firstForceEntered.countDown();
        try {
          release.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      ch.force(false);
    };
    int writers = 6;
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(writers + 1);
    try (CdrJournal j = CdrJournal.builder(dir).scheduler(scheduler).syncer(holdFirst).build()) {
      var first = pool.submit(() -> j.append(batch("first", 1)));
      firstForceEntered.await();
      List<java.util.concurrent.Future<?>> rest = new ArrayList<>();
      for (int i = 0; i < writers; i++) {
        long n = i + 2;
        rest.add(pool.submit(() -> j.append(batch("w" + n, n))));
      }
      while (j.awaitingForce() < writers) {
        Thread.onSpinWait(); // each writer has written its entry and waits for a force
      }
      assertTrue(!first.isDone(), "not acknowledged before its force");
      release.countDown();
      first.get();
      for (var f : rest) {
        f.get();
      }
      assertEquals(2, forces.get(), "one force for the first batch, one for the six behind it");
      assertEquals(writers + 1, replay(j).size());
    } finally {
      pool.shutdownNow();
    }
  }
}
