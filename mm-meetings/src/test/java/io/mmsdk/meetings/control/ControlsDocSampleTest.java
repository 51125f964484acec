package io.mmsdk.meetings.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mmsdk.admin.access.Principal;
import io.mmsdk.admin.access.Role;
import io.mmsdk.admin.audit.AuditTrail;
import io.mmsdk.cms.CmsClient;
import io.mmsdk.cms.api.CallLegProfileParameters;
import io.mmsdk.cms.api.CoSpaceParameters;
import io.mmsdk.testkit.SimulatedCallBridge;
import io.mmsdk.testkit.core.CallLegInfo;
import io.mmsdk.testkit.core.SimulatedClock;
import io.mmsdk.testkit.junit5.SimulatedClusterExtension;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The sample of docs/mm-meetings.md, "Controls", run against the simulator. */
@ExtendWith(SimulatedClusterExtension.class)
class ControlsDocSampleTest {
  @Test
  void controlsSample_runs(CmsClient cms, SimulatedCallBridge cb, SimulatedClock clock) {
    String space = cms.api().coSpaces().create(CoSpaceParameters.builder().name("Sales").uri("sales").cdrTag("emea").build());
    CallLegInfo alice = cb.join(space, "alice@example.com", "Alice");
    String callId = alice.callId();
    String participantId = alice.participantId();
    String profileId = cms.api().callLegProfiles().create(CallLegProfileParameters.builder().name("guest").build());
    AuditTrail auditTrail = AuditTrail.inMemory(clock);

    // --- docs/mm-meetings.md, "Controls"
    MeetingControls controls = MeetingControls.builder()
        .bridge("cb1", cms)                      // one CmsClient per Call Bridge, by your name for it
        .audit(auditTrail)                       // mm-core AuditTrail (any AuditHook)
        .build();
    Principal eve = Principal.builder("eve", Role.VIDEO_OPERATOR).tags(Set.of("emea")).build();
    MeetingRef sales = new MeetingRef("cb1", callId);
    controls.execute(eve, new MeetingControl.SetLocked(sales, true));
    ControlResult.ParticipantChanged muted =
        controls.execute(eve, new ParticipantControl.SetAudioMuted(sales.participant(participantId), true));
    ControlResult.ParticipantAdded added =
        controls.execute(eve, MeetingControl.AddParticipant.dial(sales, "bob@example.com").withCallLegProfile(profileId));
    List<MeetingScope> visible = controls.meetings(eve);      // the live meetings eve may see
    List<RosterEntry> roster = controls.roster(eve, sales);   // names, addresses, states, lobby
    // ---

    assertEquals(List.of(alice.id()), muted.callLegIds());
    assertEquals(sales, added.participant().meeting());
    assertEquals(List.of(sales), visible.stream().map(MeetingScope::meeting).toList());
    assertEquals(2, roster.size());
    assertTrue(cms.api().calls().get(callId).locked().orElseThrow());
    assertEquals(3, auditTrail.events().size());
  }
}
