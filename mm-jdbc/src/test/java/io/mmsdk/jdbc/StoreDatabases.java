package io.mmsdk.jdbc;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The databases of store tests. A test names its storage by a directory, as the process contract's
 * drivers do ({@link #database}): SQLite keeps {@code mm-sdk.db} in the directory; PostgreSQL
 * gets a schema named after the directory on the server whose URL is in the system property
 * {@link #POSTGRES_URL} (set by the test class, passed to child JVMs by {@link
 * Backend#childJvmArguments()}), so a child process and its parent meet in one schema. Each
 * directory's database is opened once per JVM until {@link #close(Path)}. An instance instead
 * collects handles a test opened itself, closed together by {@link #close()}.
 */
final class StoreDatabases implements AutoCloseable {
  /** The system property holding a PostgreSQL URL of the test server (any schema). */
  static final String POSTGRES_URL = "mmsdk.test.postgresUrl";
  private static final Map<String, JdbcDatabase> BY_DIRECTORY = new ConcurrentHashMap<>();
  private final List<JdbcDatabase> open = new ArrayList<>();

  /** {@return the database of {@code dir} on {@code backend}, opened on first use} */
  static JdbcDatabase database(Backend backend, Path dir) {
    return BY_DIRECTORY.computeIfAbsent(backend + ":" + dir.toAbsolutePath(), k -> switch (backend) {
      case SQLITE -> JdbcDatabase.sqlite(dir.resolve("mm-sdk.db"));
      case POSTGRESQL -> postgresSchema(dir);
    });
  }

  private static JdbcDatabase postgresSchema(Path dir) {
    String base = System.getProperty(POSTGRES_URL);
    if (base == null) {
      throw new IllegalStateException("set -D" + POSTGRES_URL + " to the test server's URL");
    }
    String schema = "d" + UUID.nameUUIDFromBytes(dir.toAbsolutePath().toString()
        .getBytes(StandardCharsets.UTF_8)).toString().replace("-", "");
    String url = base.replaceAll("&currentSchema=[^&]*", "");
    try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
      s.execute("CREATE SCHEMA IF NOT EXISTS " + schema);
    } catch (SQLException e) {
      // Another process created it at the same moment ("duplicate key" or "already exists").
      if (!"23505".equals(e.getSQLState()) && !"42P06".equals(e.getSQLState())) {
        throw new IllegalStateException("cannot create schema " + schema, e);
      }
    }
    return JdbcDatabase.builder(url + "&currentSchema=" + schema).build();
  }

  /** Closes the databases of {@code dir}, if open. */
  static void close(Path dir) {
    for (Backend b : Backend.values()) {
      JdbcDatabase db = BY_DIRECTORY.remove(b + ":" + dir.toAbsolutePath());
      if (db != null) {
        db.close();
      }
    }
  }

  /** Runs {@code sql} (one statement, no parameters) on {@code db}; for tests that damage rows. */
  static void execute(JdbcDatabase db, String sql) {
    try {
      db.withConnection(c -> {
        try (Statement s = c.createStatement()) {
          s.execute(sql);
        }
        return null;
      });
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

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
