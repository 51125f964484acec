package io.mmsdk.jdbc;

import io.mmsdk.common.store.DamagedRecord;
import io.mmsdk.admin.audit.AuditEvent;
import io.mmsdk.admin.audit.AuditException;
import io.mmsdk.admin.audit.AuditStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link AuditStore} on a {@link JdbcDatabase}: table {@code mm_audit_event}, one row per event,
 * keyed by its sequence (so two writers can never store two events under one number). A row that
 * cannot be decoded (a time out of range, a sequence below 1) is reported by {@link
 * #damagedRecords()} after the {@link #load} that met it and skipped; the rows after it are kept.
 */
final class JdbcAuditStore implements AuditStore {
  private static final Logger log = LoggerFactory.getLogger(JdbcAuditStore.class);
  static final String STORE = "audit";
  static final int VERSION = 1;
  private static final String COLUMNS = "sequence, at_epoch_second, at_nano, actor, action, target, detail";

  private final JdbcDatabase db;
  private volatile List<DamagedRecord> damaged = List.of();
  private volatile boolean closed;

  private JdbcAuditStore(JdbcDatabase db) {
    this.db = db;
  }

  static JdbcAuditStore open(JdbcDatabase db) {
    Objects.requireNonNull(db, "database == null");
    db.migrate(STORE, VERSION);
    return new JdbcAuditStore(db);
  }

  @Override
  public List<AuditEvent> load() {
    ensureOpen();
    List<AuditEvent> out = new ArrayList<>();
    List<DamagedRecord> bad = new ArrayList<>();
    try {
      db.withConnection(c -> {
        try (Statement s = c.createStatement();
            ResultSet rs = s.executeQuery("SELECT " + COLUMNS + " FROM mm_audit_event ORDER BY sequence")) {
          long row = 0;
          while (rs.next()) {
            long sequence = rs.getLong(1);
            try {
              long nano = rs.getLong(3);
              if (nano < 0 || nano > 999_999_999) {
                throw new IllegalArgumentException("nanosecond of the time out of range: " + nano);
              }
              out.add(new AuditEvent(sequence, Instant.ofEpochSecond(rs.getLong(2), nano),
                  rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7)));
            } catch (RuntimeException e) {
              bad.add(DamagedRows.report(log, db, "mm_audit_event", row, "sequence " + sequence, e.getMessage()));
            }
            row++;
          }
        }
        return null;
      });
    } catch (SQLException e) {
      throw new AuditException("Cannot read the audit trail from " + db + ": " + e.getMessage(), e);
    }
    damaged = List.copyOf(bad);
    return List.copyOf(out);
  }

  @Override
  public void append(AuditEvent event) {
    Objects.requireNonNull(event, "event == null");
    ensureOpen();
    try {
      db.inTransaction(c -> {
        insert(c, List.of(event));
        return null;
      });
    } catch (SQLException e) {
      throw new AuditException("Cannot append audit event " + event.sequence() + " to " + db + ": "
          + e.getMessage() + " (another writer may hold this sequence number); it was not stored", e);
    }
  }

  @Override
  public void replaceAll(List<AuditEvent> events) {
    List<AuditEvent> all = List.copyOf(Objects.requireNonNull(events, "events == null"));
    ensureOpen();
    try {
      db.inTransaction(c -> {
        try (Statement s = c.createStatement()) {
          s.executeUpdate("DELETE FROM mm_audit_event");
        }
        insert(c, all);
        return null;
      });
    } catch (SQLException e) {
      throw new AuditException("Cannot replace the audit trail in " + db + ": " + e.getMessage()
          + "; the previous trail is kept", e);
    }
    damaged = List.of();
  }

  private static void insert(Connection c, List<AuditEvent> events) throws SQLException {
    try (PreparedStatement p = c.prepareStatement(
        "INSERT INTO mm_audit_event (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)")) {
      for (AuditEvent e : events) {
        p.setLong(1, e.sequence());
        p.setLong(2, e.at().getEpochSecond());
        p.setInt(3, e.at().getNano());
        p.setString(4, e.actor());
        p.setString(5, e.action());
        p.setString(6, e.target());
        p.setString(7, e.detail());
        p.executeUpdate();
      }
    }
  }

  @Override
  public List<DamagedRecord> damagedRecords() {
    return damaged;
  }

  @Override
  public void close() {
    closed = true;
  }

  private void ensureOpen() {
    if (closed) {
      throw new IllegalStateException("The audit store in " + db + " is closed; open a new one.");
    }
  }
}
