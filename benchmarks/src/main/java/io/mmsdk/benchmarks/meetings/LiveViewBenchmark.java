package io.mmsdk.benchmarks.meetings;

import io.mmsdk.cms.events.EventUpdate;
import io.mmsdk.meetings.MeetingTracker;
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

  /** {@code none}: no listener; {@code noop}: one listener that does nothing. */
  @Param({"none", "noop"})
  String listener;

  private MeetingTracker tracker;
  private long emptyHeap;
  private String[] calls;
  private EventUpdate[] updates;
  private int i;

  /** Builds the meetings from CDRs and measures the view's memory. */
  @Setup(Level.Trial)
  public void setUp() {
    emptyHeap = TrackerFeed.usedHeapAfterGc();
    MeetingTracker.Builder builder = MeetingTracker.builder();
    if (listener.equals("noop")) {
      builder.addListener(change -> { });
    }
    tracker = builder.build();
    new TrackerFeed(tracker, CLUSTER).startMeetings(MEETINGS, PARTICIPANTS);
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
    long used = TrackerFeed.usedHeapAfterGc();
    return (used - emptyHeap) / tracker.activeParticipantCount();
  }
}
