package io.mmsdk.jdbc;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The schema migration runner. Each store has its own sequence of numbered scripts per dialect,
 * {@code /io/mmsdk/jdbc/migrations/<dialect>/<store>/V<n>.sql} (n = 1, 2, ...; the first line a
 * {@code --} comment saying what it does), and its own rows in {@code mm_schema_version}; so stores
 * added in parallel never compete for a number. Scripts are plain statements separated by lines
 * ending in {@code ;}, run in the caller's transaction with the rows that record them.
 */
final class Migrations {
  static final String VERSION_TABLE = "mm_schema_version";

  private Migrations() {}

  /**
   * Brings {@code store} to {@code latest} on {@code c}, which is in a transaction.
   *
   * @throws SchemaTooNewException if the database is at a newer version than {@code latest}
   */
  static void apply(Connection c, Dialect dialect, String database, String store, int latest)
      throws SQLException {
    dialect.lockForMigration(c);
    try (Statement s = c.createStatement()) {
      s.execute("CREATE TABLE IF NOT EXISTS " + VERSION_TABLE + " ("
          + "store VARCHAR(64) NOT NULL, version INTEGER NOT NULL,"
          + " description VARCHAR(200) NOT NULL, applied_at VARCHAR(40) NOT NULL,"
          + " PRIMARY KEY (store, version))");
    }
    int current = currentVersion(c, store);
    if (current > latest) {
      throw new SchemaTooNewException(database, store, current, latest);
    }
    for (int v = current + 1; v <= latest; v++) {
      String script = script(dialect, store, v);
      try (Statement s = c.createStatement()) {
        for (String statement : statements(script)) {
          s.execute(statement);
        }
      }
      try (PreparedStatement p = c.prepareStatement("INSERT INTO " + VERSION_TABLE
          + " (store, version, description, applied_at)"
        + " VALUES (?, ?, ?, CAST(CURRENT_TIMESTAMP AS VARCHAR(40)))")) {
        p.setString(1, store);
        p.setInt(2, v);
        p.setString(3, description(script));
        p.executeUpdate();
      }
    }
  }

  /** {@return the version of {@code store} recorded in the database, 0 if none} */
  static int currentVersion(Connection c, String store) throws SQLException {
    try (PreparedStatement p = c.prepareStatement(
        "SELECT MAX(version) FROM " + VERSION_TABLE + " WHERE store = ?")) {
      p.setString(1, store);
      try (ResultSet rs = p.executeQuery()) {
        return rs.next() ? rs.getInt(1) : 0;
      }
    }
  }

  private static String script(Dialect dialect, String store, int version) {
    String path = "migrations/" + dialect.scriptDirectory() + "/" + store + "/V" + version + ".sql";
    try (InputStream in = Migrations.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("mm-jdbc is missing its migration script " + path
            + ": the jar is incomplete; rebuild or re-download it");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read mm-jdbc's migration script " + path, e);
    }
  }

  static List<String> statements(String script) {
    List<String> out = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String line : script.split("\n", -1)) {
      String trimmed = line.strip();
      if (trimmed.startsWith("--") || trimmed.isEmpty()) {
        continue;
      }
      current.append(line).append('\n');
      if (trimmed.endsWith(";")) {
        String st = current.toString().strip();
        out.add(st.substring(0, st.length() - 1));
        current.setLength(0);
      }
    }
    if (!current.toString().isBlank()) {
      out.add(current.toString().strip());
    }
    return out;
  }

  private static String description(String script) {
    String first = script.lines().findFirst().orElse("").strip();
    String d = first.startsWith("--") ? first.substring(2).strip() : "";
    return d.length() > 200 ? d.substring(0, 200) : d;
  }
}
