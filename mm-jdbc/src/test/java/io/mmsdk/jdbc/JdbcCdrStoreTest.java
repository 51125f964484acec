package io.mmsdk.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mmsdk.cdr.CdrOrigin;
import io.mmsdk.cdr.CdrParser;
import io.mmsdk.cdr.ReceivedBatch;
import io.mmsdk.testkit.core.SimulatedClock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** JdbcCdrStore's own cases (on SQLite); what every CdrStore does is the contract tests'. */
class JdbcCdrStoreTest {
  @TempDir Path dir;
  private final SimulatedClock clock = SimulatedClock.startingAt(Instant.parse("2026-03-02T09:00:00Z"));

  private ReceivedBatch batch(long correlator, String callId) {
    byte[] xml = ("<records session=\"s1\"><record type=\"callEnd\" time=\"2026-03-02T09:00:00Z\""
        + " recordIndex=\"" + correlator + "\" correlatorIndex=\"" + correlator + "\"><call id=\""
        + callId + "\"/></record></records>").getBytes(StandardCharsets.UTF_8);
    return ReceivedBatch.of(CdrOrigin.ofCluster("london"), clock.now(), xml,
        CdrParser.create().parse(xml));
  }

  private static long count(JdbcDatabase db, String table) throws SQLException {
    return db.withConnection(c -> {
      try (PreparedStatement p = c.prepareStatement("SELECT COUNT(*) FROM " + table);
          ResultSet rs = p.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    });
  }

  @Test
  void append_everyRecordStoredBefore_keepsNoBatch() throws SQLException {
    try (JdbcDatabase db = JdbcDatabase.sqlite(dir.resolve("cdr.db"));
        JdbcCdrStore store = JdbcCdrStore.builder(db).scheduler(clock).build()) {
      store.append(batch(1, "a"));
      assertEquals(List.of(), store.append(batch(1, "a")));
      assertEquals(1, count(db, "cdr_batch"));
      assertEquals(1, count(db, "cdr_record"));
    }
  }

  @Test
  void purge_afterRetention_batchesAndKeysDeletedSoALateResendCountsAsNew() throws SQLException {
    try (JdbcDatabase db = JdbcDatabase.sqlite(dir.resolve("cdr.db"));
        JdbcCdrStore store = JdbcCdrStore.builder(db).scheduler(clock)
            .retention(Duration.ofDays(2)).build()) {
      store.append(batch(1, "old"));
      clock.advance(Duration.ofDays(1));
      store.append(batch(2, "newer"));
      clock.advance(Duration.ofDays(1).plusHours(1)); // the hourly purge runs; "old" is 2 days 1 h old
      List<String> left = new ArrayList<>();
      store.replay(b -> left.add(b.batch().session() + ":" + b.batch().records().size()));
      assertEquals(1, left.size(), left.toString());
      assertEquals(1, count(db, "cdr_record"));
      assertEquals(1, store.append(batch(1, "old")).size(), "its key was deleted with it");
    }
  }

  @Test
  void create_tablesMigratedByNewerSdk_refusedWithTypedError() throws SQLException {
    try (JdbcDatabase db = JdbcDatabase.sqlite(dir.resolve("cdr.db"))) {
      JdbcCdrStore.create(db).close();
      db.inTransaction(c -> {
        try (PreparedStatement p = c.prepareStatement("INSERT INTO mm_schema_version"
            + " (store, version, description, applied_at) VALUES ('cdr', ?, 'future', 'x')")) {
          p.setInt(1, JdbcCdrStore.SCHEMA_VERSION + 1);
          return p.executeUpdate();
        }
      });
      SchemaTooNewException e = assertThrows(SchemaTooNewException.class,
          () -> JdbcCdrStore.create(db));
      assertEquals("cdr", e.store());
      assertTrue(e.getMessage().contains("cdr.db"), e.getMessage());
    }
  }

  @Test
  void builder_badRetention_refused() {
    try (JdbcDatabase db = JdbcDatabase.sqlite(dir.resolve("cdr.db"))) {
      assertThrows(IllegalArgumentException.class,
          () -> JdbcCdrStore.builder(db).retention(Duration.ZERO));
    }
  }
}
