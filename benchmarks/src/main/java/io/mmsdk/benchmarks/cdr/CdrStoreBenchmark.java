package io.mmsdk.benchmarks.cdr;

import io.mmsdk.cdr.CdrOrigin;
import io.mmsdk.cdr.CdrParser;
import io.mmsdk.cdr.CdrRecord;
import io.mmsdk.cdr.CdrStore;
import io.mmsdk.cdr.ReceivedBatch;
import io.mmsdk.jdbc.JdbcCdrStore;
import io.mmsdk.jdbc.JdbcDatabase;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;

/**
 * CDR batch append with a durable commit, the cost a receiver pays before each acknowledgement:
 * the fsync'd file journal, {@link JdbcCdrStore} on SQLite (WAL, {@code synchronous=FULL}) and on
 * PostgreSQL (a local server started from Maven artifacts, {@code synchronous_commit=on}), and H2
 * embedded (plain JDBC on the same two tables; H2 does not force the disk at each commit, so it is
 * not at equal safety, and a second process cannot open its file). Each operation appends one new
 * 10-record batch; scores are records/s, with one appender and with four at once (the journal
 * shares forces between concurrent appenders, PostgreSQL commits them in parallel, SQLite queues
 * them behind one write lock).
 */
@State(Scope.Benchmark)
@OutputTimeUnit(TimeUnit.SECONDS)
@BenchmarkMode(Mode.Throughput)
public class CdrStoreBenchmark {
  static final int RECORDS = 10;

  @Param({"journal", "sqlite", "postgresql", "h2"})
  public String store;

  private Path dir;
  private EmbeddedPostgres postgres;
  private JdbcDatabase db;
  private BatchAppender cdr;
  private final CdrParser parser = CdrParser.create();
  private final AtomicLong next = new AtomicLong();
  private final String session = UUID.randomUUID().toString();

  /** Opens the store under test in a new directory (or a new local server). */
  @Setup(Level.Trial)
  public void setUp() throws IOException, SQLException {
    dir = Files.createTempDirectory("cdr-store-bench");
    switch (store) {
      case "journal" -> cdr = BatchAppender.of(CdrStore.file(dir));
      case "sqlite" -> {
        db = JdbcDatabase.sqlite(dir.resolve("mm-sdk.db"));
        cdr = BatchAppender.of(JdbcCdrStore.create(db));
      }
      case "postgresql" -> {
        postgres = EmbeddedPostgres.builder().setDataDirectory(dir.resolve("pg"))
            .setCleanDataDirectory(true)
            .setServerConfig("synchronous_commit", "on").setServerConfig("fsync", "on").start();
        db = JdbcDatabase.builder(postgres.getJdbcUrl("postgres", "postgres")).build();
        cdr = BatchAppender.of(JdbcCdrStore.create(db));
      }
      case "h2" -> cdr = new H2Store("jdbc:h2:file:" + dir.resolve("h2") + "/cdr");
      default -> throw new IllegalArgumentException(store);
    }
  }

  /** Closes the store and deletes its files. */
  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    cdr.close();
    if (db != null) {
      db.close();
    }
    if (postgres != null) {
      postgres.close();
    }
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  private ReceivedBatch nextBatch() {
    byte[] xml = CdrSamples.batch(session, next.getAndAdd(RECORDS), RECORDS);
    return ReceivedBatch.of(CdrOrigin.ofCluster("bench"), Instant.now(), xml, parser.parse(xml));
  }

  /**
   * Records per second, one appender.
   *
   * @return the records stored (consumed by JMH)
   */
  @Benchmark
  @OperationsPerInvocation(RECORDS)
  public List<CdrRecord> append() {
    return cdr.append(nextBatch());
  }

  /**
   * Records per second, four appenders at once.
   *
   * @return the records stored (consumed by JMH)
   */
  @Benchmark
  @Threads(4)
  @OperationsPerInvocation(RECORDS)
  public List<CdrRecord> append4Threads() {
    return cdr.append(nextBatch());
  }

  /** What the benchmark measures of a store: appending batches (replay is not timed). */
  interface BatchAppender extends AutoCloseable {
    List<CdrRecord> append(ReceivedBatch batch);

    @Override
    void close();

    static BatchAppender of(CdrStore store) {
      return new BatchAppender() {
        @Override
        public List<CdrRecord> append(ReceivedBatch batch) {
          return store.append(batch);
        }

        @Override
        public void close() {
          store.close();
        }
      };
    }
  }

  /**
   * H2 embedded with the same tables and statements, one connection per thread: only the append
   * path, for the comparison (H2 is not an mm-sdk store).
   */
  static final class H2Store implements BatchAppender {
    private final String url;
    private final List<Connection> connections = new ArrayList<>();
    private final ThreadLocal<Connection> connection;

    H2Store(String url) throws SQLException {
      this.url = url;
      try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
        s.execute("CREATE TABLE cdr_batch (id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,"
            + " session VARCHAR NOT NULL, cluster_id VARCHAR NOT NULL, origin_tags VARCHAR NOT NULL,"
            + " received_s BIGINT NOT NULL, received_ns INT NOT NULL, body VARBINARY NOT NULL)");
        s.execute("CREATE TABLE cdr_record (session VARCHAR NOT NULL, correlator_index BIGINT NOT NULL,"
            + " batch_id BIGINT NOT NULL, received_s BIGINT NOT NULL,"
            + " PRIMARY KEY (session, correlator_index))");
      }
      this.connection = ThreadLocal.withInitial(this::open);
    }

    private synchronized Connection open() {
      try {
        Connection c = DriverManager.getConnection(url);
        c.setAutoCommit(false);
        connections.add(c);
        return c;
      } catch (SQLException e) {
        throw new IllegalStateException(e);
      }
    }

    @Override
    public List<CdrRecord> append(ReceivedBatch b) {
      Connection c = connection.get();
      try {
        long id;
        try (PreparedStatement p = c.prepareStatement("INSERT INTO cdr_batch (session, cluster_id,"
            + " origin_tags, received_s, received_ns, body) VALUES (?, ?, ?, ?, ?, ?)",
            Statement.RETURN_GENERATED_KEYS)) {
          p.setString(1, b.batch().session());
          p.setString(2, b.origin().clusterId());
          p.setString(3, "cluster=" + b.origin().clusterId());
          p.setLong(4, b.receivedAt().getEpochSecond());
          p.setInt(5, b.receivedAt().getNano());
          p.setBytes(6, b.body());
          p.executeUpdate();
          try (ResultSet rs = p.getGeneratedKeys()) {
            rs.next();
            id = rs.getLong(1);
          }
        }
        List<CdrRecord> stored = new ArrayList<>();
        try (PreparedStatement p = c.prepareStatement("MERGE INTO cdr_record KEY (session,"
            + " correlator_index) VALUES (?, ?, ?, ?)")) {
          for (CdrRecord r : b.batch().records()) {
            p.setString(1, b.batch().session());
            p.setLong(2, r.header().correlatorIndex());
            p.setLong(3, id);
            p.setLong(4, b.receivedAt().getEpochSecond());
            p.addBatch();
            stored.add(r);
          }
          p.executeBatch();
        }
        c.commit();
        return stored;
      } catch (SQLException e) {
        throw new IllegalStateException(e);
      }
    }

    @Override
    public synchronized void close() {
      for (Connection c : connections) {
        try {
          c.close();
        } catch (SQLException ignored) {
          // closing at the end of the trial
        }
      }
    }
  }
}
