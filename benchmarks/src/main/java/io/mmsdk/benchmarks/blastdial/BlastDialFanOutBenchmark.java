package io.mmsdk.benchmarks.blastdial;

import io.mmsdk.blastdial.BlastDial;
import io.mmsdk.blastdial.BlastDialConfig;
import io.mmsdk.blastdial.BlastDialStore;
import io.mmsdk.blastdial.CallBridgeGateway;
import io.mmsdk.cms.api.CallLeg;
import io.mmsdk.blastdial.ContactsCsv;
import io.mmsdk.blastdial.CsvLimits;
import io.mmsdk.blastdial.SpaceKey;
import io.mmsdk.common.time.Scheduler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
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
 * Time from the first participant joining to every contact's dial-out having been answered by the
 * bridge ({@code POST /calls/<id>/callLegs} returned), for a space with {@code contacts} contacts,
 * {@code cap} requests in flight at most, and a bridge that takes {@code bridgeMillis} per
 * dial-out. Includes the file store's fsync'd write-ahead of the blast state.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class BlastDialFanOutBenchmark {
  @Param({"500"})
  int contacts;

  @Param({"10"})
  int cap;

  @Param({"0", "5"})
  int bridgeMillis;

  private Path dir;
  private BlastDial blast;
  private CountingBridge bridge;
  private final SpaceKey space = SpaceKey.of("bench", "space");
  private int call;

  /** A bridge that answers each dial-out after a fixed delay. */
  static final class CountingBridge implements CallBridgeGateway {
    final AtomicInteger legs = new AtomicInteger();
    volatile CountDownLatch done;
    final long nanos;

    CountingBridge(long nanos) {
      this.nanos = nanos;
    }

    @Override
    public String dialOut(String callId, String remoteParty, boolean confirmation) {
      if (nanos > 0) {
        LockSupport.parkNanos(nanos);
      }
      String id = "leg-" + legs.incrementAndGet();
      done.countDown();
      return id;
    }

    @Override
    public List<CallLeg> callLegs(String callId) {
      return List.of();
    }

    @Override
    public boolean isCallActive(String callId) {
      return true;
    }
  }

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    dir = Files.createTempDirectory("blastdial-bench");
    bridge = new CountingBridge(TimeUnit.MILLISECONDS.toNanos(bridgeMillis));
    blast =
        BlastDial.builder()
            .store(BlastDialStore.file(dir))
            .scheduler(Scheduler.system())
            .callBridge("bench", bridge)
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
  public void arm() {
    bridge.done = new CountDownLatch(contacts);
  }

  @Benchmark
  public int firstJoinToAllDialOutsIssued() throws InterruptedException {
    blast.participantJoined(space, "call-" + (++call), "");
    if (!bridge.done.await(60, TimeUnit.SECONDS)) {
      throw new IllegalStateException("dial-outs not issued within 60 s");
    }
    return bridge.legs.get();
  }

  /**
   * Ends the invocation's meeting: the space's next meeting (a new call id) dials again, since one
   * blast dial runs per space meeting.
   */
  @TearDown(Level.Invocation)
  public void endMeeting() {
    blast.meetingEnded("bench", "call-" + call);
  }

  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    blast.close();
    try (var files = Files.walk(dir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
