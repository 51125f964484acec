package io.mmsdk.benchmarks.cdr;

import com.sun.net.httpserver.HttpServer;
import io.mmsdk.cdr.CdrHandler;
import io.mmsdk.cdr.CdrHttpServer;
import io.mmsdk.cdr.CdrJournal;
import io.mmsdk.cdr.CdrPipeline;
import io.mmsdk.cdr.CdrStore;
import io.mmsdk.meetings.MeetingTracker;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
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
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;

/**
 * The CDR ingest path under the load of 24 Call Bridges: each benchmark thread is one simulated
 * bridge with its own session and keep-alive connection ({@link BridgeConnection}), posting
 * 100-record batches of whole meeting lifecycles (callStart, each participant's callLegStart,
 * callLegUpdate and callLegEnd, callEnd) and waiting for the acknowledgement. {@code receiver}
 * selects what answers: {@code journal} (CdrHttpServer, CdrHandler, CdrPipeline with an fsync'd
 * CdrJournal, a MeetingTracker listening that keeps the newest {@value #ENDED_MEETINGS_KEPT} ended
 * meetings), {@code none} (the same with CdrStore.none()), and
 * {@code transport} (a bare JDK HttpServer that reads the body and answers 200: the cost of HTTP
 * alone).
 *
 * <p>{@link #ingest} is the most the receiver takes: every bridge posts its next batch as soon as
 * the last one is acknowledged (records/s over all bridges, the batch's rendering included).
 * {@link #ack} is the acknowledgement latency at that saturation, where by Little's law it is
 * about 24 batches' service time; {@link #ackAt150k} is the latency a Call Bridge sees when the
 * 24 together send {@value #OFFERED_RECORDS_PER_SECOND} records/s (each posting one batch every
 * 16 ms, rendered before the clock starts), the load the receiver is specified for. Sample-time
 * scores are per batch: see their p0.50, p0.99 and p0.999 lines.
 *
 * <p>Each fork has a fixed 3 GiB heap, touched when the JVM starts. This VM returns freed memory to
 * its host, and taking it back costs kernel time at the first touch of each page. With the default
 * heap, growing within a trial, a no-store fork that followed a journal fork's gigabytes sometimes
 * paid that in the middle of its measurement: 167,414 records/s with GC at 429 µs per batch against
 * 605,659 and 14 µs, the same code; both pre-touched runs gave 610,000–613,000.
 */
@State(Scope.Benchmark)
@Threads(CdrIngestBenchmark.BRIDGES)
@Fork(jvmArgsAppend = {"-XX:+AlwaysPreTouch", "-Xms3g", "-Xmx3g"})
public class CdrIngestBenchmark {
  static final int BRIDGES = 24;
  static final int RECORDS = 100;
  /** The shortest time {@link #warmUp} loads the receiver. */
  static final int MIN_WARM_UP_SECONDS = 4;
  /** The longest. */
  static final int MAX_WARM_UP_SECONDS = 40;
  /** How often the warm-up samples the JIT compiler's time. */
  static final int SAMPLE_MILLIS = 250;
  /** The JIT compiler is idle when it compiled for less than this over the last second. */
  static final int QUIET_COMPILE_MILLIS = 50;
  /** How many ended meetings the tracker keeps (the newest). */
  static final int ENDED_MEETINGS_KEPT = 10_000;
  /** The load {@link #ackAt150k} offers, over all bridges. */
  static final int OFFERED_RECORDS_PER_SECOND = 150_000;
  /** How often each bridge posts a batch in {@link #ackAt150k}. */
  static final long PACE_NANOS = TimeUnit.SECONDS.toNanos(1) * BRIDGES * RECORDS
      / OFFERED_RECORDS_PER_SECOND;
  /** Batches sent again after 20 s without an answer (printed at the end of each trial). */
  static final AtomicLong RESENDS = new AtomicLong();
  /** Batches acknowledged in the current trial. */
  static final AtomicLong POSTED = new AtomicLong();

  private final CpuAccount cpu = new CpuAccount();
  private boolean measuring;

  @Param({"journal", "none", "transport"})
  public String receiver;


  private Path dir;
  private MeetingTracker tracker;
  private CdrPipeline pipeline;
  private CdrHttpServer server;
  private HttpServer bare;
  private ExecutorService bareThreads;
  private URI uri;

  /** Starts the receiver under test and warms it up. */
  @Setup(Level.Trial)
  public void startReceiver() throws IOException, InterruptedException, ExecutionException {
    measuring = false;
    start();
    warmUp();
  }

  private void start() throws IOException {
    if ("transport".equals(receiver)) {
      bare = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 128);
      bareThreads = Executors.newFixedThreadPool(BRIDGES);
      bare.setExecutor(bareThreads);
      bare.createContext("/cdr", exchange -> {
        try (exchange; InputStream body = exchange.getRequestBody()) {
          body.readAllBytes();
          exchange.sendResponseHeaders(200, -1);
        }
      });
      bare.start();
      uri = URI.create("http://127.0.0.1:" + bare.getAddress().getPort() + "/cdr?cluster=bench");
      return;
    }
    dir = Files.createTempDirectory("cdr-ingest");
    // Meetings end here at some 10,000 a second, which no deployment sustains: keeping only the
    // newest ended ones measures ingest in a steady state, not a heap that grows all trial long.
    tracker = MeetingTracker.builder().maxEndedMeetings(ENDED_MEETINGS_KEPT).build();
    pipeline = CdrPipeline.builder()
        .store("journal".equals(receiver) ? CdrStore.file(dir) : CdrStore.none())
        .addListener(tracker).build();
    server = CdrHttpServer.builder().handler(CdrHandler.builder().sink(pipeline).build()).start();
    uri = URI.create(server.uri() + "?cluster=bench");
  }

  /**
   * Loads the receiver from 24 bridges of its own before JMH's iterations start, for at least
   * {@value #MIN_WARM_UP_SECONDS} s and until the JIT compiler has been idle for a second. On two
   * cores the bridges and the receiver's threads leave the one C2 compiler thread so little CPU
   * that in about one JVM in ten the parser's hot methods waited 14 s in its queue, running C1's
   * profiled code meanwhile at four times the CPU per batch ({@code -Xlog:jit+compilation}); a
   * fixed warm-up then measured the compiler's backlog, not the receiver. A receiver whose
   * compiler is still busy after {@value #MAX_WARM_UP_SECONDS} s fails the trial.
   */
  private void warmUp() throws InterruptedException, ExecutionException {
    ExecutorService pool = Executors.newFixedThreadPool(BRIDGES);
    AtomicBoolean stop = new AtomicBoolean();
    try {
      List<Future<?>> bridges = new ArrayList<>();
      for (int b = 0; b < BRIDGES; b++) {
        bridges.add(pool.submit(() -> {
          Bridge bridge = new Bridge();
          bridge.connect(this);
          try {
            while (!stop.get()) {
              bridge.render();
              bridge.post();
            }
          } finally {
            bridge.disconnect();
          }
          return null;
        }));
      }
      try {
        awaitIdleCompiler();
      } finally {
        stop.set(true);
      }
      for (Future<?> f : bridges) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
  }

  /**
   * Waits at least {@value #MIN_WARM_UP_SECONDS} s and until the JIT compiler compiled for less
   * than {@value #QUIET_COMPILE_MILLIS} ms in the last second.
   *
   * @throws IllegalStateException if it is still busy after {@value #MAX_WARM_UP_SECONDS} s
   */
  private void awaitIdleCompiler() throws InterruptedException {
    CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
    long start = System.nanoTime();
    // Compilation time so far, sampled every SAMPLE_MILLIS: a ring one second long.
    long[] compiling = new long[1000 / SAMPLE_MILLIS + 1];
    for (int sample = 0; ; sample++) {
      Thread.sleep(SAMPLE_MILLIS);
      compiling[sample % compiling.length] = jit.getTotalCompilationTime();
      long lastSecond = compiling[sample % compiling.length]
          - compiling[(sample + 1) % compiling.length];
      boolean idle = sample >= compiling.length - 1 && lastSecond < QUIET_COMPILE_MILLIS;
      long elapsed = System.nanoTime() - start;
      if (idle && elapsed >= TimeUnit.SECONDS.toNanos(MIN_WARM_UP_SECONDS)) {
        System.out.printf("%nCdrIngestBenchmark(%s): warmed up for %.1f s, until the JIT"
            + " compiler was idle (%d ms of compilation in the last second)%n", receiver,
            elapsed / 1e9, lastSecond);
        return;
      }
      if (!idle && elapsed > TimeUnit.SECONDS.toNanos(MAX_WARM_UP_SECONDS)) {
        throw new IllegalStateException("the JIT compiler was still busy (" + lastSecond
            + " ms of compilation in the last second) after " + MAX_WARM_UP_SECONDS + " s of"
            + " warm-up; is the machine busy? Run the benchmark again on a quiet one");
      }
    }
  }

  /** Counts CPU and batches from the first measured iteration on. */
  @Setup(Level.Iteration)
  public void startIteration(IterationParams iteration) {
    if (iteration.getType() == IterationType.MEASUREMENT && !measuring) {
      measuring = true;
      POSTED.set(0);
      cpu.start();
    }
  }

  /** Stops the receiver and deletes the journal. */
  @TearDown(Level.Trial)
  public void stopReceiver() throws IOException {
    long batches = POSTED.get();
    System.out.printf("%nCdrIngestBenchmark(%s): %d batches, %d re-sent after a timeout; %s"
        + " (measured iterations, us)%n", receiver, batches, RESENDS.getAndSet(0),
        cpu.perOperation(batches));
    if (bare != null) {
      bare.stop(0);
      bareThreads.shutdownNow();
      return;
    }
    server.close();
    pipeline.close();
    tracker.close();
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  /** One simulated Call Bridge: its session, its connection, its meetings. */
  @State(Scope.Thread)
  public static class Bridge {
    private final String session = UUID.randomUUID().toString();
    private final String bridgeId = UUID.randomUUID().toString();
    private final Deque<Planned> planned = new ArrayDeque<>();
    private String prefix;
    private Random random;
    private BridgeConnection connection;
    private long next;
    private int meetings;
    private long due;
    /**
     * The batch to post next, in a reused array: a Call Bridge is another machine, so its garbage
     * must not add to the receiver's collections (a new String and byte[] per batch were about a
     * third of what this process allocated, and so of how often the receiver paused for young
     * collections).
     */
    private final CdrSamples.Text body = new CdrSamples.Text(RECORDS * 600);
    private final byte[] sessionBytes = CdrSamples.ascii(session);
    private final byte[] bridgeBytes = CdrSamples.ascii(bridgeId);

    /** Opens the bridge's connection. */
    @Setup(Level.Trial)
    public void connect(CdrIngestBenchmark receiver) {
      random = new Random(session.hashCode());
      prefix = Integer.toHexString(bridgeId.hashCode() | 0x10000000);
      connection = new BridgeConnection(receiver.uri, RESENDS);
    }

    /** Closes the bridge's connection. */
    @TearDown(Level.Trial)
    public void disconnect() {
      connection.close();
    }

    /**
     * For {@link #ackAt150k} only: renders the next batch and waits for its turn, outside the
     * measured time. A bridge behind its schedule posts at once, without catching up on turns it
     * missed by more than a second.
     */
    void pace() {
      render();
      long now = System.nanoTime();
      if (due == 0 || now - due > TimeUnit.SECONDS.toNanos(1)) {
        due = now + random.nextInt((int) PACE_NANOS);
      }
      while (now < due) {
        LockSupport.parkNanos(due - now);
        now = System.nanoTime();
      }
      due += PACE_NANOS;
    }

    /** One record to send: its type (a {@link CdrSamples} constant) and ids, ASCII. */
    private record Planned(int type, byte[] call, byte[] leg, byte[] space) {}

    /** Plans the records of one more meeting: 2 to 12 participants joining and leaving. */
    private void planMeeting() {
      String m = CdrSamples.digits(meetings++, 12);
      byte[] call = CdrSamples.ascii(prefix + "-0000-4000-8000-" + m);
      // Each meeting in a space of its own: meetings sharing a space while one of them runs merge
      // into one that never ends and keeps every participant ever seen.
      byte[] space = CdrSamples.ascii(prefix + "-5ace-4000-8000-" + m);
      planned.add(new Planned(CdrSamples.CALL_START, call, null, space));
      int participants = 2 + random.nextInt(11);
      byte[][] legs = new byte[participants][];
      for (int p = 0; p < participants; p++) {
        legs[p] = CdrSamples.ascii(prefix + "-" + CdrSamples.digits(p, 4) + "-4000-8000-" + m);
        planned.add(new Planned(CdrSamples.CALL_LEG_START, call, legs[p], space));
        planned.add(new Planned(CdrSamples.CALL_LEG_UPDATE, call, legs[p], space));
      }
      for (byte[] leg : legs) {
        planned.add(new Planned(CdrSamples.CALL_LEG_END, call, leg, space));
      }
      planned.add(new Planned(CdrSamples.CALL_END, call, null, space));
    }

    /** Renders the next batch into {@code body}. */
    void render() {
      CdrSamples.batchStart(body, sessionBytes, bridgeBytes);
      for (int i = 0; i < RECORDS; i++) {
        if (planned.isEmpty()) {
          planMeeting();
        }
        Planned r = planned.poll();
        CdrSamples.record(body, r.type, next++, i, r.space, r.call, r.leg);
      }
      CdrSamples.batchEnd(body);
    }

    /** Posts the rendered batch; like a Call Bridge, re-sends it when no answer comes in time. */
    int post() throws IOException {
      int status = connection.post(body.bytes(), body.length());
      if (status != 200) {
        throw new IllegalStateException("receiver answered " + status);
      }
      POSTED.incrementAndGet();
      return status;
    }
  }

  /**
   * A bridge that keeps to the pace of {@link #ackAt150k}; JMH leaves invocation-level set-up out
   * of the measured time.
   */
  @State(Scope.Thread)
  public static class PacedBridge extends Bridge {
    /** Renders the bridge's next batch and waits for its turn. */
    @Setup(Level.Invocation)
    public void takeTurn() {
      pace();
    }
  }

  /** Records per second over all bridges. */
  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  @OperationsPerInvocation(RECORDS)
  public int ingest(Bridge bridge) throws IOException {
    bridge.render();
    return bridge.post();
  }

  /**
   * Acknowledgement latency per 100-record batch at saturation, every bridge posting back to back
   * (see the p0.50, p0.99 and p0.999 lines).
   */
  @Benchmark
  @BenchmarkMode(Mode.SampleTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public int ack(Bridge bridge) throws IOException {
    bridge.render();
    return bridge.post();
  }

  /**
   * Acknowledgement latency per 100-record batch when the bridges together offer {@value
   * #OFFERED_RECORDS_PER_SECOND} records/s (see the p0.50, p0.99 and p0.999 lines).
   */
  @Benchmark
  @BenchmarkMode(Mode.SampleTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public int ackAt150k(PacedBridge bridge) throws IOException {
    return bridge.post();
  }
}
