package io.mmsdk.jdbc;

import io.mmsdk.blastdial.AudioPromptMode;
import io.mmsdk.blastdial.BlastDialConfig;
import io.mmsdk.blastdial.BlastDialException;
import io.mmsdk.blastdial.BlastDialStore;
import io.mmsdk.blastdial.BlastStatus;
import io.mmsdk.blastdial.Contact;
import io.mmsdk.blastdial.ContactState;
import io.mmsdk.blastdial.ContactStatus;
import io.mmsdk.blastdial.MonitoringRole;
import io.mmsdk.blastdial.MonitoringSettings;
import io.mmsdk.blastdial.SpaceKey;
import io.mmsdk.blastdial.SpaceSetup;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link BlastDialStore} on a {@link JdbcDatabase}, per scope (one SDK instance: each Meeting
 * Management instance has its own role and settings, seed 001): the monitoring role, one row per
 * space with its contacts in order, one row per dial in progress with its contacts' states. Every
 * save replaces its rows in one transaction, so a reader sees one whole save. A row that cannot be
 * decoded fails the read of its space or of the runs with a {@link BlastDialException}; other spaces
 * still read.
 */
final class JdbcBlastDialStore implements BlastDialStore {
  static final String STORE = "blastdial";
  static final int VERSION = 1;

  private final JdbcDatabase db;
  private final String scope;
  private volatile boolean closed;

  private JdbcBlastDialStore(JdbcDatabase db, String scope) {
    this.db = db;
    this.scope = scope;
  }

  static JdbcBlastDialStore open(JdbcDatabase db, String scope) {
    Objects.requireNonNull(db, "database == null");
    Objects.requireNonNull(scope, "scope == null");
    if (scope.isBlank() || scope.length() > 200) {
      throw new IllegalArgumentException("scope must be 1 to 200 characters, e.g. the instance name; got '" + scope + "'");
    }
    db.migrate(STORE, VERSION);
    return new JdbcBlastDialStore(db, scope);
  }

  @Override
  public MonitoringSettings monitoring() {
    ensureOpen();
    return read("the monitoring settings", c -> {
      try (PreparedStatement p = c.prepareStatement(
          "SELECT role, secondary_delay FROM mm_blastdial_monitoring WHERE scope = ?")) {
        p.setString(1, scope);
        try (ResultSet rs = p.executeQuery()) {
          if (!rs.next()) {
            return MonitoringSettings.primary();
          }
          String role = rs.getString(1);
          String delay = rs.getString(2);
          return decode("the monitoring settings", () -> new MonitoringSettings(MonitoringRole.valueOf(role), Duration.parse(delay)));
        }
      }
    });
  }

  @Override
  public void saveMonitoring(MonitoringSettings settings) {
    Objects.requireNonNull(settings, "settings == null");
    ensureOpen();
    write("save the monitoring settings", c -> {
      try (PreparedStatement p = c.prepareStatement(
          "INSERT INTO mm_blastdial_monitoring (scope, role, secondary_delay) VALUES (?, ?, ?)"
              + " ON CONFLICT (scope) DO UPDATE SET role = excluded.role, secondary_delay = excluded.secondary_delay")) {
        p.setString(1, scope);
        p.setString(2, settings.role().name());
        p.setString(3, settings.secondaryDelay().toString());
        p.executeUpdate();
      }
    });
  }

  @Override
  public Optional<SpaceSetup> findSpace(SpaceKey space) {
    Objects.requireNonNull(space, "space == null");
    ensureOpen();
    String what = "the blast dial setup of space " + space.spaceId() + " on cluster " + space.clusterId();
    return read(what, c -> {
      String enabled;
      String retries;
      String retryDelay;
      String audioPrompt;
      try (PreparedStatement p = c.prepareStatement("SELECT enabled, retries, retry_delay, audio_prompt"
          + " FROM mm_blastdial_space WHERE scope = ? AND cluster_id = ? AND space_id = ?")) {
        bind(p, space.clusterId(), space.spaceId());
        try (ResultSet rs = p.executeQuery()) {
          if (!rs.next()) {
            return Optional.<SpaceSetup>empty();
          }
          enabled = rs.getString(1);
          retries = rs.getString(2);
          retryDelay = rs.getString(3);
          audioPrompt = rs.getString(4);
        }
      }
      List<Contact> contacts = new ArrayList<>();
      try (PreparedStatement p = c.prepareStatement("SELECT contact_id, name, address, prompt_required"
          + " FROM mm_blastdial_contact WHERE scope = ? AND cluster_id = ? AND space_id = ? ORDER BY position")) {
        bind(p, space.clusterId(), space.spaceId());
        try (ResultSet rs = p.executeQuery()) {
          while (rs.next()) {
            contacts.add(new Contact(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4) != 0));
          }
        }
      }
      return Optional.of(decode(what, () -> new SpaceSetup(space, BlastDialConfig.builder()
          .enabled(Integer.parseInt(enabled) != 0).retries(Integer.parseInt(retries))
          .retryDelay(Duration.parse(retryDelay)).audioPrompt(AudioPromptMode.valueOf(audioPrompt)).build(),
          contacts)));
    });
  }

  @Override
  public void saveSpace(SpaceSetup setup) {
    Objects.requireNonNull(setup, "setup == null");
    ensureOpen();
    SpaceKey space = setup.space();
    write("save the blast dial setup of space " + space.spaceId(), c -> {
      BlastDialConfig config = setup.config();
      // The upsert locks the space's row first, so concurrent saves of one space queue up here.
      try (PreparedStatement p = c.prepareStatement("INSERT INTO mm_blastdial_space (scope, cluster_id,"
          + " space_id, enabled, retries, retry_delay, audio_prompt) VALUES (?, ?, ?, ?, ?, ?, ?)"
          + " ON CONFLICT (scope, cluster_id, space_id) DO UPDATE SET enabled = excluded.enabled,"
          + " retries = excluded.retries, retry_delay = excluded.retry_delay, audio_prompt = excluded.audio_prompt")) {
        bind(p, space.clusterId(), space.spaceId());
        p.setInt(4, config.isEnabled() ? 1 : 0);
        p.setInt(5, config.retries());
        p.setString(6, config.retryDelay().toString());
        p.setString(7, config.audioPrompt().name());
        p.executeUpdate();
      }
      delete(c, "DELETE FROM mm_blastdial_contact WHERE scope = ? AND cluster_id = ? AND space_id = ?", space.clusterId(), space.spaceId());
      try (PreparedStatement p = c.prepareStatement("INSERT INTO mm_blastdial_contact (scope, cluster_id,"
          + " space_id, position, contact_id, name, address, prompt_required) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
        int position = 0;
        for (Contact contact : setup.contacts()) {
          bind(p, space.clusterId(), space.spaceId());
          p.setInt(4, position++);
          p.setString(5, contact.id());
          p.setString(6, contact.name());
          p.setString(7, contact.address());
          p.setInt(8, contact.promptRequired() ? 1 : 0);
          p.executeUpdate();
        }
      }
    });
  }

  @Override
  public void saveRun(BlastStatus run) {
    Objects.requireNonNull(run, "run == null");
    ensureOpen();
    String cluster = run.space().clusterId();
    write("save the blast dial of call " + run.callId(), c -> {
      try (PreparedStatement p = c.prepareStatement("INSERT INTO mm_blastdial_run (scope, cluster_id,"
          + " call_id, space_id, started_at, phase) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (scope,"
          + " cluster_id, call_id) DO UPDATE SET space_id = excluded.space_id,"
          + " started_at = excluded.started_at, phase = excluded.phase")) {
        bind(p, cluster, run.callId());
        p.setString(4, run.space().spaceId());
        p.setString(5, run.startedAt().toString());
        p.setString(6, run.phase().name());
        p.executeUpdate();
      }
      delete(c, "DELETE FROM mm_blastdial_run_contact WHERE scope = ? AND cluster_id = ? AND call_id = ?", cluster, run.callId());
      try (PreparedStatement p = c.prepareStatement("INSERT INTO mm_blastdial_run_contact (scope,"
          + " cluster_id, call_id, position, contact_id, name, address, prompt_required, state, attempts,"
          + " next_retry_at, call_leg_id, last_result) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
        int position = 0;
        for (ContactStatus s : run.contacts()) {
          bind(p, cluster, run.callId());
          p.setInt(4, position++);
          p.setString(5, s.contact().id());
          p.setString(6, s.contact().name());
          p.setString(7, s.contact().address());
          p.setInt(8, s.contact().promptRequired() ? 1 : 0);
          p.setString(9, s.state().name());
          p.setInt(10, s.attempts());
          p.setString(11, s.nextRetryAt() == null ? null : s.nextRetryAt().toString());
          p.setString(12, s.callLegId());
          p.setString(13, s.lastResult());
          p.executeUpdate();
        }
      }
    });
  }

  @Override
  public void deleteRun(String clusterId, String callId) {
    Objects.requireNonNull(clusterId, "clusterId == null");
    Objects.requireNonNull(callId, "callId == null");
    ensureOpen();
    write("forget the blast dial of call " + callId, c -> deleteRun(c, clusterId, callId));
  }

  private void deleteRun(Connection c, String cluster, String callId) throws SQLException {
    delete(c, "DELETE FROM mm_blastdial_run WHERE scope = ? AND cluster_id = ? AND call_id = ?", cluster, callId);
    delete(c, "DELETE FROM mm_blastdial_run_contact WHERE scope = ? AND cluster_id = ? AND call_id = ?", cluster, callId);
  }

  @Override
  public List<BlastStatus> runs() {
    ensureOpen();
    return read("the blast dials in progress", c -> {
      List<String[]> heads = new ArrayList<>();
      try (PreparedStatement p = c.prepareStatement("SELECT cluster_id, call_id, space_id, started_at, phase"
          + " FROM mm_blastdial_run WHERE scope = ?")) {
        p.setString(1, scope);
        try (ResultSet rs = p.executeQuery()) {
          while (rs.next()) {
            heads.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)});
          }
        }
      }
      List<BlastStatus> out = new ArrayList<>();
      for (String[] h : heads) {
        List<ContactStatus> contacts = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement("SELECT contact_id, name, address, prompt_required,"
            + " state, attempts, next_retry_at, call_leg_id, last_result FROM mm_blastdial_run_contact"
            + " WHERE scope = ? AND cluster_id = ? AND call_id = ? ORDER BY position")) {
          bind(p, h[0], h[1]);
          try (ResultSet rs = p.executeQuery()) {
            while (rs.next()) {
              Contact contact = new Contact(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4) != 0);
              String state = rs.getString(5);
              int attempts = rs.getInt(6);
              String next = rs.getString(7);
              String leg = rs.getString(8);
              String result = rs.getString(9);
              contacts.add(decode("the blast dial of call " + h[1], () -> new ContactStatus(contact,
                  ContactState.valueOf(state), attempts, next == null ? null : Instant.parse(next), leg, result)));
            }
          }
        }
        out.add(decode("the blast dial of call " + h[1], () -> new BlastStatus(SpaceKey.of(h[0], h[2]), h[1],
            Instant.parse(h[3]), BlastStatus.Phase.valueOf(h[4]), contacts)));
      }
      out.sort(java.util.Comparator.comparing(BlastStatus::startedAt));
      return List.copyOf(out);
    });
  }

  private void bind(PreparedStatement p, String cluster, String second) throws SQLException {
    p.setString(1, scope);
    p.setString(2, cluster);
    p.setString(3, second);
  }

  private void delete(Connection c, String sql, String... keys) throws SQLException {
    try (PreparedStatement p = c.prepareStatement(sql)) {
      p.setString(1, scope);
      for (int i = 0; i < keys.length; i++) {
        p.setString(i + 2, keys[i]);
      }
      p.executeUpdate();
    }
  }

  private <T> T decode(String what, java.util.function.Supplier<T> reader) {
    try {
      return reader.get();
    } catch (RuntimeException e) {
      throw new BlastDialException("The rows of " + what + " (scope " + scope + ") in " + db
          + " have missing or malformed values (" + e.getMessage() + "); restore it from a backup or"
          + " save it again", e);
    }
  }

  private <T> T read(String what, JdbcDatabase.SqlWork<T> work) {
    try {
      return db.withConnection(work);
    } catch (SQLException e) {
      throw new BlastDialException("Cannot read " + what + " (scope " + scope + ") from " + db + ": "
          + e.getMessage() + "; check that the database is reachable", e);
    }
  }

  private void write(String what, JdbcDatabase.SqlChange change) {
    db.inTransaction(change, e -> new BlastDialException("Cannot " + what + " (scope " + scope + ") in " + db + ": "
          + e.getMessage() + "; nothing was changed, retry", e));
  }

  @Override
  public void close() {
    closed = true;
  }

  private void ensureOpen() {
    if (closed) {
      throw new IllegalStateException("The blast dial store (scope " + scope + ") in " + db + " is closed; open a new one.");
    }
  }
}
