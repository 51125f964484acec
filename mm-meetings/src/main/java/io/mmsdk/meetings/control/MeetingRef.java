package io.mmsdk.meetings.control;

import java.util.Objects;

/**
 * A live meeting as Cisco Meeting Server names it: the Call Bridge that hosts the call and the
 * call's id there ({@code /calls/<callId>}).
 *
 * @param bridge the name the Call Bridge was registered under in {@link MeetingControls.Builder#bridge}
 * @param callId the CMS call id on that bridge
 */
public record MeetingRef(String bridge, String callId) {
  /**
   * Checks both ids are present and not blank.
   *
   * @param bridge the name the Call Bridge was registered under
   * @param callId the CMS call id on that bridge
   */
  public MeetingRef {
    requireId(bridge, "bridge");
    requireId(callId, "callId");
  }

  /**
   * {@return a participant of this meeting}
   *
   * @param participantId the CMS participant id ({@code /participants/<id>})
   */
  public ParticipantRef participant(String participantId) {
    return new ParticipantRef(this, participantId);
  }

  static void requireId(String value, String name) {
    Objects.requireNonNull(value, name + " == null");
    if (value.isBlank() || value.indexOf('/') >= 0 || value.indexOf('?') >= 0) {
      throw new InvalidControlException(name + " must be a CMS id without blanks, '/' or '?', got '" + value
          + "'; copy the id from GET /calls or /participants.");
    }
  }

  @Override
  public String toString() {
    return bridge + "/" + callId;
  }
}
