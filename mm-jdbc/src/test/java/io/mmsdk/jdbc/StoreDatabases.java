package io.mmsdk.jdbc;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The database handles a store test opened, closed together after the test (a store leaves its
 * database open), and damage done to stored rows as a flipped bit on disk would do it.
 */
final class StoreDatabases implements AutoCloseable {
  private final List<JdbcDatabase> open = new ArrayList<>();

  /** Opens a database and remembers it for {@link #close()}. */
  synchronized JdbcDatabase open(Supplier<JdbcDatabase> opener) {
    JdbcDatabase db = opener.get();
    open.add(db);
    return db;
  }

  @Override
  public synchronized void close() {
    open.forEach(JdbcDatabase::close);
    open.clear();
  }

  /** Overwrites the XML of the n-th stored CDR batch (from 0) with bytes that do not parse. */
  static void damageBatch(JdbcDatabase db, int n) throws SQLException {
    int changed = db.inTransaction(c -> {
      try (PreparedStatement p = c.prepareStatement("UPDATE cdr_batch SET body = ? WHERE id ="
          + " (SELECT id FROM cdr_batch ORDER BY id LIMIT 1 OFFSET ?)")) {
        p.setBytes(1, "<records session=\"s1\"><record type=\"callEnd\"".getBytes());
        p.setInt(2, n);
        return p.executeUpdate();
      }
    });
    if (changed != 1) {
      throw new AssertionError("no stored batch " + n);
    }
  }
}
