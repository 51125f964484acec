package io.mmsdk.benchmarks.meetings;

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

/**
 * Feeds a meeting tracker typed CDR records as pipeline events, for the tracker benchmarks: call
 * {@code call-<m>}, legs {@code leg-<m>-<p>} with participant GUIDs {@code part-<m>-<p>}. Not API.
 */
public final class TrackerFeed {
  private static final Instant T = Instant.parse("2026-03-02T09:00:00Z");
  private final MeetingTracker tracker;
  private final CdrOrigin origin;
  private long index;

  /**
   * Creates a feed.
   *
   * @param tracker the tracker to feed
   * @param clusterId the cluster the records come from
   */
  public TrackerFeed(MeetingTracker tracker, String clusterId) {
    this.tracker = tracker;
    this.origin = CdrOrigin.ofCluster(clusterId);
  }

  /**
   * Starts {@code meetings} meetings of {@code participants} connected participants each.
   *
   * @param meetings how many meetings
   * @param participants participants per meeting
   */
  public void startMeetings(int meetings, int participants) {
    for (int m = 0; m < meetings; m++) {
      String call = "call-" + m;
      feed(new CallStart(header("callStart"), call, "Meeting " + m, "Owner " + m, "coSpace",
          "space-" + m, "corr-" + m, null, null, List.of()));
      for (int p = 0; p < participants; p++) {
        String leg = "leg-" + m + "-" + p;
        feed(new CallLegStart(header("callLegStart"), leg, call, "Participant " + p,
            "user" + p + "@example.org", null, null, "sip", null, null, "incoming", null, null,
            "part-" + m + "-" + p, null, null, null, null, null, null, null, null, null, false,
            List.of()));
        feed(lobby(leg, call, false));
      }
    }
  }

  /**
   * Returns the event of a {@code callLegUpdate} that puts a leg in or out of the lobby.
   *
   * @param leg the leg GUID
   * @param call the call GUID
   * @param lobby whether the leg waits in the lobby
   * @return the event
   */
  public CdrEvent lobbyEvent(String leg, String call, boolean lobby) {
    return event(lobby(leg, call, lobby));
  }

  private CallLegUpdate lobby(String leg, String call, boolean lobby) {
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

  private CdrEvent event(CdrRecord r) {
    return new CdrEvent.RecordReceived(origin, "session-1", "cb-1", r, false);
  }

  /** {@return the heap in use after full collections} */
  public static long usedHeapAfterGc() {
    for (int k = 0; k < 4; k++) {
      System.gc();
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }
}
