package io.mmsdk.meetings.control;

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

  @Override
  public String toString() {
    return meeting + "/participants/" + participantId;
  }
}
