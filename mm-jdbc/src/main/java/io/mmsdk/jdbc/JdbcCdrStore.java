package io.mmsdk.jdbc;

import static java.util.Objects.requireNonNull;

import io.mmsdk.cdr.CdrOrigin;
import io.mmsdk.cdr.CdrParseException;
import io.mmsdk.cdr.CdrParser;
import io.mmsdk.cdr.CdrRecord;
import io.mmsdk.cdr.CdrStore;
import io.mmsdk.cdr.CdrStoreException;
import io.mmsdk.cdr.ReceivedBatch;
import io.mmsdk.common.time.Scheduler;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link CdrStore} in a database: each batch as received (raw XML, origin, receive time) in {@code
 * cdr_batch}, and one row per record in {@code cdr_record}, keyed by (session, {@code
 * correlatorIndex}). {@link #append} stores a batch and its records in one transaction committed
 * before it returns (on SQLite with a full fsync), and returns the records whose key it inserted:
 * when several receivers share the database (PostgreSQL, or SQLite on one host), the database's
 * uniqueness decides which of them stored, and so delivers, each record. A batch none of whose
 * records is new is not stored.
 *
 * <p>Replay reads batches oldest first, a page at a time, without holding a connection while the
 * consumer runs. A stored batch whose XML no longer parses is reported in the log and skipped.
 * Batches and record keys older than the retention period (default 8 days) are deleted hourly.
 * Thread-safe; {@link #close()} stops the purge and leaves the {@link JdbcDatabase} open.
 */
public final class JdbcCdrStore implements CdrStore {
  private static final Logger log = LoggerFactory.getLogger(JdbcCdrStore.class);
  /** This store's migration sequence and the newest version this code knows. */
  static final String STORE = "cdr";
  static final int SCHEMA_VERSION = 1;
  private static final int REPLAY_PAGE = 256;

  private final JdbcDatabase db;
  private final Scheduler scheduler;
  private final Duration retention;
  private final CdrParser parser;
  private final Scheduler.Cancellable purgeTask;
  private volatile boolean closed;

  private JdbcCdrStore(Builder b) {
    this.db = b.db;
    this.scheduler = b.scheduler;
    this.retention = b.retention;
    this.parser = b.parser;
    db.migrate(STORE, SCHEMA_VERSION);
    purge();
    this.purgeTask = scheduler.scheduleRepeating(Duration.ofHours(1), Duration.ofHours(1),
        this::purgeLogged);
  }

  /**
   * Opens the CDR tables in {@code db} with default settings, creating or migrating them.
   *
   * @param db the database
   * @return the store
   * @throws SchemaTooNewException if a newer mm-sdk migrated the tables
   * @throws JdbcStoreException if the tables cannot be created or migrated
   */
  public static JdbcCdrStore create(JdbcDatabase db) {
    return builder(db).build();
  }

  /**
   * {@return a builder for the CDR tables in {@code db}}
   *
   * @param db the database
   */
  public static Builder builder(JdbcDatabase db) {
    return new Builder(requireNonNull(db, "db == null"));
  }

  /**
   * {@inheritDoc}
   *
   * <p>Returns the records whose key this call inserted, in document order; a record another
   * receiver (or an earlier call) stored is left out.
   */
  @Override
  public List<CdrRecord> append(ReceivedBatch batch) {
    requireNonNull(batch, "batch == null");
    ensureOpen();
    // Keys go in ascending order, so two appenders inserting overlapping keys wait for each other
    // instead of deadlocking; a repeated key within the batch counts once.
    TreeMap<Long, CdrRecord> byKey = new TreeMap<>();
    for (CdrRecord r : batch.batch().records()) {
      byKey.putIfAbsent(r.header().correlatorIndex(), r);
    }
    try {
      Set<Long> inserted = new HashSet<>(db.inTransaction(c -> insert(c, batch, byKey)));
      List<CdrRecord> claimed = new ArrayList<>(inserted.size());
      for (CdrRecord r : batch.batch().records()) {
        if (inserted.remove(r.header().correlatorIndex())) {
          claimed.add(r);
        }
      }
      return claimed;
    } catch (SQLException e) {
      throw new CdrStoreException("cannot store a CDR batch of session " + batch.batch().session()
          + " in " + db + " (" + e.getMessage() + "); it is not acknowledged, so the Call Bridge"
          + " sends it again: check the database", e);
    }
  }

  private static List<Long> insert(Connection c, ReceivedBatch b, TreeMap<Long, CdrRecord> byKey)
      throws SQLException {
    String session = b.batch().session();
    long batchId;
    try (PreparedStatement p = c.prepareStatement("INSERT INTO cdr_batch"
        + " (session, cluster_id, origin_tags, received_s, received_ns, body)"
        + " VALUES (?, ?, ?, ?, ?, ?) RETURNING id")) {
      p.setString(1, session);
      p.setString(2, b.origin().clusterId());
      p.setString(3, encodeTags(b.origin().tags()));
      p.setLong(4, b.receivedAt().getEpochSecond());
      p.setInt(5, b.receivedAt().getNano());
      p.setBytes(6, b.body());
      try (ResultSet rs = p.executeQuery()) {
        rs.next();
        batchId = rs.getLong(1);
      }
    }
    List<Long> keys = new ArrayList<>(byKey.keySet());
    List<Long> inserted = new ArrayList<>(keys.size());
    try (PreparedStatement p = c.prepareStatement("INSERT INTO cdr_record"
        + " (session, correlator_index, batch_id, received_s) VALUES (?, ?, ?, ?)"
        + " ON CONFLICT DO NOTHING")) {
      for (Long k : keys) {
        p.setString(1, session);
        p.setLong(2, k);
        p.setLong(3, batchId);
        p.setLong(4, b.receivedAt().getEpochSecond());
        p.addBatch();
      }
      int[] counts = p.executeBatch();
      for (int i = 0; i < counts.length; i++) {
        if (counts[i] > 0) {
          inserted.add(keys.get(i));
        }
      }
    }
    if (inserted.isEmpty()) {
      try (PreparedStatement p = c.prepareStatement("DELETE FROM cdr_batch WHERE id = ?")) {
        p.setLong(1, batchId);
        p.executeUpdate();
      }
    }
    return inserted;
  }

  @Override
  public void replay(Consumer<ReceivedBatch> consumer) {
    requireNonNull(consumer, "consumer == null");
    ensureOpen();
    long after = 0;
    while (true) {
      List<Row> page = page(after);
      for (Row row : page) {
        ReceivedBatch rb = decode(row);
        if (rb != null) {
          consumer.accept(rb);
        }
      }
      if (page.size() < REPLAY_PAGE) {
        return;
      }
      after = page.get(page.size() - 1).id;
    }
  }

  private List<Row> page(long after) {
    try {
      return db.withConnection(c -> {
        try (PreparedStatement p = c.prepareStatement("SELECT id, cluster_id, origin_tags,"
            + " received_s, received_ns, body FROM cdr_batch WHERE id > ? ORDER BY id LIMIT "
            + REPLAY_PAGE)) {
          p.setLong(1, after);
          List<Row> rows = new ArrayList<>(REPLAY_PAGE);
          try (ResultSet rs = p.executeQuery()) {
            while (rs.next()) {
              rows.add(new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                  rs.getInt(5), rs.getBytes(6)));
            }
          }
          return rows;
        }
      });
    } catch (SQLException e) {
      throw new CdrStoreException("cannot read the CDR batches in " + db + " (" + e.getMessage()
          + "): check the database", e);
    }
  }

  private ReceivedBatch decode(Row row) {
    try {
      return ReceivedBatch.of(new CdrOrigin(row.clusterId, decodeTags(row.tags)),
          Instant.ofEpochSecond(row.receivedS, row.receivedNs), row.body, parser.parse(row.body));
    } catch (CdrParseException | IllegalArgumentException e) {
      log.warn("CDR store {}: skipping stored batch {}, which no longer parses: {}", db, row.id,
          e.getMessage());
      return null;
    }
  }

  /** Deletes batches and record keys older than the retention period. */
  public void purge() {
    ensureOpen();
    long cutoff = scheduler.now().minus(retention).getEpochSecond();
    try {
      db.inTransaction(c -> {
        for (String table : List.of("cdr_record", "cdr_batch")) {
          try (PreparedStatement p = c.prepareStatement(
              "DELETE FROM " + table + " WHERE received_s < ?")) {
            p.setLong(1, cutoff);
            p.executeUpdate();
          }
        }
        return null;
      });
    } catch (SQLException e) {
      throw new CdrStoreException("cannot delete CDR batches older than " + retention + " from "
          + db + " (" + e.getMessage() + ")", e);
    }
  }

  private void purgeLogged() {
    try {
      purge();
    } catch (RuntimeException e) {
      log.warn("CDR store {}: retention purge failed; it runs again in an hour", db, e);
    }
  }

  private void ensureOpen() {
    if (closed) {
      throw new IllegalStateException("CDR store in " + db + " is closed");
    }
  }

  /** Stops the retention purge; the database stays open for its other users. */
  @Override
  public void close() {
    closed = true;
    purgeTask.cancel();
  }

  @Override
  public String toString() {
    return "JdbcCdrStore[" + db + "]";
  }

  private static String encodeTags(Map<String, String> tags) {
    StringBuilder sb = new StringBuilder();
    for (Map.Entry<String, String> t : tags.entrySet()) {
      if (sb.length() > 0) {
        sb.append('&');
      }
      sb.append(URLEncoder.encode(t.getKey(), StandardCharsets.UTF_8)).append('=')
          .append(URLEncoder.encode(t.getValue(), StandardCharsets.UTF_8));
    }
    return sb.toString();
  }

  private static Map<String, String> decodeTags(String encoded) {
    Map<String, String> tags = new LinkedHashMap<>();
    if (encoded.isEmpty()) {
      return tags;
    }
    for (String pair : encoded.split("&", -1)) {
      int eq = pair.indexOf('=');
      if (eq < 0) {
        throw new IllegalArgumentException("damaged origin tags: " + encoded);
      }
      tags.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
          URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return tags;
  }

  private record Row(long id, String clusterId, String tags, long receivedS, int receivedNs,
      byte[] body) {}

  /** Builds a {@link JdbcCdrStore}. */
  public static final class Builder {
    private final JdbcDatabase db;
    private Scheduler scheduler = Scheduler.system();
    private Duration retention = Duration.ofDays(8);
    private CdrParser parser = CdrParser.create();

    private Builder(JdbcDatabase db) {
      this.db = db;
    }

    /**
     * Sets the clock and scheduler of the retention purge (default {@link Scheduler#system()}).
     *
     * @param scheduler the scheduler
     * @return this builder
     */
    public Builder scheduler(Scheduler scheduler) {
      this.scheduler = requireNonNull(scheduler, "scheduler == null");
      return this;
    }

    /**
     * Sets how long batches and their record keys are kept (default 8 days, a day more than the
     * meeting tracker's 7, so a restart can rebuild it). A record re-sent after its key was
     * deleted counts as new.
     *
     * @param retention positive
     * @return this builder
     * @throws IllegalArgumentException if {@code retention} is not positive
     */
    public Builder retention(Duration retention) {
      requireNonNull(retention, "retention == null");
      if (retention.isNegative() || retention.isZero()) {
        throw new IllegalArgumentException("retention must be positive: " + retention);
      }
      this.retention = retention;
      return this;
    }

    /**
     * Sets the parser replay uses (default {@link CdrParser#create()}).
     *
     * @param parser the parser
     * @return this builder
     */
    public Builder parser(CdrParser parser) {
      this.parser = requireNonNull(parser, "parser == null");
      return this;
    }

    /**
     * Opens the store, creating or migrating its tables.
     *
     * @return the store
     * @throws SchemaTooNewException if a newer mm-sdk migrated the tables
     * @throws JdbcStoreException if the tables cannot be created or migrated
     */
    public JdbcCdrStore build() {
      return new JdbcCdrStore(this);
    }
  }
}
