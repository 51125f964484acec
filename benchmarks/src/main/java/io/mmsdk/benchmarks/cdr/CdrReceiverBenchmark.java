package io.mmsdk.benchmarks.cdr;

import io.mmsdk.cdr.CdrHandler;
import io.mmsdk.cdr.CdrHttpServer;
import io.mmsdk.cdr.CdrPipeline;
import io.mmsdk.cdr.CdrStore;
import io.mmsdk.jdbc.JdbcCdrStore;
import io.mmsdk.jdbc.JdbcDatabase;
import io.mmsdk.meetings.MeetingTracker;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
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

/**
 * The receiver end to end over loopback HTTP: a Call Bridge-like client POSTs 100-record batches
 * on a keep-alive connection and waits for each 200; the server parses, de-duplicates, stores
 * (fsync'd journal, the embedded SQLite database, or nothing) and feeds a meeting tracker before
 * answering. Throughput scores are
 * records/s; sample-time scores give the ack latency percentiles per batch.
 */
@State(Scope.Benchmark)
@OutputTimeUnit(TimeUnit.SECONDS)
public class CdrReceiverBenchmark {
  static final int RECORDS = 100;

  @Param({"journal", "sqlite", "none"})
  public String store;

  private Path dir;
  private JdbcDatabase database;
  private CdrPipeline pipeline;
  private MeetingTracker tracker;
  private CdrHttpServer server;
  private BridgeConnection client;
  private String session;
  private long next;

  /** Starts the receiver. */
  @Setup(Level.Trial)
  public void setUp() throws IOException {
    dir = Files.createTempDirectory("cdr-bench");
    tracker = MeetingTracker.builder().build();
    CdrStore cdrStore = switch (store) {
      case "journal" -> CdrStore.file(dir);
      case "sqlite" -> {
        database = JdbcDatabase.sqlite(dir.resolve("mm-sdk.db"));
        yield JdbcCdrStore.create(database);
      }
      default -> CdrStore.none();
    };
    pipeline = CdrPipeline.builder().store(cdrStore).addListener(tracker).build();
    server = CdrHttpServer.builder().handler(CdrHandler.builder().sink(pipeline).build()).start();
    client = new BridgeConnection(URI.create(server.uri() + "?cluster=bench"), new AtomicLong());
    session = UUID.randomUUID().toString();
  }

  /** Stops the receiver and deletes the store's files. */
  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    client.close();
    server.close();
    pipeline.close();
    if (database != null) {
      database.close();
    }
    tracker.close();
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  /** Records per second: POSTs one new 100-record batch and waits for the acknowledgement. */
  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OperationsPerInvocation(RECORDS)
  public int postBatchThroughput() throws IOException {
    return postBatch();
  }

  /** Ack latency per 100-record batch (see the p0.99 line). */
  @Benchmark
  @BenchmarkMode(Mode.SampleTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public int postBatchLatency() throws IOException {
    return postBatch();
  }

  private int postBatch() throws IOException {
    byte[] body = CdrSamples.batch(session, next, RECORDS);
    next += RECORDS;
    int status = client.post(body, body.length);
    if (status != 200) {
      throw new IllegalStateException("receiver answered " + status);
    }
    return status;
  }
}
