package io.mmsdk.benchmarks.meetings;

import io.mmsdk.cdr.CallLegStart;
import io.mmsdk.cdr.CallLegUpdate;
import io.mmsdk.cdr.CallStart;
import io.mmsdk.cdr.CdrEvent;
import io.mmsdk.cdr.CdrOrigin;
import io.mmsdk.cdr.CdrRecord;
import io.mmsdk.cdr.RecordHeader;
import io.mmsdk.cms.events.EventUpdate;
import io.mmsdk.meetings.MeetingTracker;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.List;
import java.util.Map;
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
 * The live view holding 10,000 concurrent meetings of 3 participants each (started from CDRs),
 * applying Events {@code rosterUpdate} entries — mute on/off and active speaker on/off, the
 * updates a busy roster sends most — on one thread, with no listener and with one no-op {@link
 * io.mmsdk.meetings.MeetingListener}. Setup prints the retained heap per participant after the
 * meetings are built; tear-down prints it again after the run (the roster updates must not grow
 * it: they change state in place and are not kept in the meeting log).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class LiveViewBenchmark {
  static final int MEETINGS = 10_000;
  static final int PARTICIPANTS = 3;
  private static final String CLUSTER = "bench";
  private static final CdrOrigin ORIGIN = CdrOrigin.ofCluster(CLUSTER);
  private static final Instant T = Instant.parse("2026-03-02T09:00:00Z");

  /** {@code none}: no listener; {@code noop}: one listener that does nothing. */
  @Param({"none", "noop"})
  String listener;

  private MeetingTracker tracker;
  private long emptyHeap;
  private String[] calls;
  private EventUpdate[] updates;
  private int i;
  private long index;

  /** Builds the meetings from CDRs and measures the view's memory. */
  @Setup(Level.Trial)
  public void setUp() {
    emptyHeap = usedHeapAfterGc();
    MeetingTracker.Builder builder = MeetingTracker.builder();
    if (listener.equals("noop")) {
      builder.addListener(change -> { });
    }
    tracker = builder.build();
    for (int m = 0; m < MEETINGS; m++) {
      String call = "call-" + m;
      feed(new CallStart(header("callStart"), call, "Meeting " + m, "Owner " + m, "coSpace",
          "space-" + m, "corr-" + m, null, null, List.of()));
      for (int p = 0; p < PARTICIPANTS; p++) {
        String leg = "leg-" + m + "-" + p;
        feed(new CallLegStart(header("callLegStart"), leg, call, "Participant " + p,
            "user" + p + "@example.org", null, null, "sip", null, null, "incoming", null, null,
            "part-" + m + "-" + p, null, null, null, null, null, null, null, null, null, false,
            List.of()));
        feed(new CallLegUpdate(header("callLegUpdate"), leg, "connected", call, false, false,
            null, null, null, null, null, null, null, null, List.of()));
      }
    }
    System.out.printf("%nLive view retained heap: %d bytes per participant (%d meetings x %d)%n",
        perParticipant(), MEETINGS, PARTICIPANTS);
    calls = new String[MEETINGS * PARTICIPANTS * 2];
    updates = new EventUpdate[calls.length];
    int k = 0;
    for (int m = 0; m < MEETINGS; m++) {
      for (int p = 0; p < PARTICIPANTS; p++) {
        String id = "part-" + m + "-" + p;
        calls[k] = "call-" + m;
        updates[k++] = new EventUpdate(id, "update",
            Map.of("audioMuted", "true", "activeSpeaker", "true"));
        calls[k] = "call-" + m;
        updates[k++] = new EventUpdate(id, "update",
            Map.of("audioMuted", "false", "activeSpeaker", "false"));
      }
    }
  }

  /** Prints the retained heap after the run and stops the tracker. */
  @TearDown(Level.Trial)
  public void tearDown() {
    calls = null; // the benchmark's own arrays are not the view's
    updates = null;
    System.out.printf("%nLive view retained heap after the run: %d bytes per participant%n",
        perParticipant());
    tracker.close();
  }

  /** Applies one roster update (a participant's mute and active-speaker state). */
  @Benchmark
  public void rosterUpdate() {
    tracker.onRosterUpdate(CLUSTER, calls[i], updates[i]);
    i = (i + 1) % updates.length;
  }

  private long perParticipant() {
    long used = usedHeapAfterGc();
    return (used - emptyHeap) / tracker.activeParticipantCount();
  }

  private RecordHeader header(String type) {
    index++;
    return new RecordHeader(type, T, index, index, 0);
  }

  private void feed(CdrRecord r) {
    tracker.onEvent(new CdrEvent.RecordReceived(ORIGIN, "session-1", "cb-1", r, false));
  }

  private static long usedHeapAfterGc() {
    for (int k = 0; k < 4; k++) {
      System.gc();
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }
}
