package io.mmsdk.meetings.control;

import io.mmsdk.cms.api.CallLeg;
import io.mmsdk.cms.api.CallLegParameters;
import io.mmsdk.cms.api.CallParameters;
import io.mmsdk.cms.api.CmsApi;
import io.mmsdk.cms.api.Participant;
import io.mmsdk.cms.api.ParticipantAllParameters;
import io.mmsdk.cms.api.ParticipantParameters;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The CMS requests of each control, sent once access has been granted. CMS refusals come back as
 * the client's typed exceptions and are passed through.
 */
final class ControlSender {
  private final Function<MeetingRef, CmsApi> apis;

  ControlSender(Function<MeetingRef, CmsApi> apis) {
    this.apis = apis;
  }

  /** Sends {@code control}; {@code legs} are the participant's call legs for participant controls. */
  ControlResult send(Control<?> control, List<String> legs) {
    MeetingRef meeting = control.meeting();
    CmsApi api = apis.apply(meeting);
    String callId = meeting.callId();
    if (control instanceof ParticipantControl.SetAudioMuted c) {
      return eachLeg(api, c.participant(), legs, CallLegParameters.builder().rxAudioMute(String.valueOf(c.muted())).build());
    }
    if (control instanceof ParticipantControl.SetVideoMuted c) {
      return eachLeg(api, c.participant(), legs, CallLegParameters.builder().rxVideoMute(String.valueOf(c.muted())).build());
    }
    if (control instanceof ParticipantControl.SetParticipantLayout c) {
      return eachLeg(api, c.participant(), legs, CallLegParameters.builder().chosenLayout(c.layout()).build());
    }
    if (control instanceof MeetingControl.SetAllAudioMuted c) {
      api.callParticipants(callId).updateAll(ParticipantAllParameters.builder()
          .rxAudioMute(c.muted()).build());
      return new ControlResult.MeetingChanged(meeting);
    }
    if (control instanceof MeetingControl.SetAllVideoMuted c) {
      api.callParticipants(callId).updateAll(ParticipantAllParameters.builder()
          .rxVideoMute(c.muted()).build());
      return new ControlResult.MeetingChanged(meeting);
    }
    if (control instanceof MeetingControl.SetMeetingLayout c) {
      api.callParticipants(callId).updateAll(ParticipantAllParameters.builder()
          .layout(c.layout()).build());
      return new ControlResult.MeetingChanged(meeting);
    }
    if (control instanceof ParticipantControl.SetImportant c) {
      ParticipantParameters.Builder p = ParticipantParameters.builder();
      api.participants().update(c.participant().participantId(),
          (c.important() ? p.importance(1) : p.unsetImportance()).build());
      return new ControlResult.ParticipantChanged(c.participant(), List.of());
    }
    if (control instanceof MeetingControl.SetLocked c) {
      api.calls().update(callId, CallParameters.builder().locked(c.locked()).build());
      return new ControlResult.MeetingChanged(meeting);
    }
    if (control instanceof MeetingControl.SetRecording c) {
      api.calls().update(callId, CallParameters.builder().recording(c.recording()).build());
      return new ControlResult.MeetingChanged(meeting);
    }
    if (control instanceof MeetingControl.SetStreaming c) {
      api.calls().update(callId, CallParameters.builder().streaming(c.streaming()).build());
      return new ControlResult.MeetingChanged(meeting);
    }
    if (control instanceof ParticipantControl.Admit c) {
      admit(api, c.participant().participantId());
      return new ControlResult.Admitted(meeting, List.of(c.participant()));
    }
    if (control instanceof MeetingControl.AdmitAll) {
      return admitAll(api, meeting);
    }
    if (control instanceof MeetingControl.AddParticipant c) {
      ParticipantParameters.Builder p = ParticipantParameters.builder().remoteParty(c.address());
      c.findCallLegProfile().ifPresent(p::callLegProfile);
      String id = api.callParticipants(callId).create(p.build());
      return new ControlResult.ParticipantAdded(meeting.participant(id));
    }
    if (control instanceof ParticipantControl.Disconnect c) {
      for (String leg : legs) {
        api.callLegs().delete(leg);
      }
      return new ControlResult.Disconnected(c.participant(), legs);
    }
    if (control instanceof ParticipantControl.Move c) {
      CmsApi target = apis.apply(c.target());
      String id = target.callParticipants(c.target().callId()).create(ParticipantParameters.builder()
          .movedParticipant(c.participant().participantId()).build());
      return new ControlResult.Moved(c.participant(), c.target().participant(id));
    }
    if (control instanceof MeetingControl.SendMessage c) {
      api.calls().update(callId, CallParameters.builder()
          .messageText(c.text())
          .messagePosition(c.position())
          .messageDuration(c.isPermanent() ? "permanent" : String.valueOf(c.shownFor().toSeconds()))
          .build());
      return new ControlResult.MeetingChanged(meeting);
    }
    MeetingControl.EndMeeting c = (MeetingControl.EndMeeting) control;
    api.calls().delete(callId);
    return new ControlResult.MeetingEnded(c.meeting());
  }

  private static ControlResult eachLeg(CmsApi api, ParticipantRef participant, List<String> legs,
      CallLegParameters parameters) {
    for (String leg : legs) {
      api.callLegs().update(leg, parameters);
    }
    return new ControlResult.ParticipantChanged(participant, legs);
  }

  private static void admit(CmsApi api, String participantId) {
    api.participants().update(participantId, ParticipantParameters.builder().deactivated(false).build());
  }

  private static ControlResult admitAll(CmsApi api, MeetingRef meeting) {
    List<ParticipantRef> admitted = new ArrayList<>();
    for (Participant p : api.callParticipants(meeting.callId()).list()) {
      if (inLobby(api, p.id())) {
        admit(api, p.id());
        admitted.add(meeting.participant(p.id()));
      }
    }
    return new ControlResult.Admitted(meeting, admitted);
  }

  /** {@return true when one of the participant's call legs waits for activation} */
  static boolean inLobby(CmsApi api, String participantId) {
    for (CallLeg leg : api.participantCallLegs(participantId).list()) {
      if (api.callLegs().get(leg.id()).statusDeactivated().orElse(false)) {
        return true;
      }
    }
    return false;
  }
}
