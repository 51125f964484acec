package io.mmsdk.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Properties;

/**
 * What differs between the databases mm-jdbc supports. Most SQL the stores send is portable
 * ({@code INSERT ... ON CONFLICT DO NOTHING}, {@code RETURNING}); table definitions differ, so each
 * dialect has its own migration scripts under {@code migrations/<name>/}.
 */
enum Dialect {
  /** The embedded default: one file, WAL, a full fsync at every commit. */
  SQLITE("sqlite", "SQLite") {
    @Override
    String forShare() {
      return ""; // the transaction began IMMEDIATE and holds the write lock already
    }

    @Override
    void lockForMigration(Connection c) {
      // Transactions begin IMMEDIATE: this one already holds the database's write lock, so a
      // second process migrating at the same time waits for it.
    }

    /**
     * Takes the write lock when the transaction begins, so two writers never deadlock upgrading a
     * read lock (SQLite fails one of them at once, busy timeout or not). The driver stays in
     * auto-commit mode: with auto-commit off it would begin the next IMMEDIATE transaction right
     * after each commit, holding the write lock while the connection sits idle in the pool.
     */
    @Override
    void begin(Connection c) throws SQLException {
      execute(c, "BEGIN IMMEDIATE");
    }

    @Override
    void commit(Connection c) throws SQLException {
      execute(c, "COMMIT");
    }

    @Override
    void rollback(Connection c) throws SQLException {
      try {
        execute(c, "ROLLBACK");
      } catch (SQLException e) {
        // Some failures (busy, I/O, full disk) end the transaction themselves.
        if (e.getMessage() == null || !e.getMessage().contains("no transaction is active")) {
          throw e;
        }
      }
    }
  },
  /** A server shared by processes on any number of hosts. */
  POSTGRESQL("postgresql", "PostgreSQL") {
    @Override
    String forShare() {
      return " FOR SHARE";
    }

    @Override
    void lockForMigration(Connection c) throws SQLException {
      try (Statement s = c.createStatement()) {
        // A transaction-scoped advisory lock: CREATE TABLE IF NOT EXISTS alone races between
        // sessions, so every migrator queues here until the one ahead of it commits.
        s.execute("SELECT pg_advisory_xact_lock(" + MIGRATION_LOCK_KEY + ")");
      }
    }
  };

  /** The advisory lock key all mm-sdk migrations share ("mmsdk" in ASCII). */
  static final long MIGRATION_LOCK_KEY = 0x6d6d73646bL;

  private final String scriptDirectory;
  private final String displayName;

  Dialect(String scriptDirectory, String displayName) {
    this.scriptDirectory = scriptDirectory;
    this.displayName = displayName;
  }

  /**
   * {@return what a {@code SELECT} of one row ends with to keep the row from being changed until
   * the transaction ends} In PostgreSQL's read-committed transactions every statement sees the
   * latest commits, so a reader of several tables first locks the row every writer updates first.
   */
  abstract String forShare();

  /** Serializes migrations of one database across processes until the transaction ends. */
  abstract void lockForMigration(Connection c) throws SQLException;

  /** Begins a transaction on {@code c}, which is in auto-commit mode. */
  void begin(Connection c) throws SQLException {
    c.setAutoCommit(false);
  }

  /** Commits the transaction {@link #begin} began and leaves {@code c} in auto-commit mode. */
  void commit(Connection c) throws SQLException {
    c.commit();
    c.setAutoCommit(true);
  }

  /** Rolls back the transaction {@link #begin} began and leaves {@code c} in auto-commit mode. */
  void rollback(Connection c) throws SQLException {
    c.rollback();
    c.setAutoCommit(true);
  }

  static void execute(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  /** {@return the folder of this dialect's migration scripts} */
  String scriptDirectory() {
    return scriptDirectory;
  }

  /** {@return the database's product name as people write it} */
  String displayName() {
    return displayName;
  }

  /**
   * {@return SQLite's settings for safety: write-ahead log (readers never block the writer, and
   * several processes share the file under SQLite's own locks), a full fsync at every commit, and
   * a wait instead of an error while another connection writes}
   */
  static Properties sqliteProperties() {
    Properties p = new Properties();
    p.setProperty("journal_mode", "WAL");
    p.setProperty("synchronous", "FULL");
    p.setProperty("busy_timeout", "30000");
    p.setProperty("foreign_keys", "true");
    return p;
  }

  /**
   * {@return the dialect of a JDBC URL}
   *
   * @throws IllegalArgumentException if mm-jdbc does not support the database
   */
  static Dialect ofUrl(String url) {
    String u = url.toLowerCase(Locale.ROOT);
    if (u.startsWith("jdbc:sqlite:")) {
      return SQLITE;
    }
    if (u.startsWith("jdbc:postgresql:")) {
      return POSTGRESQL;
    }
    throw new IllegalArgumentException("unsupported JDBC URL " + redact(url)
        + ": mm-jdbc supports jdbc:postgresql://host:port/database and jdbc:sqlite:<file>"
        + " (or JdbcDatabase.sqlite(path))");
  }

  /**
   * {@return the dialect of a database by the product name its driver reports}
   *
   * @throws IllegalArgumentException if mm-jdbc does not support the database
   */
  static Dialect ofProductName(String productName) {
    for (Dialect d : values()) {
      if (d.displayName.equalsIgnoreCase(productName)) {
        return d;
      }
    }
    throw new IllegalArgumentException("unsupported database " + productName
        + ": mm-jdbc supports PostgreSQL and SQLite");
  }

  /** {@return {@code url} without its query string, which may hold a password} */
  static String redact(String url) {
    int q = url.indexOf('?');
    return q < 0 ? url : url.substring(0, q);
  }
}
