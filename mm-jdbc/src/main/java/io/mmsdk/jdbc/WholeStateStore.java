package io.mmsdk.jdbc;

import io.mmsdk.common.store.StoreConflictException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Objects;

/**
 * The frame of a store whose interface loads and saves a whole state at a time (license state,
 * Smart Licensing, users, clusters), per scope. The state's parts live in rows of their own tables;
 * one holder row per scope, in {@code holderTable} with columns {@code scope} and {@code version},
 * counts the saves.
 *
 * <p>A load reads the holder row (locked against saves until the load's transaction ends, so it
 * sees one whole save) and every part in one transaction. A save advances the holder's version
 * from the one this instance last read or saved, replaces the parts and commits; if another
 * instance saved meanwhile the version has moved on, and the save fails with a {@link
 * StoreConflictException} having changed nothing: the other save is never overwritten unseen.
 * Concurrent savers queue on the holder row's lock (PostgreSQL) or the database's write lock
 * (SQLite) before they touch a part. Calls on one instance are serialized.
 */
abstract class WholeStateStore implements AutoCloseable {
  final JdbcDatabase db;
  final String scope;
  private final String holderTable;
  private final String what;
  /** The version this instance last read or saved; guarded by this. */
  private long seen;
  private volatile boolean closed;

  /**
   * Migrates the store's tables, creates the scope's holder row at version 0 (nothing saved) if
   * missing, and reads its version.
   *
   * @param what the state in messages, e.g. "the users"
   */
  WholeStateStore(JdbcDatabase db, String scope, String store, int latest, String holderTable,
      String what) {
    this.db = Objects.requireNonNull(db, "database == null");
    this.scope = checkScope(scope);
    this.holderTable = holderTable;
    this.what = what;
    db.migrate(store, latest);
    seen = db.inTransaction(c -> {
      try (PreparedStatement p = c.prepareStatement("INSERT INTO " + holderTable
          + " (scope, version) VALUES (?, 0) ON CONFLICT (scope) DO NOTHING")) {
        p.setString(1, scope);
        p.executeUpdate();
      }
      return version(c, "");
    }, e -> failure("Cannot open " + what + " (scope " + scope + ") in " + db + ": "
        + e.getMessage() + "; check that the database is reachable", e));
  }

  private static String checkScope(String scope) {
    Objects.requireNonNull(scope, "scope == null");
    if (scope.isBlank() || scope.length() > 200) {
      throw new IllegalArgumentException("scope must be 1 to 200 characters, e.g. the instance"
          + " name; got '" + scope + "'");
    }
    return scope;
  }

  /** Reads the parts of the state; the holder row is locked against saves meanwhile. */
  @FunctionalInterface
  interface Reader<T> {
    T read(Connection c, boolean saved) throws SQLException;
  }

  /**
   * {@return the state {@code reader} reads in one transaction} {@code saved} tells it whether any
   * save happened (version above 0).
   */
  final synchronized <T> T readState(Reader<T> reader) {
    ensureOpen();
    long[] version = new long[1];
    T state = db.inTransaction(c -> {
      version[0] = version(c, db.dialect().forShare());
      return reader.read(c, version[0] > 0);
    }, e -> failure("Cannot read " + what + " (scope " + scope + ") from " + db + ": "
        + e.getMessage() + "; check that the database is reachable", e));
    seen = version[0];
    return state;
  }

  /**
   * Saves the state {@code writer} writes, in one transaction, if no other instance saved since
   * this one last read or saved.
   *
   * @throws StoreConflictException if another instance saved meanwhile; nothing was changed
   */
  final synchronized void writeState(JdbcDatabase.SqlChange writer) {
    ensureOpen();
    db.inTransaction(c -> {
      try (PreparedStatement p = c.prepareStatement("UPDATE " + holderTable
          + " SET version = version + 1 WHERE scope = ? AND version = ?")) {
        p.setString(1, scope);
        p.setLong(2, seen);
        if (p.executeUpdate() != 1) {
          throw new StoreConflictException("Another store instance saved " + what + " (scope "
              + scope + ") in " + db + " since this one read them (version " + seen + ", now "
              + version(c, "") + "); nothing was saved. Load them again, apply the change to what"
              + " was loaded, and save that.");
        }
      }
      writer.apply(c);
    }, e -> failure("Cannot save " + what + " (scope " + scope + ") in " + db + ": "
        + e.getMessage() + "; nothing was changed, retry", e));
    seen++;
  }

  private long version(Connection c, String suffix) throws SQLException {
    try (PreparedStatement p = c.prepareStatement(
        "SELECT version FROM " + holderTable + " WHERE scope = ?" + suffix)) {
      p.setString(1, scope);
      try (ResultSet rs = p.executeQuery()) {
        if (!rs.next()) {
          throw new SQLException("the row of scope " + scope + " in " + holderTable
              + " is missing (deleted by hand?)");
        }
        return rs.getLong(1);
      }
    }
  }

  /** {@return the store's own exception for a database failure or a damaged row} */
  abstract RuntimeException failure(String message, Throwable cause);

  /**
   * {@return the store's own exception for rows that do not decode} The message names the state,
   * the scope and the database, never a value (rows may hold secrets).
   */
  final RuntimeException damaged(String detail, Throwable cause) {
    return failure("The stored rows of " + what + " (scope " + scope + ") in " + db
        + " are damaged (" + detail + "). Restore it from a backup of the database, or "
        + repair() + ".", cause);
  }

  /** {@return what else repairs damaged rows; default: saving the state again} */
  String repair() {
    return "save " + what + " again";
  }

  /** Deletes the scope's rows of {@code tables}, before a save writes them again. */
  final void deleteParts(Connection c, String... tables) throws SQLException {
    for (String table : tables) {
      try (PreparedStatement p = c.prepareStatement("DELETE FROM " + table + " WHERE scope = ?")) {
        p.setString(1, scope);
        p.executeUpdate();
      }
    }
  }

  /** {@return a prepared statement selecting {@code columns} of the scope's rows, in order} */
  final PreparedStatement select(Connection c, String columns, String table, String orderBy)
      throws SQLException {
    PreparedStatement p = c.prepareStatement("SELECT " + columns + " FROM " + table
        + " WHERE scope = ?" + (orderBy.isEmpty() ? "" : " ORDER BY " + orderBy));
    p.setString(1, scope);
    return p;
  }

  /** {@return a prepared insert of a row of {@code table} with the scope first, then {@code columns}} */
  final PreparedStatement insert(Connection c, String table, String... columns) throws SQLException {
    PreparedStatement p = c.prepareStatement("INSERT INTO " + table + " (scope, "
        + String.join(", ", columns) + ") VALUES (?" + ", ?".repeat(columns.length) + ")");
    p.setString(1, scope);
    return p;
  }

  /** {@return the boolean stored as 0 or 1 in {@code column}} */
  static boolean flag(ResultSet rs, String column) throws SQLException {
    int v = rs.getInt(column);
    if (rs.wasNull() || (v != 0 && v != 1)) {
      throw new IllegalArgumentException(column + " is not 0 or 1");
    }
    return v == 1;
  }

  /** {@return the instant stored as ISO-8601 text in {@code column}, or null} */
  static Instant instant(ResultSet rs, String column) throws SQLException {
    String v = rs.getString(column);
    return v == null ? null : Instant.parse(v);
  }

  /** {@return the enum constant named in {@code column}} */
  static <E extends Enum<E>> E constant(Class<E> type, ResultSet rs, String column)
      throws SQLException {
    String v = rs.getString(column);
    if (v == null) {
      throw new IllegalArgumentException(column + " is missing");
    }
    try {
      return Enum.valueOf(type, v);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(column + " names no " + type.getSimpleName(), e);
    }
  }

  /** Marks the store closed; the database stays open. Idempotent. */
  @Override
  public void close() {
    closed = true;
  }

  private void ensureOpen() {
    if (closed) {
      throw new IllegalStateException("The store of " + what + " (scope " + scope + ") in " + db
          + " is closed; open a new one.");
    }
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + "[scope " + scope + ", " + db + "]";
  }
}
