package io.mmsdk.meetings;

import static java.util.Objects.requireNonNull;

/**
 * One change to a meeting, as told to a {@link MeetingListener}: the log entry that describes it
 * and what a listener needs to route it, not a copy of the meeting. Call {@link
 * MeetingTracker#findMeeting(String)} for the whole meeting (calls, participants, log).
 *
 * @param meetingId the meeting's id ({@link Meeting#id()})
 * @param clusterId the cluster, from the receiver URI's {@code cluster} tag
 * @param name the call name as known at the change, or null
 * @param coSpace the space GUID as known at the change, or null
 * @param state the meeting's state after the change
 * @param entry what happened: the entry the change added to the meeting's log (for {@link
 *     Meeting.LogKind#MEETING_MERGED}, an entry no log keeps)
 * @param participant the participant the entry is about, as it is after the change, or null when
 *     the entry is about the meeting, a call, a recording or streaming
 */
public record MeetingChange(
    String meetingId,
    String clusterId,
    String name,
    String coSpace,
    Meeting.State state,
    Meeting.LogEntry entry,
    Meeting.Participant participant) {

  /**
   * Checks the components.
   *
   * @param meetingId the meeting's id ({@link Meeting#id()})
   * @param clusterId the cluster, from the receiver URI's {@code cluster} tag
   * @param name the call name as known at the change, or null
   * @param coSpace the space GUID as known at the change, or null
   * @param state the meeting's state after the change
   * @param entry what happened: the entry the change added to the meeting's log (for {@link Meeting.LogKind#MEETING_MERGED}, an entry no log keeps)
   * @param participant the participant the entry is about, as it is after the change, or null when the entry is about the meeting, a call, a recording or streaming
   */
  public MeetingChange {
    requireNonNull(meetingId, "meetingId == null");
    requireNonNull(clusterId, "clusterId == null");
    requireNonNull(state, "state == null");
    requireNonNull(entry, "entry == null");
  }
}
