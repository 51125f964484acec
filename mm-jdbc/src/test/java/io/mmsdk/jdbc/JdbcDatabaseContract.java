package io.mmsdk.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The migration runner and connection handling, run for each dialect: scripts are applied once and
 * recorded, concurrent migrators do not collide, a failing script leaves the previous version, and
 * a database newer than the code is refused.
 */
public abstract class JdbcDatabaseContract {
  /** {@return a handle on an empty database, the same one on each call within a test} */
  protected abstract JdbcDatabase open();

  private static int count(JdbcDatabase db, String sql) throws SQLException {
    return db.withConnection(c -> {
      try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
        rs.next();
        return rs.getInt(1);
      }
    });
  }

  private static int version(JdbcDatabase db, String store) throws SQLException {
    return db.withConnection(c -> Migrations.currentVersion(c, store));
  }

  @Test
  void migrate_emptyDatabase_runsEveryScriptAndRecordsVersions() throws SQLException {
    try (JdbcDatabase db = open()) {
      db.migrate("migrationtest", 2);
      assertEquals(2, version(db, "migrationtest"));
      assertEquals(1, count(db, "SELECT COUNT(*) FROM migration_test WHERE name = 'one'"));
      assertEquals(0, count(db, "SELECT COUNT(*) FROM migration_test WHERE note IS NOT NULL"));
      List<String> descriptions = db.withConnection(c -> {
        List<String> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
            "SELECT description FROM mm_schema_version WHERE store = 'migrationtest' ORDER BY version")) {
          while (rs.next()) {
            out.add(rs.getString(1));
          }
        }
        return out;
      });
      assertEquals(List.of("a table for the migration runner's tests",
          "a second column; the runner's tests fail this script on demand"), descriptions);
    }
  }

  @Test
  void migrate_stepByStepAndAgain_eachScriptRunsOnce() throws SQLException {
    try (JdbcDatabase db = open()) {
      db.migrate("migrationtest", 1);
      assertEquals(1, version(db, "migrationtest"));
      db.migrate("migrationtest", 2);
      db.migrate("migrationtest", 2);
      assertEquals(2, version(db, "migrationtest"));
      assertEquals(1, count(db, "SELECT COUNT(*) FROM migration_test"));
    }
    try (JdbcDatabase reopened = open()) {
      reopened.migrate("migrationtest", 2);
      assertEquals(1, count(reopened, "SELECT COUNT(*) FROM migration_test"));
    }
  }

  @Test
  void migrate_databaseNewerThanCode_refusedWithTypedErrorAndNothingTouched() throws SQLException {
    try (JdbcDatabase db = open()) {
      db.migrate("migrationtest", 2);
      db.inTransaction(c -> {
        try (PreparedStatement p = c.prepareStatement("INSERT INTO mm_schema_version"
            + " (store, version, description, applied_at) VALUES ('migrationtest', 3, 'future', 'x')")) {
          return p.executeUpdate();
        }
      });
      SchemaTooNewException e = assertThrows(SchemaTooNewException.class,
          () -> db.migrate("migrationtest", 2));
      assertEquals("migrationtest", e.store());
      assertEquals(3, e.databaseVersion());
      assertEquals(2, e.supportedVersion());
      assertTrue(e.getMessage().contains("upgrade mm-sdk"), e.getMessage());
      assertFalse(e.getMessage().contains("password"), e.getMessage());
      assertEquals(1, count(db, "SELECT COUNT(*) FROM migration_test"));
    }
  }

  @Test
  void migrate_failingScript_rolledBackToPreviousVersion() throws SQLException {
    try (JdbcDatabase db = open()) {
      db.migrate("migrationtest", 1);
      db.withConnection(c -> {
        try (Statement s = c.createStatement()) {
          // V2 creates this table too, so V2 fails after its ALTER TABLE.
          return s.execute("CREATE TABLE migration_test_more (id INTEGER PRIMARY KEY)");
        }
      });
      JdbcStoreException e = assertThrows(JdbcStoreException.class,
          () -> db.migrate("migrationtest", 2));
      assertTrue(e.getMessage().contains("migrationtest"), e.getMessage());
      assertEquals(1, version(db, "migrationtest"));
      // The ALTER TABLE before the failing statement was rolled back with it.
      assertThrows(SQLException.class,
          () -> count(db, "SELECT COUNT(*) FROM migration_test WHERE note IS NULL"));
    }
  }

  @Test
  void migrate_manyMigratorsAtOnce_eachScriptRunsOnce() throws Exception {
    int n = 6;
    List<JdbcDatabase> handles = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(n);
    try {
      for (int i = 0; i < n; i++) {
        handles.add(open()); // separate handles: as many processes would
      }
      CountDownLatch go = new CountDownLatch(1);
      List<Future<?>> runs = new ArrayList<>();
      for (JdbcDatabase h : handles) {
        runs.add(pool.submit(() -> {
          go.await();
          h.migrate("migrationtest", 2);
          return null;
        }));
      }
      go.countDown();
      for (Future<?> f : runs) {
        f.get();
      }
      assertEquals(2, version(handles.get(0), "migrationtest"));
      assertEquals(1, count(handles.get(0), "SELECT COUNT(*) FROM migration_test"));
      assertEquals(2, count(handles.get(0),
          "SELECT COUNT(*) FROM mm_schema_version WHERE store = 'migrationtest'"));
    } finally {
      pool.shutdownNow();
      handles.forEach(JdbcDatabase::close);
    }
  }

  @Test
  void migrate_storesHaveSeparateSequences() throws SQLException {
    try (JdbcDatabase db = open()) {
      db.migrate("migrationtest", 1);
      assertEquals(0, version(db, "otherstore"));
      assertEquals(1, version(db, "migrationtest"));
    }
  }
}
