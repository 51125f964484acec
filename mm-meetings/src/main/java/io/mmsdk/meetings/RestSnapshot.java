package io.mmsdk.meetings;

import io.mmsdk.cdr.CallLegEnd;
import io.mmsdk.meetings.Meeting.Mute;
import java.util.List;

/**
 * What a REST re-sync read from the Call Bridges of one cluster: every active call with its call
 * legs. Built by {@link LiveMeetings}, applied by {@link MeetingTracker#resync}.
 */
final class RestSnapshot {
  private RestSnapshot() {}

  /**
   * One active call ({@code GET /calls/<id>}).
   *
   * @param bridgeId the registered Call Bridge that listed it
   * @param callId the call GUID
   * @param name the call name, or null
   * @param coSpace the space GUID, or null
   * @param correlator the {@code callCorrelator}, or null
   * @param callType the call type, or null
   * @param tenant the tenant GUID, or null
   * @param ownerName the owner's name, or null
   * @param locked whether locked, or null if not reported
   * @param recording whether recording, or null if not reported
   * @param streaming whether streaming, or null if not reported
   * @param durationSeconds how long the call has run, or null
   * @param legs its call legs
   */
  record Call(String bridgeId, String callId, String name, String coSpace, String correlator,
      String callType, String tenant, String ownerName, Boolean locked, Boolean recording,
      Boolean streaming, Long durationSeconds, List<Leg> legs) {
    Call {
      legs = List.copyOf(legs);
    }
  }

  /**
   * One call leg ({@code GET /callLegs/<id>}).
   *
   * @param legId the call leg GUID
   * @param participantId {@code status/groupId}, or null
   * @param name the name, or null
   * @param remoteParty the remote address, or null
   * @param direction the direction, or null
   * @param link whether it is a link between Call Bridges ({@code subType distributionLink})
   * @param state {@code status/state}, or null
   * @param deactivated {@code status/deactivated}, or null
   * @param durationSeconds {@code status/durationSeconds}, or null
   * @param mute the configured mute states, or null if the reply has none
   * @param layout {@code status/layout}, or null
   * @param alarms the leg's alarms
   */
  record Leg(String legId, String participantId, String name, String remoteParty,
      String direction, boolean link, String state, Boolean deactivated, Long durationSeconds,
      Mute mute, String layout, List<CallLegEnd.Alarm> alarms) {
    Leg {
      alarms = List.copyOf(alarms);
    }
  }
}
