package io.mmsdk.benchmarks.cdr;

import io.mmsdk.benchmarks.meetings.TrackerFeed;
import io.mmsdk.cdr.CdrEvent;
import io.mmsdk.meetings.MeetingTracker;
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

  /** {@code none}: no listener; {@code noop}: one listener that does nothing. */
  @Param({"none", "noop"})
  String listener;

  private MeetingTracker tracker;
  private long emptyHeap;
  private CdrEvent[] updates;
  private int i;
  private TrackerFeed feed;

  /** Fills the tracker and measures its memory. */
  @Setup(Level.Trial)
  public void setUp() {
    long before = TrackerFeed.usedHeapAfterGc();
    emptyHeap = before;
    MeetingTracker.Builder builder = MeetingTracker.builder();
    if (listener.equals("noop")) {
      builder.addListener(change -> { });
    }
    tracker = builder.build();
    feed = new TrackerFeed(tracker, "bench");
    feed.startMeetings(MEETINGS, LEGS_PER_MEETING);
    long after = TrackerFeed.usedHeapAfterGc();
    int legs = tracker.activeParticipantCount();
    System.out.printf("%nMeetingTracker retained heap: %d bytes for %d meetings, %d active legs:"
        + " %d bytes per active call leg (meeting overhead included)%n",
        after - before, MEETINGS, legs, (after - before) / legs);
    updates = new CdrEvent[MEETINGS * LEGS_PER_MEETING * 2];
    int k = 0;
    for (int m = 0; m < MEETINGS; m++) {
      for (int l = 0; l < LEGS_PER_MEETING; l++) {
        String leg = "leg-" + m + "-" + l;
        updates[k++] = feed.lobbyEvent(leg, "call-" + m, true);
        updates[k++] = feed.lobbyEvent(leg, "call-" + m, false);
      }
    }
  }

  /** Stops the tracker. */
  @TearDown(Level.Trial)
  public void tearDown() {
    long after = TrackerFeed.usedHeapAfterGc();
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
}
