package io.mmsdk.meetings;

import static java.util.Objects.requireNonNull;

import io.mmsdk.cdr.CallLegEnd;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A snapshot of one meeting as seen by a {@link MeetingTracker}: one or more calls (one per Call
 * Bridge hosting it) merged by {@code callCorrelator} or space, their participants and a log of
 * what happened, merged from CDRs, the Events API and REST re-syncs. Times are the Call Bridges'
 * record times where a record gave one; a meeting or participant first seen in a REST re-sync has
 * its start estimated from the reply's {@code durationSeconds}. Nullable components are null when
 * no source said them (for example a meeting whose {@code callStart} was lost).
 *
 * @param id stable id: the GUID of the first call seen for the meeting
 * @param clusterId the cluster, from the receiver URI's {@code cluster} tag
 * @param name the call name, or null
 * @param coSpace the space GUID, or null
 * @param callCorrelator the correlator shared across Call Bridges, or null
 * @param callType the call type, or null
 * @param ownerName the space owner's name ({@code callStart ownerName}, REST {@code ownerName}),
 *     or null
 * @param tenant the tenant GUID, or null
 * @param cdrTag the {@code cdrTag} the call's space or profile set, or null
 * @param locked whether the meeting is locked (Events {@code lockState}, REST {@code locked})
 * @param recording whether it is being recorded (CDR recordingStart/End, Events, REST)
 * @param streaming whether it is being streamed (CDR streamingStart/End, Events, REST)
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
    String ownerName,
    String tenant,
    String cdrTag,
    boolean locked,
    boolean recording,
    boolean streaming,
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
   * @param ownerName the space owner's name, or null
   * @param tenant the tenant GUID, or null
   * @param cdrTag the {@code cdrTag}, or null
   * @param locked whether the meeting is locked
   * @param recording whether it is being recorded
   * @param streaming whether it is being streamed
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
   * @param callBridge the Call Bridge GUID from the CDRs, or null when unclustered or not seen in a
   *     CDR
   * @param session the Call Bridge session the call was seen in, or null when not seen in a CDR
   * @param bridgeId the registered Call Bridge (mm-core {@code CallBridge.id()}) whose Events or
   *     REST API reported the call, or null when only CDRs did
   * @param ended whether the call ended
   */
  public record Call(String callId, String callBridge, String session, String bridgeId,
      boolean ended) {}

  /**
   * A participant (call leg) and its live state.
   *
   * @param callLegId the leg GUID
   * @param participantId the participant GUID (CDR {@code groupId}, REST {@code status/groupId},
   *     the Events roster's {@code participant}), or null until a source names it
   * @param callId the call the leg is in
   * @param callBridge the Call Bridge GUID, or null
   * @param displayName the name shown, or null
   * @param remoteParty the remote address (URI), or null
   * @param direction {@code incoming} or {@code outgoing}, or null
   * @param state where the participant is
   * @param joinedAt when the leg started (or was first seen)
   * @param leftAt when the leg ended, or null
   * @param lobbyIntervals the times the participant waited in the lobby, oldest first; the last
   *     one has a null end while it still waits. A {@link MeetingTracker} keeps the newest 16.
   * @param mute the mute states
   * @param layout the layout the participant sees (Events {@code layout}, REST {@code
   *     status/layout}), or null
   * @param importance the participant's importance (Events / REST {@code importance}), or null
   *     when not important
   * @param presenter whether the participant is presenting
   * @param activeSpeaker whether the participant is the active speaker
   * @param alarms the media alarms of the leg ({@code packetLoss}, {@code excessiveJitter},
   *     {@code highRoundTripTime}; CDR {@code callLegEnd}, REST {@code alarms})
   * @param endReason the {@code callLegEnd} reason, or null
   * @param duration how long the leg lasted ({@code callLegEnd durationSeconds}, else from the
   *     join and leave times), or null while active
   */
  public record Participant(
      String callLegId,
      String participantId,
      String callId,
      String callBridge,
      String displayName,
      String remoteParty,
      String direction,
      ParticipantState state,
      Instant joinedAt,
      Instant leftAt,
      List<Interval> lobbyIntervals,
      Mute mute,
      String layout,
      Long importance,
      boolean presenter,
      boolean activeSpeaker,
      List<CallLegEnd.Alarm> alarms,
      String endReason,
      Duration duration) {

    /**
     * Checks and copies the components.
     *
     * @param callLegId the leg GUID
     * @param participantId the participant GUID, or null
     * @param callId the call the leg is in
     * @param callBridge the Call Bridge GUID, or null
     * @param displayName the name shown, or null
     * @param remoteParty the remote address (URI), or null
     * @param direction {@code incoming} or {@code outgoing}, or null
     * @param state where the participant is
     * @param joinedAt when the leg started (or was first seen)
     * @param leftAt when the leg ended, or null
     * @param lobbyIntervals the times the participant waited in the lobby, oldest first
     * @param mute the mute states
     * @param layout the layout the participant sees, or null
     * @param importance the participant's importance, or null
     * @param presenter whether the participant is presenting
     * @param activeSpeaker whether the participant is the active speaker
     * @param alarms the media alarms of the leg
     * @param endReason the {@code callLegEnd} reason, or null
     * @param duration how long the leg lasted, or null while active
     */
    public Participant {
      requireNonNull(callLegId, "callLegId == null");
      requireNonNull(state, "state == null");
      requireNonNull(mute, "mute == null");
      lobbyIntervals = List.copyOf(lobbyIntervals);
      alarms = List.copyOf(alarms);
    }
  }

  /**
   * A participant's mute states as the Call Bridge applies them: {@code rx} is media the Call
   * Bridge receives from the participant (muted: the others do not hear or see them), {@code tx}
   * is media it sends to the participant. The Events roster's {@code audioMuted} / {@code
   * videoMuted} are the {@code rx} states; REST reports all four.
   *
   * @param rxAudio the participant's audio is muted for the others
   * @param txAudio the participant hears nothing
   * @param rxVideo the participant's video is muted for the others
   * @param txVideo the participant sees nothing
   */
  public record Mute(boolean rxAudio, boolean txAudio, boolean rxVideo, boolean txVideo) {
    private static final Mute[] ALL = new Mute[16];

    static {
      for (int i = 0; i < ALL.length; i++) {
        ALL[i] = new Mute((i & 8) != 0, (i & 4) != 0, (i & 2) != 0, (i & 1) != 0);
      }
    }

    /** No media muted. */
    public static final Mute NONE = ALL[0];

    /**
     * Returns the mute states, one shared instance for each of the 16 combinations (a view of many
     * participants keeps no copy of its own).
     *
     * @param rxAudio the participant's audio is muted for the others
     * @param txAudio the participant hears nothing
     * @param rxVideo the participant's video is muted for the others
     * @param txVideo the participant sees nothing
     * @return the shared instance
     */
    public static Mute of(boolean rxAudio, boolean txAudio, boolean rxVideo, boolean txVideo) {
      return ALL[(rxAudio ? 8 : 0) | (txAudio ? 4 : 0) | (rxVideo ? 2 : 0) | (txVideo ? 1 : 0)];
    }
  }

  /**
   * A time span.
   *
   * @param start when it began
   * @param end when it ended, or null while it lasts
   */
  public record Interval(Instant start, Instant end) {
    /**
     * Checks the components.
     *
     * @param start when it began
     * @param end when it ended, or null while it lasts
     */
    public Interval {
      requireNonNull(start, "start == null");
    }
  }

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
    /** The meeting's first call started (or was first seen); detail is its name, if known. */
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
    /** The meeting was locked or unlocked; detail is {@code locked} or {@code unlocked}. */
    LOCK_CHANGED,
    /**
     * A participant's live state changed (mute, layout, importance, presenter, active speaker, an
     * alarm); the change's participant has the new state. Only told to {@link MeetingListener}s:
     * the log does not keep these, as a roster changes several times a second.
     */
    PARTICIPANT_UPDATED,
    /**
     * A REST re-sync corrected the meeting (after a start or a gap on CDRs or events); detail says
     * what it changed.
     */
    RESYNCED,
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
