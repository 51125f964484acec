package io.mmsdk.meetings.control;

import static io.mmsdk.meetings.control.ControlWorld.ADMIN;
import static io.mmsdk.meetings.control.ControlWorld.EMEA_OPERATOR;
import static io.mmsdk.meetings.control.ControlWorld.OWNER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mmsdk.admin.audit.AuditEvent;
import io.mmsdk.cms.CmsClient;
import io.mmsdk.cms.api.CallLeg;
import io.mmsdk.cms.api.Layout;
import io.mmsdk.cms.api.MessagePosition;
import io.mmsdk.cms.api.Participant;
import io.mmsdk.testkit.SimulatedCallBridge;
import io.mmsdk.testkit.core.CallLegInfo;
import io.mmsdk.testkit.core.SimulatedClock;
import io.mmsdk.testkit.junit5.SimulatedClusterExtension;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every control, allowed, against the simulated Call Bridge: the state change is checked through
 * the REST API (GET) afterwards, and the success is audited.
 */
@ExtendWith(SimulatedClusterExtension.class)
class ControlsAllowedTest {
  private ControlWorld w;

  @BeforeEach
  void world(CmsClient cms, SimulatedCallBridge cb, SimulatedClock clock) {
    w = new ControlWorld(cms, cb, clock);
  }

  private CallLeg leg(CallLegInfo info) {
    return w.api.callLegs().get(info.id());
  }

  private String importance(ParticipantRef p) {
    return w.api.participants().get(p.participantId()).raw().findText("configuration/importance").orElse("");
  }

  @Test
  void lock_taggedOperator_lockedOnGetAndAudited() {
    ControlResult.MeetingChanged r = w.controls.execute(EMEA_OPERATOR, new MeetingControl.SetLocked(w.sales, true));
    assertEquals(w.sales, r.meeting());
    assertEquals(true, w.api.calls().get(w.sales.callId()).locked().orElseThrow());
    AuditEvent e = w.lastAudit();
    assertEquals("eve", e.actor());
    assertEquals("meeting.lock", e.action());
    assertEquals("cb1/" + w.sales.callId(), e.target());
    assertTrue(e.detail().startsWith("outcome: succeeded; "), e.detail());
    assertTrue(e.detail().contains("shares tag(s) [emea]"), e.detail());

    w.controls.execute(EMEA_OPERATOR, new MeetingControl.SetLocked(w.sales, false));
    assertEquals(false, w.api.calls().get(w.sales.callId()).locked().orElseThrow());
    assertEquals("meeting.unlock", w.lastAudit().action());
  }

  @Test
  void recording_startThenStop_onGet() {
    w.controls.execute(ADMIN, new MeetingControl.SetRecording(w.sales, true));
    assertEquals(true, w.api.calls().get(w.sales.callId()).recording().orElseThrow());
    w.controls.execute(ADMIN, new MeetingControl.SetRecording(w.sales, false));
    assertEquals(false, w.api.calls().get(w.sales.callId()).recording().orElseThrow());
    assertEquals("meeting.stop-recording", w.lastAudit().action());
  }

  @Test
  void streaming_startThenStop_onGet() {
    w.controls.execute(OWNER, new MeetingControl.SetStreaming(w.sales, true));
    assertEquals(true, w.api.calls().get(w.sales.callId()).streaming().orElseThrow());
    w.controls.execute(OWNER, new MeetingControl.SetStreaming(w.sales, false));
    assertEquals(false, w.api.calls().get(w.sales.callId()).streaming().orElseThrow());
  }

  @Test
  void admit_oneGuest_leavesTheOtherInTheLobby() {
    assertTrue(leg(w.guest1).statusDeactivated().orElseThrow());
    ControlResult.Admitted r = w.controls.execute(EMEA_OPERATOR, new ParticipantControl.Admit(w.participant(w.guest1)));
    assertEquals(List.of(w.participant(w.guest1)), r.admitted());
    assertFalse(leg(w.guest1).statusDeactivated().orElseThrow());
    assertTrue(leg(w.guest2).statusDeactivated().orElseThrow());
  }

  @Test
  void admitAll_admitsEveryoneWaiting_thenNobody() {
    ControlResult.Admitted r = w.controls.execute(EMEA_OPERATOR, new MeetingControl.AdmitAll(w.lobby));
    assertEquals(Set.of(w.participant(w.guest1), w.participant(w.guest2)), Set.copyOf(r.admitted()));
    assertFalse(leg(w.guest1).statusDeactivated().orElseThrow());
    assertFalse(leg(w.guest2).statusDeactivated().orElseThrow());
    assertEquals(List.of(), w.controls.execute(EMEA_OPERATOR, new MeetingControl.AdmitAll(w.lobby)).admitted());
  }

  @Test
  void participantLayout_setOnEveryLegOfTheParticipant() {
    ControlResult.ParticipantChanged r = w.controls.execute(EMEA_OPERATOR,
        new ParticipantControl.SetParticipantLayout(w.participant(w.alice), Layout.SPEAKER_ONLY));
    assertEquals(List.of(w.alice.id()), r.callLegIds());
    assertEquals(Layout.SPEAKER_ONLY, leg(w.alice).configurationChosenLayout().orElseThrow());
    assertTrue(leg(w.bob).configurationChosenLayout().isEmpty());
  }

  @Test
  void disconnect_endsTheLegWithApiInitiatedTeardown() {
    ControlResult.Disconnected r = w.controls.execute(EMEA_OPERATOR, new ParticipantControl.Disconnect(w.participant(w.bob)));
    assertEquals(List.of(w.bob.id()), r.callLegIds());
    assertEquals("apiInitiatedTeardown", w.cb.findCallLeg(w.bob.id()).orElseThrow().findEndReason().orElseThrow());
    assertTrue(w.api.callLegs().find(w.bob.id()).isEmpty());
    assertTrue(w.api.callLegs().find(w.alice.id()).isPresent());
  }

  @Test
  void addParticipant_dialsOut_participantAppearsOnGet() {
    ControlResult.ParticipantAdded r = w.controls.execute(EMEA_OPERATOR,
        MeetingControl.AddParticipant.dial(w.sales, "dave@example.com"));
    assertEquals(w.sales, r.participant().meeting());
    Participant p = w.api.participants().get(r.participant().participantId());
    assertEquals(w.sales.callId(), p.call().orElseThrow());
    List<String> remotes = w.api.participantCallLegs(p.id()).list().stream()
        .map(l -> w.api.callLegs().get(l.id()).remoteParty().orElse("")).toList();
    assertEquals(List.of("dave@example.com"), remotes);
    assertTrue(w.lastAudit().detail().contains("dave@example.com"), w.lastAudit().detail());
  }

  @Test
  void addParticipant_withCallLegProfile_theProfileApplies() {
    // Sales is locked, so a caller who needs activation waits in the lobby even with activators in.
    w.controls.execute(EMEA_OPERATOR, new MeetingControl.SetLocked(w.sales, true));
    ControlResult.ParticipantAdded guest = w.controls.execute(EMEA_OPERATOR,
        MeetingControl.AddParticipant.dial(w.sales, "guest3@example.net").withCallLegProfile(w.guestProfile));
    ControlResult.ParticipantAdded member = w.controls.execute(EMEA_OPERATOR,
        MeetingControl.AddParticipant.dial(w.sales, "dave@example.com"));
    w.cb.cluster().clock().advance(Duration.ofSeconds(1));   // unscripted endpoints answer
    assertTrue(firstLeg(guest.participant()).statusDeactivated().orElseThrow(), "needsActivation profile: lobby");
    assertFalse(firstLeg(member.participant()).statusDeactivated().orElseThrow(), "default profile: in the call");
  }

  private CallLeg firstLeg(ParticipantRef p) {
    return w.api.callLegs().get(w.api.participantCallLegs(p.participantId()).list().first().id());
  }

  @Test
  void end_callGoneOnGet() {
    ControlResult.MeetingEnded r = w.controls.execute(OWNER, new MeetingControl.EndMeeting(w.sales));
    assertEquals(w.sales, r.meeting());
    assertTrue(w.api.calls().find(w.sales.callId()).isEmpty());
    assertTrue(w.api.calls().find(w.board.callId()).isPresent());
  }

  @Test
  void adHocCall_untaggedOperatorAndAdmin_mayControlIt() {
    w.controls.execute(ControlWorld.UNTAGGED_OPERATOR, new MeetingControl.SetLocked(w.adHoc, true));
    assertEquals(true, w.api.calls().get(w.adHoc.callId()).locked().orElseThrow());
    w.controls.execute(ADMIN, new MeetingControl.EndMeeting(w.adHoc));
    assertTrue(w.api.calls().find(w.adHoc.callId()).isEmpty());
  }

  @Test
  void muteAudio_participant_rxAudioMuteOnGet() {
    w.controls.execute(EMEA_OPERATOR, new ParticipantControl.SetAudioMuted(w.participant(w.alice), true));
    assertEquals("true", leg(w.alice).configurationRxAudioMute().orElseThrow());
    assertTrue(leg(w.bob).configurationRxAudioMute().isEmpty());
    w.controls.execute(EMEA_OPERATOR, new ParticipantControl.SetAudioMuted(w.participant(w.alice), false));
    assertEquals("false", leg(w.alice).configurationRxAudioMute().orElseThrow());
  }

  @Test
  void muteVideo_participant_rxVideoMuteOnGet() {
    w.controls.execute(EMEA_OPERATOR, new ParticipantControl.SetVideoMuted(w.participant(w.alice), true));
    assertEquals("true", leg(w.alice).configurationRxVideoMute().orElseThrow());
    w.controls.execute(EMEA_OPERATOR, new ParticipantControl.SetVideoMuted(w.participant(w.alice), false));
    assertEquals("false", leg(w.alice).configurationRxVideoMute().orElseThrow());
  }

  @Test
  void muteAll_audioAndVideo_everyLegOnGet() {
    w.controls.execute(ADMIN, new MeetingControl.SetAllAudioMuted(w.sales, true));
    w.controls.execute(ADMIN, new MeetingControl.SetAllVideoMuted(w.sales, true));
    for (CallLegInfo l : List.of(w.alice, w.bob)) {
      assertEquals("true", leg(l).configurationRxAudioMute().orElseThrow());
      assertEquals("true", leg(l).configurationRxVideoMute().orElseThrow());
    }
    assertTrue(leg(w.carol).configurationRxAudioMute().isEmpty());
    w.controls.execute(ADMIN, new MeetingControl.SetAllAudioMuted(w.sales, false));
    assertEquals("false", leg(w.alice).configurationRxAudioMute().orElseThrow());
  }

  @Test
  void meetingLayout_everyLegOnGet() {
    w.controls.execute(ADMIN, new MeetingControl.SetMeetingLayout(w.sales, Layout.ONE_PLUS_FIVE));
    for (CallLegInfo l : List.of(w.alice, w.bob)) {
      assertEquals("onePlusFive", leg(l).statusLayoutAsString().orElseThrow());
    }
  }

  @Test
  void important_setThenClear_onGet() {
    ParticipantRef alice = w.participant(w.alice);
    w.controls.execute(EMEA_OPERATOR, new ParticipantControl.SetImportant(alice, true));
    // The blueprint nests it as configuration/importance; the API model's importance() reads a
    // top-level element, so the test reads the raw reply.
    assertEquals("1", importance(alice));
    assertEquals("", importance(w.participant(w.bob)));
    w.controls.execute(EMEA_OPERATOR, new ParticipantControl.SetImportant(alice, false));
    assertEquals("", importance(alice));
  }

  @Test
  void message_toAll_onGet() {
    w.controls.execute(ADMIN, MeetingControl.SendMessage.showFor(w.sales, "Break in 5 minutes", MessagePosition.TOP,
        Duration.ofSeconds(30)));
    var call = w.api.calls().get(w.sales.callId());
    assertEquals("Break in 5 minutes", call.messageText().orElseThrow());
    assertEquals(MessagePosition.TOP, call.messagePosition().orElseThrow());
    assertEquals("30", call.messageDuration().orElseThrow());
    w.controls.execute(ADMIN, MeetingControl.SendMessage.permanent(w.sales, "Recorded", MessagePosition.BOTTOM));
    assertEquals("permanent", w.api.calls().get(w.sales.callId()).messageDuration().orElseThrow());
  }

  @Test
  void move_participantToAnotherMeeting_onGet() {
    ControlResult.Moved r = w.controls.execute(ADMIN, new ParticipantControl.Move(w.participant(w.bob), w.board));
    Participant moved = w.api.participants().get(r.to().participantId());
    assertEquals(w.board.callId(), moved.call().orElseThrow());
    assertEquals(w.bob.participantId(), moved.movedParticipant().orElseThrow());
    Set<String> salesNames = w.api.callParticipants(w.sales.callId()).list().stream()
        .map(p -> p.name().orElse("")).collect(Collectors.toSet());
    assertEquals(Set.of("Alice"), salesNames);
  }
}
