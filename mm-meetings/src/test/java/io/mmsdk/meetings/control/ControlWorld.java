package io.mmsdk.meetings.control;

import io.mmsdk.admin.access.Principal;
import io.mmsdk.admin.access.PrivilegeLevel;
import io.mmsdk.admin.access.Role;
import io.mmsdk.admin.audit.AuditEvent;
import io.mmsdk.admin.audit.AuditTrail;
import io.mmsdk.cms.CmsClient;
import io.mmsdk.cms.api.CallLegProfileParameters;
import io.mmsdk.cms.api.CallParameters;
import io.mmsdk.cms.api.CmsApi;
import io.mmsdk.cms.api.CoSpaceParameters;
import io.mmsdk.testkit.SimulatedCallBridge;
import io.mmsdk.testkit.core.CallLegInfo;
import io.mmsdk.testkit.core.SimulatedClock;
import java.util.List;
import java.util.Set;

/**
 * The meetings the control tests act on, on a real simulated Call Bridge: "Sales" (space tagged
 * {@code emea, sales} through its cdrTag, owned by {@code olga@example.com}) with Alice and Bob;
 * "Board" (tagged {@code board}) with Carol; "Lobby" (tagged {@code emea}, every caller needs
 * activation) with two guests waiting; and an ad hoc call without a space.
 */
final class ControlWorld {
  static final String BRIDGE = "cb1";

  final CmsApi api;
  final SimulatedCallBridge cb;
  final AuditTrail audit;
  final MeetingControls controls;
  final MeetingRef sales;
  final MeetingRef board;
  final MeetingRef lobby;
  final MeetingRef adHoc;
  /** A call leg profile whose callers wait in the lobby ({@code needsActivation=true}). */
  final String guestProfile;
  final CallLegInfo alice;
  final CallLegInfo bob;
  final CallLegInfo carol;
  final CallLegInfo guest1;
  final CallLegInfo guest2;

  static final Principal ADMIN = Principal.builder("ada", Role.ADMINISTRATOR).build();
  static final Principal EMEA_OPERATOR = Principal.builder("eve", Role.VIDEO_OPERATOR).tags(Set.of("emea")).build();
  static final Principal APAC_OPERATOR = Principal.builder("pat", Role.VIDEO_OPERATOR).tags(Set.of("apac")).build();
  static final Principal UNTAGGED_OPERATOR = Principal.builder("uma", Role.VIDEO_OPERATOR).build();
  /** Conference creation and limited control, not the owner of Sales: limited control there. */
  static final Principal LIMITED = Principal.builder("lim", Role.VIDEO_OPERATOR)
      .privilege(PrivilegeLevel.CONFERENCE_CREATION_AND_LIMITED_CONTROL).build();
  /** Conference creation, not the owner of Sales: no control there. */
  static final Principal CREATOR = Principal.builder("cid", Role.VIDEO_OPERATOR)
      .privilege(PrivilegeLevel.CONFERENCE_CREATION).build();
  /** Conference creation and the owner of Sales: full control there. */
  static final Principal OWNER = Principal.builder("olga@example.com", Role.VIDEO_OPERATOR)
      .privilege(PrivilegeLevel.CONFERENCE_CREATION).build();
  /** Conference list only: no control anywhere. */
  static final Principal LIST_ONLY = Principal.builder("lou", Role.VIDEO_OPERATOR)
      .privilege(PrivilegeLevel.CONFERENCE_LIST_ONLY).build();

  ControlWorld(CmsClient cms, SimulatedCallBridge cb, SimulatedClock clock) {
    this.api = cms.api();
    this.cb = cb;
    this.audit = AuditTrail.inMemory(clock);
    this.controls = MeetingControls.builder().bridge(BRIDGE, cms).audit(audit).build();
    String salesSpace = api.coSpaces().create(CoSpaceParameters.builder()
        .name("Sales").uri("sales").cdrTag("emea, sales").ownerJid("olga@example.com").build());
    String boardSpace = api.coSpaces().create(CoSpaceParameters.builder()
        .name("Board").uri("board").cdrTag("board").build());
    guestProfile = api.callLegProfiles().create(CallLegProfileParameters.builder()
        .name("guests").needsActivation(true).build());
    String lobbySpace = api.coSpaces().create(CoSpaceParameters.builder()
        .name("Lobby").uri("lobby").cdrTag("emea").callLegProfile(guestProfile).build());
    alice = cb.join(salesSpace, "alice@example.com", "Alice");
    bob = cb.join(salesSpace, "bob@example.com", "Bob");
    carol = cb.join(boardSpace, "carol@example.com", "Carol");
    guest1 = cb.dial("lobby", "guest1@example.net", "Guest 1");
    guest2 = cb.dial("lobby", "guest2@example.net", "Guest 2");
    sales = new MeetingRef(BRIDGE, alice.callId());
    board = new MeetingRef(BRIDGE, carol.callId());
    lobby = new MeetingRef(BRIDGE, guest1.callId());
    adHoc = new MeetingRef(BRIDGE, api.calls().create(CallParameters.builder().name("Ad hoc").build()));
  }

  ParticipantRef participant(CallLegInfo leg) {
    return new MeetingRef(BRIDGE, leg.callId()).participant(leg.participantId());
  }

  AuditEvent lastAudit() {
    List<AuditEvent> events = audit.events();
    return events.get(events.size() - 1);
  }
}
