package io.mmsdk.meetings.control;

import static io.mmsdk.meetings.control.ControlWorld.ADMIN;
import static io.mmsdk.meetings.control.ControlWorld.EMEA_OPERATOR;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mmsdk.admin.audit.AuditEvent;
import io.mmsdk.cms.CmsClient;
import io.mmsdk.cms.CmsNotFoundException;
import io.mmsdk.cms.CmsServiceException;
import io.mmsdk.cms.FailureReason;
import io.mmsdk.cms.api.Layout;
import io.mmsdk.testkit.SimulatedCallBridge;
import io.mmsdk.testkit.core.SimulatedClock;
import io.mmsdk.testkit.junit5.SimulatedClusterExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What the Call Bridge refuses comes back as cms-api-client's typed exception, unchanged, and is
 * audited as failed with the CMS reason.
 */
@ExtendWith(SimulatedClusterExtension.class)
class ControlCmsFailureTest {
  private ControlWorld w;

  @BeforeEach
  void world(CmsClient cms, SimulatedCallBridge cb, SimulatedClock clock) {
    w = new ControlWorld(cms, cb, clock);
  }

  private void assertFailureAudited(String action, String contains) {
    AuditEvent e = w.lastAudit();
    assertEquals(action, e.action());
    assertTrue(e.detail().startsWith("outcome: failed; ") && e.detail().contains(contains), e.detail());
  }

  @Test
  void endedMeeting_callDoesNotExist_passedThroughAndAudited() {
    w.cb.endCall(w.sales.callId());
    CmsNotFoundException e = assertThrows(CmsNotFoundException.class,
        () -> w.controls.execute(EMEA_OPERATOR, new MeetingControl.SetLocked(w.sales, true)));
    assertEquals(FailureReason.CALL_DOES_NOT_EXIST, e.findFailureReason().orElseThrow());
    assertFailureAudited("meeting.lock", "callDoesNotExist");
  }

  @Test
  void participantWhoLeft_notFoundPassedThrough() {
    w.cb.leave(w.bob.id());
    assertThrows(CmsNotFoundException.class,
        () -> w.controls.execute(EMEA_OPERATOR, new ParticipantControl.Disconnect(w.participant(w.bob))));
    assertFailureAudited("meeting.disconnect", "CmsNotFoundException");
  }

  @Test
  void recordingRefusedByTheBridge_reasonKeptAndNothingChanged() {
    w.cb.cluster().setLicenseFeature("recording", "expired", "2026-Jan-01");
    CmsServiceException e = assertThrows(CmsServiceException.class,
        () -> w.controls.execute(ADMIN, new MeetingControl.SetRecording(w.sales, true)));
    assertEquals("recordingNotAllowedByLicensing", e.rawFailureReason());
    assertFalse(w.api.calls().get(w.sales.callId()).recording().orElseThrow());
    assertFailureAudited("meeting.start-recording", "recordingNotAllowedByLicensing");
    assertTrue(w.lastAudit().detail().contains("shares tag") || w.lastAudit().detail().contains("administrator"),
        "the failure keeps the access reasons: " + w.lastAudit().detail());
  }

  @Test
  void legEndedBetweenCheckAndPut_callLegDoesNotExist() {
    w.cb.faults().failNextWithReason("PUT", "callLegs/*", 1, "callLegDoesNotExist");
    CmsNotFoundException e = assertThrows(CmsNotFoundException.class, () -> w.controls.execute(EMEA_OPERATOR,
        new ParticipantControl.SetParticipantLayout(w.participant(w.alice), Layout.STACKED)));
    assertEquals(FailureReason.CALL_LEG_DOES_NOT_EXIST, e.findFailureReason().orElseThrow());
    assertFailureAudited("meeting.set-participant-layout", "callLegDoesNotExist");
  }

  @Test
  void dialOutWithUnknownProfile_callLegProfileDoesNotExist() {
    CmsServiceException e = assertThrows(CmsServiceException.class, () -> w.controls.execute(EMEA_OPERATOR,
        MeetingControl.AddParticipant.dial(w.sales, "dave@example.com").withCallLegProfile("00000000-0000-0000-0000-000000000000")));
    assertEquals(FailureReason.CALL_LEG_PROFILE_DOES_NOT_EXIST, e.findFailureReason().orElseThrow());
    assertEquals(2, w.api.callParticipants(w.sales.callId()).list().stream().count());
    assertFailureAudited("meeting.add-participant", "callLegProfileDoesNotExist");
  }

  @Test
  void moveOfAParticipantWhoLeft_refusedByTheBridge() {
    String bob = w.bob.participantId();
    w.cb.faults().failNextWithReason("POST", "calls/*/participants", 1, "participantLimitReached");
    CmsServiceException e = assertThrows(CmsServiceException.class,
        () -> w.controls.execute(ControlWorld.ADMIN, new ParticipantControl.Move(w.sales.participant(bob), w.board)));
    assertEquals(FailureReason.PARTICIPANT_LIMIT_REACHED, e.findFailureReason().orElseThrow());
    assertFailureAudited("meeting.move", "participantLimitReached");
  }

  @Test
  void dialOutRefused_participantLimitReached() {
    w.cb.faults().failNextWithReason("POST", "calls/*/participants", 1, "participantLimitReached");
    CmsServiceException e = assertThrows(CmsServiceException.class,
        () -> w.controls.execute(EMEA_OPERATOR, MeetingControl.AddParticipant.dial(w.sales, "dave@example.com")));
    assertEquals(FailureReason.PARTICIPANT_LIMIT_REACHED, e.findFailureReason().orElseThrow());
    assertEquals(2, w.api.callParticipants(w.sales.callId()).list().stream().count());
    assertFailureAudited("meeting.add-participant", "participantLimitReached");
  }
}
