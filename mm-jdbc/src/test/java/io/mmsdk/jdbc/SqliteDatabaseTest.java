package io.mmsdk.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteDatabaseTest extends JdbcDatabaseContract {
  @TempDir Path dir;

  @Override
  protected JdbcDatabase open() {
    return JdbcDatabase.sqlite(dir.resolve("db/mm-sdk.db"));
  }

  private static String pragma(JdbcDatabase db, String name) throws SQLException {
    return db.withConnection(c -> {
      try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA " + name)) {
        rs.next();
        return rs.getString(1);
      }
    });
  }

  @Test
  void sqlite_opened_walFullSyncAndOwnerOnlyFile() throws Exception {
    try (JdbcDatabase db = open()) {
      assertEquals("SQLite", db.productName());
      assertEquals("wal", pragma(db, "journal_mode"));
      assertEquals("2", pragma(db, "synchronous")); // FULL
      assertEquals("30000", pragma(db, "busy_timeout"));
      assertEquals("rw-------", PosixFilePermissions.toString(
          Files.getPosixFilePermissions(dir.resolve("db/mm-sdk.db"))));
      assertTrue(db.toString().contains("mm-sdk.db"), db.toString());
    }
  }

  @Test
  void sqlite_pathIsADirectory_typedError() throws Exception {
    Files.createDirectories(dir.resolve("taken"));
    JdbcStoreException e = assertThrows(JdbcStoreException.class,
        () -> JdbcDatabase.sqlite(dir.resolve("taken")));
    assertTrue(e.getMessage().contains("taken"), e.getMessage());
  }

  @Test
  void builder_unsupportedUrl_saysWhatIsSupportedWithoutTheQuery() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> JdbcDatabase.builder("jdbc:mysql://db/x?password=hunter2"));
    assertTrue(e.getMessage().contains("jdbc:postgresql://"), e.getMessage());
    assertTrue(!e.getMessage().contains("hunter2"), e.getMessage());
  }
}
