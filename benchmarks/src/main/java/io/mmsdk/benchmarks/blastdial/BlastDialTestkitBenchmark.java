package io.mmsdk.benchmarks.blastdial;

import io.mmsdk.blastdial.BlastDial;
import io.mmsdk.blastdial.BlastDialConfig;
import io.mmsdk.blastdial.BlastDialStore;
import io.mmsdk.blastdial.CallBridgeGateway;
import io.mmsdk.blastdial.CmsCallBridgeGateway;
import io.mmsdk.blastdial.ContactsCsv;
import io.mmsdk.blastdial.SpaceKey;
import io.mmsdk.cms.CmsClient;
import io.mmsdk.cms.api.CallLeg;
import io.mmsdk.cms.core.Form;
import io.mmsdk.common.time.Scheduler;
import io.mmsdk.testkit.SimulatedCallBridge;
import io.mmsdk.testkit.SimulatedCluster;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * most {@code cap} requests in flight, through cms-api-client ({@link CmsCallBridgeGateway}).
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
  private CmsClient client;
  private CountingGateway gateway;
  private SpaceKey space;
  private String callId;

  /** The production gateway, counting completed dial-outs. */
  static final class CountingGateway implements CallBridgeGateway {
    private final CallBridgeGateway delegate;
    volatile CountDownLatch done = new CountDownLatch(0);

    CountingGateway(CallBridgeGateway delegate) {
      this.delegate = delegate;
    }

    @Override
    public String dialOut(String callId, String remoteParty, boolean confirmation) {
      String id = delegate.dialOut(callId, remoteParty, confirmation);
      done.countDown();
      return id;
    }

    @Override
    public List<CallLeg> callLegs(String callId) {
      return delegate.callLegs(callId);
    }

    @Override
    public boolean isCallActive(String callId) {
      return delegate.isCallActive(callId);
    }
  }

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    cms = SimulatedCluster.start();
    bridge = cms.callBridge(0);
    client = CmsClient.builder()
        .baseUrl(bridge.baseUrl())
        .credentials(cms.apiUsername(), cms.apiPassword())
        .build();
    gateway = new CountingGateway(CmsCallBridgeGateway.create(client));
    space = SpaceKey.of("cms", client.coSpaces().create(
        Form.builder().set("name", "Bench").set("uri", "bench").build()));
    dir = Files.createTempDirectory("blastdial-bench");
    blast = BlastDial.builder()
        .store(BlastDialStore.file(dir))
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
    client.close();
    cms.close();
    try (var files = Files.walk(dir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
