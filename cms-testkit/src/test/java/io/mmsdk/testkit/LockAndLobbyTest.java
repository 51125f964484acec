package io.mmsdk.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mmsdk.testkit.core.CallLegInfo;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Lock and unlock, admitting from the lobby one by one, and moving back to the lobby. */
class LockAndLobbyTest {
  private final ControlsFixture f = new ControlsFixture();

  @BeforeEach
  void guestAccess() {
    String guest = f.api.post("callLegProfiles", "needsActivation", "true").idFromLocation();
    f.api.post("coSpaces/" + f.space + "/accessMethods", "uri", "board.guest",
        "callLegProfile", guest);
  }

  @AfterEach
  void stop() {
    f.close();
  }

  @Test
  void admit_oneGuest_leavesLobbyWithCdrAndActivatedDurationFromAdmission() {
    CallLegInfo guest = f.bridge.dial("board.guest", "guest@example.com", "Guest");
    assertTrue(guest.deactivated());
    assertEquals("true", f.api.get("callLegs/" + guest.id()).text("deactivated"));
    assertEquals("false", f.api.get("participants/" + guest.participantId()).text("isActivator"));
    f.cms.clock().advance(Duration.ofSeconds(10));

    assertEquals(200, f.api.put("participants/" + guest.participantId(), "deactivated", "false")
        .code());

    assertEquals("false", f.api.get("callLegs/" + guest.id()).text("deactivated"));
    assertFalse(f.bridge.findCallLeg(guest.id()).orElseThrow().deactivated());
    String update = f.lastCdr("callLegUpdate", guest.id());
    assertTrue(update.contains("<deactivated>false</deactivated>"), update);
    f.cms.clock().advance(Duration.ofSeconds(20));
    f.bridge.leave(guest.id());
    String end = f.lastCdr("callLegEnd", guest.id());
    assertTrue(end.contains("<durationSeconds>30</durationSeconds>")
        && end.contains("<activatedDuration>20</activatedDuration>"), end);
  }

  @Test
  void admitAll_isOnePutPerLobbyParticipant_andMoveBackToLobbyWorks() {
    CallLegInfo one = f.bridge.dial("board.guest", "one@example.com", "One");
    CallLegInfo two = f.bridge.dial("board.guest", "two@example.com", "Two");
    for (CallLegInfo g : new CallLegInfo[] {one, two}) {
      f.api.put("callLegs/" + g.id(), "deactivated", "false");
    }
    assertEquals("false", f.api.get("callLegs/" + one.id()).text("deactivated"));
    assertEquals("false", f.api.get("callLegs/" + two.id()).text("deactivated"));

    f.api.put("participants/" + two.participantId(), "deactivated", "true");
    assertEquals("true", f.api.get("callLegs/" + two.id()).text("deactivated"));
    assertTrue(f.lastCdr("callLegUpdate", two.id()).contains("<deactivated>true</deactivated>"));

    Http.Reply bad = f.api.put("participants/" + one.participantId(), "deactivated", "maybe");
    assertEquals(400, bad.code());
    assertEquals("deactivated", ControlsFixture.attribute(bad.body(), "parameterError", "parameter"));
  }

  @Test
  void lock_keepsNewGuestsInLobbyDespiteHost_unlockActivatesThem() {
    CallLegInfo host = f.bridge.dial("board", "host@example.com", "Host");
    f.subscribe(host.callId());

    assertEquals(200, f.api.put("calls/" + host.callId(), "locked", "true").code());
    assertEquals("true", f.api.get("calls/" + host.callId()).text("locked"));
    f.awaitEvent("callInfoUpdate", "\"lockState\":\"locked\"");
    f.awaitEvent("callListUpdate", "\"updateType\":\"update\"", "\"lockState\":\"locked\"");

    CallLegInfo guest = f.bridge.dial("board.guest", "guest@example.com", "Guest");
    assertTrue(guest.deactivated(), "a locked call holds guests even with a host present");
    CallLegInfo member = f.bridge.dial("board", "member@example.com", "Member");
    assertFalse(member.deactivated(), "lockMode needsActivation lets activators in");

    f.api.put("calls/" + host.callId(), "locked", "false");
    f.awaitEvent("callInfoUpdate", "\"lockState\":\"unlocked\"");
    assertFalse(f.bridge.findCallLeg(guest.id()).orElseThrow().deactivated());
    assertTrue(f.lastCdr("callLegUpdate", guest.id()).contains("<deactivated>false</deactivated>"));
  }

  @Test
  void lockModeAll_holdsEveryNewcomer_untilUnlocked() {
    String profile = f.api.post("callProfiles", "lockMode", "all").idFromLocation();
    f.api.put("coSpaces/" + f.space, "callProfile", profile);
    CallLegInfo host = f.bridge.dial("board", "host@example.com", "Host");
    f.api.put("calls/" + host.callId(), "locked", "true");
    CallLegInfo member = f.bridge.dial("board", "member@example.com", "Member");
    assertTrue(member.deactivated());
    f.api.put("calls/" + host.callId(), "locked", "false");
    assertFalse(f.bridge.findCallLeg(member.id()).orElseThrow().deactivated());
  }

  @Test
  void lock_refusesBadValuesAndUnknownCalls() {
    String call = f.bridge.startCall(f.space);
    Http.Reply bad = f.api.put("calls/" + call, "locked", "yes");
    assertEquals(400, bad.code());
    assertEquals("locked", ControlsFixture.attribute(bad.body(), "parameterError", "parameter"));
    assertEquals("false", f.api.get("calls/" + call).text("locked"));
    Http.Reply unknown = f.api.put("calls/00000000-0000-0000-0000-000000000000", "locked", "true");
    assertEquals(404, unknown.code());
    assertTrue(unknown.body().contains("<callDoesNotExist/>"), unknown.body());
  }
}
