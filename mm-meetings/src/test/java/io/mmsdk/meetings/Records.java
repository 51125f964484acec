package io.mmsdk.meetings;

import io.mmsdk.cdr.CallEnd;
import io.mmsdk.cdr.CallLegEnd;
import io.mmsdk.cdr.CallLegStart;
import io.mmsdk.cdr.CallLegUpdate;
import io.mmsdk.cdr.CallStart;
import io.mmsdk.cdr.CdrEvent;
import io.mmsdk.cdr.CdrOrigin;
import io.mmsdk.cdr.CdrRecord;
import io.mmsdk.cdr.RecordHeader;
import io.mmsdk.cdr.RecordingEnd;
import io.mmsdk.cdr.RecordingStart;
import java.time.Instant;
import java.util.List;

/**
 * Typed CDR records at chosen times, fed to a tracker as pipeline events of one cluster (Call
 * Bridge session {@code session-1}). Shared through the test-jar with the other {@link
 * MeetingHistory} implementations' tests.
 */
public final class Records {
  private final MeetingTracker tracker;
  private final String cluster;
  private long index;

  /**
   * Creates records of {@code cluster} for {@code tracker}.
   *
   * @param tracker the tracker fed
   * @param cluster the cluster id of the records' origin
   */
  public Records(MeetingTracker tracker, String cluster) {
    this.tracker = tracker;
    this.cluster = cluster;
  }

  /** A {@code callStart} with every field the tracker keeps; the correlator is corr-callId. */
  public void callStart(Instant t, String callId, String name, String space, String ownerName,
      String tenant, String cdrTag) {
    callStartCorrelated(t, callId, name, space, "corr-" + callId, ownerName, tenant, cdrTag);
  }

  /** A {@code callStart} with a chosen {@code callCorrelator} (calls sharing it are one meeting). */
  public void callStartCorrelated(Instant t, String callId, String name, String space,
      String correlator, String ownerName, String tenant, String cdrTag) {
    feed(new CallStart(header("callStart", t), callId, name, ownerName, "coSpace", space,
        correlator, tenant, cdrTag, List.of()));
  }

  public void callStart(Instant t, String callId, String name, String space) {
    callStart(t, callId, name, space, null, null, null);
  }

  public void legStart(Instant t, String legId, String callId, String name, String address,
      String participantId) {
    feed(new CallLegStart(header("callLegStart", t), legId, callId, name, address, null, null,
        "sip", null, null, "incoming", null, null, participantId, null, null, null, null, null,
        null, null, null, null, false, List.of()));
  }

  public void legUpdate(Instant t, String legId, String callId, boolean lobby) {
    feed(new CallLegUpdate(header("callLegUpdate", t), legId, "connected", callId, false, lobby,
        null, null, null, null, null, null, null, null, List.of()));
  }

  public void legEnd(Instant t, String legId, String reason, List<CallLegEnd.Alarm> alarms,
      Long durationSeconds) {
    feed(new CallLegEnd(header("callLegEnd", t), legId, reason, null, durationSeconds, null, null,
        null, null, null, null, null, null, null, alarms, null, null, null, null, List.of()));
  }

  public void recordingStart(Instant t, String recordingId, String callId) {
    feed(new RecordingStart(header("recordingStart", t), recordingId, "/rec/" + recordingId, null,
        callId, null, List.of()));
  }

  public void recordingEnd(Instant t, String recordingId) {
    feed(new RecordingEnd(header("recordingEnd", t), recordingId, List.of()));
  }

  public void callEnd(Instant t, String callId) {
    feed(new CallEnd(header("callEnd", t), callId, null, null, null, null, List.of()));
  }

  /** A meeting with one connected participant, started at {@code start}, ended at {@code end}. */
  public void meeting(String callId, String space, Instant start, Instant end, String address) {
    callStart(start, callId, "Meeting " + callId, space);
    legStart(start, "leg-" + callId, callId, "P " + callId, address, "part-" + callId);
    legUpdate(start, "leg-" + callId, callId, false);
    if (end != null) {
      callEnd(end, callId);
    }
  }

  private RecordHeader header(String type, Instant t) {
    index++;
    return new RecordHeader(type, t, index, index, 0);
  }

  private void feed(CdrRecord r) {
    tracker.onEvent(new CdrEvent.RecordReceived(CdrOrigin.ofCluster(cluster), "session-1",
        "cb-1", r, false));
  }
}
