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
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
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
 * The CDR ingest path under the load of 24 Call Bridges: each benchmark thread is one simulated
 * bridge with its own session and keep-alive connection, posting 100-record batches of whole
 * meeting lifecycles (callStart, each participant's callLegStart, callLegUpdate and callLegEnd,
 * callEnd) and waiting for the acknowledgement. {@code receiver} selects what answers:
 * {@code journal} (CdrHttpServer, CdrHandler, CdrPipeline with an fsync'd CdrJournal, a
 * MeetingTracker listening), {@code none} (the same with CdrStore.none()), and {@code transport}
 * (a bare JDK HttpServer that reads the body and answers 200: the cost of HTTP alone). Throughput
 * scores are records/s over all bridges; sample-time scores are the ack latency per batch (see
 * the p0.50, p0.99 and p0.999 lines).
 */
@State(Scope.Benchmark)
@Threads(CdrIngestBenchmark.BRIDGES)
public class CdrIngestBenchmark {
  static final int BRIDGES = 24;
  static final int RECORDS = 100;
  /** Batches sent again after 20 s without an answer (printed at the end of each trial). */
  static final AtomicLong RESENDS = new AtomicLong();

  @Param({"journal", "none", "transport"})
  public String receiver;

  private Path dir;
  private MeetingTracker tracker;
  private CdrPipeline pipeline;
  private CdrHttpServer server;
  private HttpServer bare;
  private ExecutorService bareThreads;
  private URI uri;

  /** Starts the receiver under test. */
  @Setup(Level.Trial)
  public void startReceiver() throws IOException {
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
    tracker = MeetingTracker.builder().build();
    pipeline = CdrPipeline.builder()
        .store("journal".equals(receiver) ? CdrStore.file(dir) : CdrStore.none())
        .addListener(tracker).build();
    server = CdrHttpServer.builder().handler(CdrHandler.builder().sink(pipeline).build()).start();
    uri = URI.create(server.uri() + "?cluster=bench");
  }

  /** Stops the receiver and deletes the journal. */
  @TearDown(Level.Trial)
  public void stopReceiver() throws IOException {
    System.out.println("CdrIngestBenchmark(" + receiver + "): batches re-sent after a timeout: "
        + RESENDS.getAndSet(0));
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
    private final Deque<String[]> planned = new ArrayDeque<>();
    private Random random;
    private HttpClient client;
    private long next;
    private int meetings;

    /** Opens the bridge's connection. */
    @Setup(Level.Trial)
    public void connect() {
      random = new Random(session.hashCode());
      client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    }

    /** Plans the records of one more meeting: 2 to 12 participants joining and leaving. */
    private void planMeeting() {
      int m = meetings++;
      String call = String.format("%08x-0000-4000-8000-%012d", bridgeId.hashCode(), m);
      // Each meeting in a space of its own: meetings sharing a space while one of them runs merge
      // into one that never ends and keeps every participant ever seen.
      String space = String.format("%08x-5ace-4000-8000-%012d", bridgeId.hashCode(), m);
      planned.add(new String[] {"callStart", call, null, space});
      int participants = 2 + random.nextInt(11);
      String[] legs = new String[participants];
      for (int p = 0; p < participants; p++) {
        legs[p] = String.format("%08x-%04d-4000-8000-%012d", bridgeId.hashCode(), p, m);
        planned.add(new String[] {"callLegStart", call, legs[p], space});
        planned.add(new String[] {"callLegUpdate", call, legs[p], space});
      }
      for (String leg : legs) {
        planned.add(new String[] {"callLegEnd", call, leg, space});
      }
      planned.add(new String[] {"callEnd", call, null, space});
    }

    byte[] nextBatch() {
      StringBuilder sb = new StringBuilder(RECORDS * 600);
      sb.append("<?xml version=\"1.0\"?><records session=\"").append(session)
          .append("\" callBridge=\"").append(bridgeId).append("\">\n");
      for (int i = 0; i < RECORDS; i++) {
        if (planned.isEmpty()) {
          planMeeting();
        }
        String[] r = planned.poll();
        CdrSamples.record(sb, r[0], next++, i, r[3], r[1], r[2]);
      }
      sb.append("</records>\n");
      return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Posts the next batch; like a Call Bridge, re-sends it when no answer comes in time. */
    int post(URI uri) throws Exception {
      HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20))
          .POST(HttpRequest.BodyPublishers.ofByteArray(nextBatch())).build();
      for (int attempt = 1; ; attempt++) {
        try {
          HttpResponse<Void> r = client.send(request, HttpResponse.BodyHandlers.discarding());
          if (r.statusCode() != 200) {
            throw new IllegalStateException("receiver answered " + r.statusCode());
          }
          return r.statusCode();
        } catch (HttpTimeoutException e) {
          RESENDS.incrementAndGet();
          if (attempt == 3) {
            throw e;
          }
        }
      }
    }
  }

  /** Records per second over all bridges. */
  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  @OperationsPerInvocation(RECORDS)
  public int ingest(Bridge bridge) throws Exception {
    return bridge.post(uri);
  }

  /** Acknowledgement latency per 100-record batch (see the p0.50, p0.99 and p0.999 lines). */
  @Benchmark
  @BenchmarkMode(Mode.SampleTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public int ack(Bridge bridge) throws Exception {
    return bridge.post(uri);
  }
}
