package io.mmsdk.meetings.control;

import io.mmsdk.meetings.Meeting;
import java.util.Objects;

/**
 * A participant of a live meeting, by its CMS participant id ({@code /participants/<id>}). A
 * participant has one or more call legs; controls that act on legs (mute, layout, disconnect)
 * act on all of them.
 *
 * @param meeting the meeting the participant is in
 * @param participantId the CMS participant id
 */
public record ParticipantRef(MeetingRef meeting, String participantId) {
  /**
   * Checks both parts are present.
   *
   * @param meeting the meeting the participant is in
   * @param participantId the CMS participant id
   */
  public ParticipantRef {
    Objects.requireNonNull(meeting, "meeting == null");
    MeetingRef.requireId(participantId, "participantId");
  }

  /**
   * Returns a participant the live view reports, in the call of {@code meeting} that holds it.
   *
   * @param meeting the meeting from {@link io.mmsdk.meetings.MeetingTracker}
   * @param participant one of its participants
   * @return the participant
   * @throws InvalidControlException if the view does not know the participant's id or Call Bridge
   *     yet (see {@link MeetingRef#of})
   */
  public static ParticipantRef of(Meeting meeting, Meeting.Participant participant) {
    Objects.requireNonNull(meeting, "meeting == null");
    Objects.requireNonNull(participant, "participant == null");
    if (participant.participantId() == null) {
      throw new InvalidControlException("The live view does not know the participant id of call leg "
          + participant.callLegId() + " yet; wait for its Events or a re-sync.");
    }
    Meeting.Call call = meeting.calls().stream().filter(c -> c.callId().equals(participant.callId())).findFirst()
        .orElseThrow(() -> new InvalidControlException("Call leg " + participant.callLegId() + " is in call "
            + participant.callId() + ", which is not a call of meeting " + meeting.id() + "; pass its own meeting."));
    return MeetingRef.of(call).participant(participant.participantId());
  }

  @Override
  public String toString() {
    return meeting + "/participants/" + participantId;
  }
}
