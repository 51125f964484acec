package io.mmsdk.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mmsdk.cdr.CdrEvent;
import io.mmsdk.cdr.CdrJournal;
import io.mmsdk.cdr.CdrListener;
import io.mmsdk.cdr.CdrOrigin;
import io.mmsdk.cdr.CdrParser;
import io.mmsdk.cdr.CdrPipeline;
import io.mmsdk.cdr.CdrStore;
import io.mmsdk.cdr.ReceivedBatch;
import io.mmsdk.testkit.core.SimulatedClock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the samples of docs/storage.md: configure, and a 0.1 journal copied into SQLite twice. */
class StorageDocsExampleTest {
  @TempDir Path dir;

  @Test
  void configure_sqliteStoreBehindPipeline_receivesAndReplays() {
    List<CdrEvent> events = new ArrayList<>();
    CdrListener tracker = events::add;
    // The sample, with the path of this test.
    JdbcDatabase db = JdbcDatabase.sqlite(dir.resolve("mm-sdk.db"));
    CdrPipeline pipeline = CdrPipeline.builder()
        .store(JdbcCdrStore.builder(db).retention(Duration.ofDays(8)).build())
        .addListener(tracker)
        .build();
    byte[] xml = ("<records session=\"s1\"><record type=\"callEnd\" time=\"2026-03-02T09:00:00Z\""
        + " recordIndex=\"1\" correlatorIndex=\"1\"><call id=\"c1\"/></record></records>")
        .getBytes(StandardCharsets.UTF_8);
    pipeline.accept(ReceivedBatch.of(CdrOrigin.ofCluster("london"), Instant.now(), xml,
        CdrParser.create().parse(xml)));
    assertTrue(pipeline.awaitDelivered(Duration.ofSeconds(30)));
    pipeline.close();
    db.close();
    assertEquals(1, events.size());

    try (JdbcDatabase again = JdbcDatabase.sqlite(dir.resolve("mm-sdk.db"));
        CdrPipeline reopened = CdrPipeline.builder().store(JdbcCdrStore.create(again))
            .addListener(events::add).build()) {
      assertTrue(reopened.awaitDelivered(Duration.ofSeconds(30)));
      assertEquals(2, events.size(), "replayed at start-up");
      assertEquals(0, reopened.duplicatesDropped());
    }
  }

  @Test
  void migrate_journalToSqlite_everyBatchOnceEvenIfRunTwice() {
    SimulatedClock clock = SimulatedClock.startingAt(Instant.now());
    try (CdrJournal old = CdrJournal.builder(dir.resolve("cdr")).scheduler(clock).build()) {
      for (int i = 0; i < 5; i++) {
        byte[] xml = ("<records session=\"s1\"><record type=\"callEnd\" time=\"2026-03-02T09:00:00Z\""
            + " recordIndex=\"" + i + "\" correlatorIndex=\"" + i + "\"><call id=\"c" + i
            + "\"/></record></records>").getBytes(StandardCharsets.UTF_8);
        old.append(ReceivedBatch.of(CdrOrigin.ofCluster("london"), clock.now(), xml,
            CdrParser.create().parse(xml)));
      }
    }
    for (int run = 0; run < 2; run++) {
      // The sample, with the paths of this test.
      try (CdrStore journal = CdrStore.file(dir.resolve("cdr"));
          JdbcDatabase db = JdbcDatabase.sqlite(dir.resolve("mm-sdk.db"));
          JdbcCdrStore store = JdbcCdrStore.create(db)) {
        journal.replay(store::append);
      }
    }
    AtomicInteger batches = new AtomicInteger();
    try (JdbcDatabase db = JdbcDatabase.sqlite(dir.resolve("mm-sdk.db"));
        JdbcCdrStore store = JdbcCdrStore.create(db)) {
      store.replay(b -> batches.incrementAndGet());
    }
    assertEquals(5, batches.get());
  }
}
