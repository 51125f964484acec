package io.mmsdk.jdbc;

import io.mmsdk.common.store.DamagedRecord;
import io.mmsdk.licensing.LicenseStoreException;
import io.mmsdk.licensing.UsageSample;
import io.mmsdk.licensing.UsageStore;
import io.mmsdk.licensing.UsageValues;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link UsageStore} on a {@link JdbcDatabase}: table {@code mm_usage_sample}, one row per host and
 * time; the primary key decides duplicates, so several processes may append at once and each sample
 * is stored once. A row whose time or values are out of range is damage: reported by {@link
 * #damagedRecords()} (scanned on open), skipped by every query and left in place.
 */
final class JdbcUsageStore implements UsageStore {
  private static final Logger log = LoggerFactory.getLogger(JdbcUsageStore.class);
  static final String STORE = "usage";
  static final int VERSION = 1;
  private static final int MAX_HOST_BYTES = 1024;
  private static final String COLUMNS = "host_id, epoch_second, nano, pmp, smp_audio_only,"
      + " smp_point_to_point, smp_full, recording, streaming";
  /** The rows every query reads; the others are damaged. */
  private static final String VALID = "(nano >= 0 AND nano < 1000000000 AND pmp >= 0"
      + " AND smp_audio_only >= 0 AND smp_point_to_point >= 0 AND smp_full >= 0"
      + " AND recording >= 0 AND streaming >= 0 AND host_id <> '')";

  private final JdbcDatabase db;
  private final List<DamagedRecord> damaged;
  private volatile boolean closed;

  private JdbcUsageStore(JdbcDatabase db, List<DamagedRecord> damaged) {
    this.db = db;
    this.damaged = damaged;
  }

  static JdbcUsageStore open(JdbcDatabase db) {
    Objects.requireNonNull(db, "database == null");
    db.migrate(STORE, VERSION);
    List<DamagedRecord> damaged = new ArrayList<>();
    try {
      db.withConnection(c -> {
        try (PreparedStatement p = c.prepareStatement("SELECT host_id, epoch_second, nano FROM"
            + " mm_usage_sample WHERE NOT " + VALID + " ORDER BY host_id, epoch_second, nano");
            ResultSet rs = p.executeQuery()) {
          long i = 0;
          while (rs.next()) {
            damaged.add(DamagedRows.report(log, db, "mm_usage_sample", i++,
                "host " + rs.getString(1) + " at second " + rs.getLong(2),
                "a time or usage value is out of range (nano " + rs.getLong(3) + ")"));
          }
        }
        return null;
      });
    } catch (SQLException e) {
      throw failure("Cannot read the usage samples in " + db, e);
    }
    return new JdbcUsageStore(db, List.copyOf(damaged));
  }

  @Override
  public int append(Collection<UsageSample> samples) {
    Objects.requireNonNull(samples, "samples == null");
    List<UsageSample> batch = List.copyOf(samples); // rejects null elements
    for (UsageSample s : batch) {
      if (s.hostId().getBytes(StandardCharsets.UTF_8).length > MAX_HOST_BYTES) {
        throw new IllegalArgumentException("hostId is longer than " + MAX_HOST_BYTES + " bytes: "
            + s.hostId().substring(0, 40) + "...");
      }
    }
    ensureOpen();
    if (batch.isEmpty()) {
      return 0;
    }
    try {
      return db.inTransaction(c -> {
        int added = 0;
        try (PreparedStatement p = c.prepareStatement("INSERT INTO mm_usage_sample (" + COLUMNS
            + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
          for (UsageSample s : batch) {
            UsageValues v = s.values();
            p.setString(1, s.hostId());
            p.setLong(2, s.time().getEpochSecond());
            p.setInt(3, s.time().getNano());
            p.setDouble(4, v.pmp());
            p.setDouble(5, v.smpAudioOnly());
            p.setDouble(6, v.smpPointToPoint());
            p.setDouble(7, v.smpFull());
            p.setDouble(8, v.recording());
            p.setDouble(9, v.streaming());
            added += p.executeUpdate();
          }
        }
        return added;
      });
    } catch (SQLException e) {
      throw failure("Cannot write " + batch.size() + " usage samples to " + db
          + "; nothing of this batch was stored, retry", e);
    }
  }

  @Override
  public List<UsageSample> samples(Instant from, Instant to) {
    Objects.requireNonNull(from, "from == null");
    Objects.requireNonNull(to, "to == null");
    ensureOpen();
    try {
      return db.withConnection(c -> {
        try (PreparedStatement p = c.prepareStatement("SELECT " + COLUMNS + " FROM mm_usage_sample"
            + " WHERE " + VALID + " AND (epoch_second > ? OR (epoch_second = ? AND nano >= ?))"
            + " AND (epoch_second < ? OR (epoch_second = ? AND nano < ?))"
            + " ORDER BY epoch_second, nano, host_id")) {
          p.setLong(1, from.getEpochSecond());
          p.setLong(2, from.getEpochSecond());
          p.setInt(3, from.getNano());
          p.setLong(4, to.getEpochSecond());
          p.setLong(5, to.getEpochSecond());
          p.setInt(6, to.getNano());
          List<UsageSample> out = new ArrayList<>();
          try (ResultSet rs = p.executeQuery()) {
            while (rs.next()) {
              out.add(new UsageSample(rs.getString(1), Instant.ofEpochSecond(rs.getLong(2), rs.getInt(3)),
                  new UsageValues(rs.getDouble(4), rs.getDouble(5), rs.getDouble(6), rs.getDouble(7),
                      rs.getDouble(8), rs.getDouble(9))));
            }
          }
          return List.copyOf(out);
        }
      });
    } catch (SQLException e) {
      throw failure("Cannot read usage samples from " + db, e);
    }
  }

  @Override
  public Optional<Instant> findLatest(String hostId) {
    Objects.requireNonNull(hostId, "hostId == null");
    ensureOpen();
    try {
      return db.withConnection(c -> {
        try (PreparedStatement p = c.prepareStatement("SELECT epoch_second, nano FROM"
            + " mm_usage_sample WHERE host_id = ? AND " + VALID
            + " ORDER BY epoch_second DESC, nano DESC LIMIT 1")) {
          p.setString(1, hostId);
          try (ResultSet rs = p.executeQuery()) {
            return rs.next() ? Optional.of(Instant.ofEpochSecond(rs.getLong(1), rs.getInt(2)))
                : Optional.<Instant>empty();
          }
        }
      });
    } catch (SQLException e) {
      throw failure("Cannot read usage samples from " + db, e);
    }
  }

  @Override
  public int prune(Instant before) {
    Objects.requireNonNull(before, "before == null");
    ensureOpen();
    try {
      return db.inTransaction(c -> {
        try (PreparedStatement p = c.prepareStatement("DELETE FROM mm_usage_sample WHERE"
            + " epoch_second < ? OR (epoch_second = ? AND nano < ?)")) {
          p.setLong(1, before.getEpochSecond());
          p.setLong(2, before.getEpochSecond());
          p.setInt(3, before.getNano());
          return p.executeUpdate();
        }
      });
    } catch (SQLException e) {
      throw failure("Cannot prune the usage samples in " + db + "; nothing was removed, retry", e);
    }
  }

  @Override
  public int size() {
    ensureOpen();
    try {
      return db.withConnection(c -> {
        try (PreparedStatement p = c.prepareStatement("SELECT COUNT(*) FROM mm_usage_sample WHERE " + VALID);
            ResultSet rs = p.executeQuery()) {
          rs.next();
          return rs.getInt(1);
        }
      });
    } catch (SQLException e) {
      throw failure("Cannot count the usage samples in " + db, e);
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
      throw new IllegalStateException("The usage store in " + db + " is closed; open a new one.");
    }
  }

  private static LicenseStoreException failure(String what, SQLException e) {
    return new LicenseStoreException(what + ": " + e.getMessage(), e);
  }
}
