package io.mmsdk.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mmsdk.cdr.CdrJournal;
import io.mmsdk.cdr.CdrOrigin;
import io.mmsdk.cdr.CdrParser;
import io.mmsdk.cdr.CdrStore;
import io.mmsdk.cdr.ReceivedBatch;
import io.mmsdk.testkit.SimulatedClock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the migration sample of docs/storage.md: a 0.1 journal copied into SQLite, twice. */
class StorageDocsExampleTest {
  @TempDir Path dir;

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
