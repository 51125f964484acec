package io.mmsdk.meetings;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;

/**
 * A snapshot of one meeting as seen by a {@link MeetingTracker}: one or more calls (one per Call
 * Bridge hosting it) merged by {@code callCorrelator} or space, their participants and a log of
 * what happened. Times are the Call Bridges' record times. Nullable components are null when no
 * record said them (for example a meeting whose {@code callStart} was lost).
 *
 * @param id stable id: the GUID of the first call seen for the meeting
 * @param clusterId the cluster, from the receiver URI's {@code cluster} tag
 * @param name the call name, or null
 * @param coSpace the space GUID, or null
 * @param callCorrelator the correlator shared across Call Bridges, or null
 * @param callType the call type, or null
 * @param state active or ended
 * @param startTime the earliest record time seen for the meeting
 * @param endTime when the last call ended, or null while active
 * @param endReason why it ended ({@code callEnded}, {@code callBridgeRestarted}), or null
 * @param calls the calls, one per Call Bridge
 * @param participants every participant leg, current and ended (links between Call Bridges are
 *     not participants and are left out)
 * @param log what happened, oldest first: the newest entries within the tracker's bounds (see
 *     {@link MeetingTracker})
 */
public record Meeting(
    String id,
    String clusterId,
    String name,
    String coSpace,
    String callCorrelator,
    String callType,
    State state,
    Instant startTime,
    Instant endTime,
    String endReason,
    List<Call> calls,
    List<Participant> participants,
    List<LogEntry> log) {

  /**
   * Checks and copies the components.
   *
   * @param id stable id: the GUID of the first call seen for the meeting
   * @param clusterId the cluster, from the receiver URI's {@code cluster} tag
   * @param name the call name, or null
   * @param coSpace the space GUID, or null
   * @param callCorrelator the correlator shared across Call Bridges, or null
   * @param callType the call type, or null
   * @param state active or ended
   * @param startTime the earliest record time seen for the meeting
   * @param endTime when the last call ended, or null while active
   * @param endReason why it ended ({@code callEnded}, {@code callBridgeRestarted}), or null
   * @param calls the calls, one per Call Bridge
   * @param participants every participant leg, current and ended (links between Call Bridges are not participants and are left out)
   * @param log what happened, oldest first: the newest entries within the tracker's bounds (see {@link MeetingTracker})
   */
  public Meeting {
    requireNonNull(id, "id == null");
    requireNonNull(clusterId, "clusterId == null");
    requireNonNull(state, "state == null");
    requireNonNull(startTime, "startTime == null");
    calls = List.copyOf(calls);
    participants = List.copyOf(participants);
    log = List.copyOf(log);
  }

  /** {@return true while the meeting runs} */
  public boolean isActive() {
    return state == State.ACTIVE;
  }

  /** {@return the participants that have not left} */
  public List<Participant> activeParticipants() {
    return participants.stream().filter(p -> p.state() != ParticipantState.ENDED).toList();
  }

  /** Whether a meeting runs. */
  public enum State {
    /** At least one of its calls runs. */
    ACTIVE,
    /** All its calls ended. */
    ENDED
  }

  /** Where a participant is. */
  public enum ParticipantState {
    /** The leg started but has not connected yet (ringing, in an IVR). */
    CONNECTING,
    /** Connected and activated. */
    CONNECTED,
    /** Connected but deactivated: waiting in the lobby for a host. */
    IN_LOBBY,
    /** The leg ended. */
    ENDED
  }

  /**
   * One Call Bridge's call of the meeting.
   *
   * @param callId the call GUID
   * @param callBridge the Call Bridge GUID, or null when unclustered
   * @param session the Call Bridge session the call was seen in
   * @param ended whether the call ended
   */
  public record Call(String callId, String callBridge, String session, boolean ended) {}

  /**
   * A participant (call leg).
   *
   * @param callLegId the leg GUID
   * @param callId the call the leg is in
   * @param callBridge the Call Bridge GUID, or null
   * @param displayName the name shown, or null
   * @param remoteParty the remote URI, or null
   * @param direction {@code incoming} or {@code outgoing}, or null
   * @param state where the participant is
   * @param joinedAt when the leg started (or was first seen)
   * @param leftAt when the leg ended, or null
   * @param endReason the {@code callLegEnd} reason, or null
   */
  public record Participant(
      String callLegId,
      String callId,
      String callBridge,
      String displayName,
      String remoteParty,
      String direction,
      ParticipantState state,
      Instant joinedAt,
      Instant leftAt,
      String endReason) {}

  /**
   * One line of a meeting's log.
   *
   * @param time the record time
   * @param kind what happened
   * @param subject the leg, call, recording or streaming GUID it is about, or null
   * @param detail extra text (a reason, a name), or the empty string
   */
  public record LogEntry(Instant time, LogKind kind, String subject, String detail) {}

  /** What a {@link LogEntry} records. */
  public enum LogKind {
    /** The meeting's first call started (or was first seen). */
    MEETING_STARTED,
    /** Another Call Bridge's call joined the meeting. */
    CALL_ADDED,
    /** A participant's leg joined the meeting. */
    PARTICIPANT_JOINED,
    /** A participant connected. */
    PARTICIPANT_CONNECTED,
    /** A participant is waiting in the lobby. */
    PARTICIPANT_IN_LOBBY,
    /** A participant left; detail is the reason. */
    PARTICIPANT_LEFT,
    /** A recording started. */
    RECORDING_STARTED,
    /** A recording stopped. */
    RECORDING_STOPPED,
    /** Streaming started. */
    STREAMING_STARTED,
    /** Streaming stopped. */
    STREAMING_STOPPED,
    /** Records from a Call Bridge session of this meeting are missing; the view may be wrong. */
    RECORDS_MISSING,
    /** One call ended; detail is the reason. */
    CALL_ENDED,
    /** The meeting ended; detail is the reason. */
    MEETING_ENDED,
    /**
     * The meeting turned out to be part of another one (a {@code callStart} arrived late); subject
     * is the id of the meeting that now holds its calls, participants and log. Only told to {@link
     * MeetingListener}s: the merged meeting is no longer kept under its own id.
     */
    MEETING_MERGED
  }
}
