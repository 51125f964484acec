package io.mmsdk.benchmarks.blastdial;

import io.mmsdk.blastdial.BlastDial;
import io.mmsdk.blastdial.BlastDialConfig;
import io.mmsdk.blastdial.BridgeBusyException;
import io.mmsdk.blastdial.CallBridgeGateway;
import io.mmsdk.blastdial.CallLegInfo;
import io.mmsdk.blastdial.ContactsCsv;
import io.mmsdk.blastdial.FileBlastDialStore;
import io.mmsdk.blastdial.SpaceKey;
import io.mmsdk.core.time.Scheduler;
import io.mmsdk.testkit.SimulatedCallBridge;
import io.mmsdk.testkit.SimulatedCluster;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Time from the first participant joining a space on cms-testkit to all {@code contacts} dial-outs
 * issued ({@code POST /calls/<id>/callLegs} answered with a Location over loopback HTTP), with at
 * most {@code cap} requests in flight. The harness speaks HTTP with the JDK client because
 * cms-api-client has no dial-out operation yet.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class BlastDialTestkitBenchmark {
  @Param({"500"})
  int contacts;

  @Param({"1", "10", "20"})
  int cap;

  private SimulatedCluster cms;
  private SimulatedCallBridge bridge;
  private Path dir;
  private BlastDial blast;
  private HttpGateway gateway;
  private SpaceKey space;
  private String callId;

  /** Dial-out over the simulated bridge's REST API. */
  static final class HttpGateway implements CallBridgeGateway {
    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;
    private final String auth;
    volatile CountDownLatch done = new CountDownLatch(0);

    HttpGateway(SimulatedCluster cms) {
      this.base = cms.callBridge(0).baseUrl() + "/api/v1/";
      this.auth = "Basic " + Base64.getEncoder().encodeToString(
          (cms.apiUsername() + ":" + cms.apiPassword()).getBytes(StandardCharsets.UTF_8));
    }

    String post(String path, String form) {
      try {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + path))
            .header("Authorization", auth)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form)).build(),
            HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 503) {
          throw new BridgeBusyException("503 from POST " + path);
        }
        String location = r.headers().firstValue("Location")
            .orElseThrow(() -> new IllegalStateException(path + " -> " + r.statusCode()));
        return location.substring(location.lastIndexOf('/') + 1);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }

    @Override
    public String dialOut(String callId, String remoteParty, boolean confirmation) {
      String id = post("calls/" + callId + "/callLegs", "remoteParty="
          + URLEncoder.encode(remoteParty, StandardCharsets.UTF_8) + "&confirmation=" + confirmation);
      done.countDown();
      return id;
    }

    @Override
    public List<CallLegInfo> callLegs(String callId) {
      return List.of();
    }

    @Override
    public boolean isCallActive(String callId) {
      return true;
    }
  }

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    cms = SimulatedCluster.start();
    bridge = cms.callBridge(0);
    gateway = new HttpGateway(cms);
    space = SpaceKey.of("cms", gateway.post("coSpaces", "name=Bench&uri=bench"));
    dir = Files.createTempDirectory("blastdial-bench");
    blast = BlastDial.builder()
        .store(FileBlastDialStore.open(dir))
        .scheduler(Scheduler.system())
        .callBridge("cms", gateway)
        .maxConcurrentRequests(cap)
        .build();
    blast.configure(space, BlastDialConfig.builder().enabled(true).build());
    StringBuilder csv = new StringBuilder(ContactsCsv.HEADER).append('\n');
    for (int i = 0; i < contacts; i++) {
      csv.append("Contact ").append(i).append(",c").append(i).append("@example.com,true\n");
    }
    blast.uploadCsv(space, "bench.csv", csv.toString().getBytes(StandardCharsets.UTF_8));
  }

  @Setup(Level.Invocation)
  public void startMeeting() {
    gateway.done = new CountDownLatch(contacts);
    callId = bridge.join(space.spaceId(), "host@example.com", "Host").callId();
  }

  @Benchmark
  public long firstJoinToAllDialOutsIssued() throws InterruptedException {
    blast.participantJoined(space, callId, "host@example.com");
    if (!gateway.done.await(120, TimeUnit.SECONDS)) {
      throw new IllegalStateException("dial-outs not issued within 120 s");
    }
    return gateway.done.getCount();
  }

  @TearDown(Level.Invocation)
  public void endMeeting() {
    bridge.endCall(callId);
    blast.meetingEnded("cms", callId);
  }

  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    blast.close();
    cms.close();
    try (var files = Files.walk(dir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
