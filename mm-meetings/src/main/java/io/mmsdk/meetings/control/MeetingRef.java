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
    requireId(callId, "call id");
  }

  /**
   * Returns the meeting of a call the live view ({@link io.mmsdk.meetings.MeetingTracker}) reports.
   * The bridge is the registered Call Bridge's id ({@code CallBridge.id()}), so register the
   * bridges in {@link MeetingControls.Builder#bridge} under those ids.
   *
   * @param call a call of a {@link io.mmsdk.meetings.Meeting}
   * @return the meeting on that call's Call Bridge
   * @throws InvalidControlException if the view has seen the call only in CDRs, so does not know
   *     which registered Call Bridge hosts it yet
   */
  public static MeetingRef of(io.mmsdk.meetings.Meeting.Call call) {
    Objects.requireNonNull(call, "call == null");
    if (call.bridgeId() == null) {
      throw new InvalidControlException("The live view has seen call " + call.callId()
          + " only in CDRs and does not know its Call Bridge yet; wait for its Events or a re-sync, or name the bridge.");
    }
    return new MeetingRef(call.bridgeId(), call.callId());
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
