package io.mmsdk.jdbc;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Databases for store tests that name their storage by a directory, as the process contract's
 * drivers do: SQLite keeps {@code mm-sdk.db} in the directory; PostgreSQL gets a schema named after
 * the directory on the server whose URL is in the system property {@link #POSTGRES_URL} (set by the
 * test class and passed to child JVMs), so a child process and its parent meet in one schema. Each
 * directory's database is opened once per JVM until {@link #close(Path)}.
 */
public final class TestDatabases {
  /** The system property holding a PostgreSQL URL of the test server (any schema). */
  public static final String POSTGRES_URL = "mmsdk.test.postgresUrl";
  private static final Map<String, JdbcDatabase> OPEN = new ConcurrentHashMap<>();

  private TestDatabases() {}

  /** {@return the SQLite database in {@code dir}} */
  public static JdbcDatabase sqlite(Path dir) {
    return OPEN.computeIfAbsent("sqlite:" + dir.toAbsolutePath(),
        k -> JdbcDatabase.sqlite(dir.resolve("mm-sdk.db")));
  }

  /** {@return the PostgreSQL schema for {@code dir} on the server named by {@link #POSTGRES_URL}} */
  public static JdbcDatabase postgres(Path dir) {
    return OPEN.computeIfAbsent("pg:" + dir.toAbsolutePath(), k -> {
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
    });
  }

  /** Closes the database of {@code dir}, if open. */
  public static void close(Path dir) {
    for (String k : new String[] {"sqlite:", "pg:"}) {
      JdbcDatabase db = OPEN.remove(k + dir.toAbsolutePath());
      if (db != null) {
        db.close();
      }
    }
  }

  /** Runs {@code sql} (one statement, no parameters) on {@code db}; for tests that damage rows. */
  public static void execute(JdbcDatabase db, String sql) {
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
}
