package io.mmsdk.benchmarks.cdr;

import io.mmsdk.cdr.CallLegStart;
import io.mmsdk.cdr.CallLegUpdate;
import io.mmsdk.cdr.CallStart;
import io.mmsdk.cdr.CdrEvent;
import io.mmsdk.cdr.CdrOrigin;
import io.mmsdk.cdr.CdrRecord;
import io.mmsdk.cdr.RecordHeader;
import io.mmsdk.meetings.MeetingTracker;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.List;
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
 * The meeting tracker holding 10,000 concurrent meetings of 3 participants each: callLegUpdate
 * records (lobby on/off) applied per second on one thread, with no listener and with one no-op
 * {@link io.mmsdk.meetings.MeetingListener}. Setup prints the retained heap per active call leg (tracker
 * memory divided by legs, measured after full GCs); tear-down prints it again after the run, when
 * every meeting's log has grown to its bound.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class MeetingTrackerBenchmark {
  static final int MEETINGS = 10_000;
  static final int LEGS_PER_MEETING = 3;
  private static final CdrOrigin ORIGIN = CdrOrigin.ofCluster("bench");
  private static final Instant T = Instant.parse("2026-03-02T09:00:00Z");

  /** {@code none}: no listener; {@code noop}: one listener that does nothing. */
  @Param({"none", "noop"})
  String listener;

  private MeetingTracker tracker;
  private long emptyHeap;
  private CdrEvent[] updates;
  private int i;
  private long index;

  /** Fills the tracker and measures its memory. */
  @Setup(Level.Trial)
  public void setUp() {
    long before = usedHeapAfterGc();
    emptyHeap = before;
    MeetingTracker.Builder builder = MeetingTracker.builder();
    if (listener.equals("noop")) {
      builder.addListener(change -> { });
    }
    tracker = builder.build();
    for (int m = 0; m < MEETINGS; m++) {
      String call = "call-" + m;
      feed(new CallStart(header("callStart"), call, "Meeting " + m, null, "coSpace", "space-" + m,
          "corr-" + m, null, null, List.of()));
      for (int l = 0; l < LEGS_PER_MEETING; l++) {
        String leg = "leg-" + m + "-" + l;
        feed(new CallLegStart(header("callLegStart"), leg, call, "Participant " + l,
            "user" + l + "@example.org", null, null, "sip", null, null, "incoming", null, null,
            null, null, null, null, null, null, null, null, null, null, false, List.of()));
        feed(update(leg, call, false));
      }
    }
    long after = usedHeapAfterGc();
    int legs = tracker.activeParticipantCount();
    System.out.printf("%nMeetingTracker retained heap: %d bytes for %d meetings, %d active legs:"
        + " %d bytes per active call leg (meeting overhead included)%n",
        after - before, MEETINGS, legs, (after - before) / legs);
    updates = new CdrEvent[MEETINGS * LEGS_PER_MEETING * 2];
    int k = 0;
    for (int m = 0; m < MEETINGS; m++) {
      for (int l = 0; l < LEGS_PER_MEETING; l++) {
        String leg = "leg-" + m + "-" + l;
        updates[k++] = event(update(leg, "call-" + m, true));
        updates[k++] = event(update(leg, "call-" + m, false));
      }
    }
  }

  /** Stops the tracker. */
  @TearDown(Level.Trial)
  public void tearDown() {
    long after = usedHeapAfterGc();
    int legs = tracker.activeParticipantCount();
    System.out.printf("%nMeetingTracker retained heap after the run: %d bytes per active call leg%n",
        (after - emptyHeap) / legs);
    tracker.close();
  }

  /** Applies one callLegUpdate (a participant enters or leaves the lobby). */
  @Benchmark
  public void applyUpdate() {
    tracker.onEvent(updates[i]);
    i = (i + 1) % updates.length;
  }

  private CallLegUpdate update(String leg, String call, boolean lobby) {
    return new CallLegUpdate(header("callLegUpdate"), leg, "connected", call, false, lobby, null,
        null, null, null, null, null, null, null, List.of());
  }

  private RecordHeader header(String type) {
    index++;
    return new RecordHeader(type, T, index, index, 0);
  }

  private void feed(CdrRecord r) {
    tracker.onEvent(event(r));
  }

  private static CdrEvent event(CdrRecord r) {
    return new CdrEvent.RecordReceived(ORIGIN, "session-1", "cb-1", r, false);
  }

  private static long usedHeapAfterGc() {
    for (int k = 0; k < 4; k++) {
      System.gc();
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }
}
