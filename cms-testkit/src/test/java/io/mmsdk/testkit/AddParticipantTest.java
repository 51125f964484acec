package io.mmsdk.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mmsdk.testkit.core.CallLegInfo;
import io.mmsdk.testkit.core.ClusterOptions;
import io.mmsdk.testkit.core.EndpointScript;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Adding a participant by dialling out, with a call leg profile (role) and overrides. */
class AddParticipantTest {
  private final ControlsFixture f = new ControlsFixture();

  @AfterEach
  void stop() {
    f.close();
  }

  @Test
  void postParticipant_withGuestProfileImportanceLayout_joinsLobbyAfterAnswer() {
    String guest = f.api.post("callLegProfiles", "needsActivation", "true").idFromLocation();
    String call = f.bridge.startCall(f.space);
    f.subscribe(call);
    f.cms.scriptEndpoint("dave@example.com", EndpointScript.answersAfter(Duration.ofSeconds(3)));

    Http.Reply added = f.api.post("calls/" + call + "/participants", "remoteParty", "dave@example.com",
        "callLegProfile", guest, "importance", "7", "chosenLayout", "stacked",
        "dtmfSequence", "12,#");
    assertEquals(200, added.code());
    assertTrue(added.location().startsWith("/api/v1/participants/"), added.location());
    String participant = added.idFromLocation();
    f.awaitEvent("rosterUpdate", participant, "\"updateType\":\"add\"", "\"importance\":7",
        "\"layout\":\"stacked\"", "\"state\":\"initial\"");
    f.cms.clock().advance(Duration.ofSeconds(3));

    assertTrue(f.api.get("participants/" + participant).body().contains("<importance>7</importance>"));
    String legId = f.api.get("participants/" + participant + "/callLegs").body()
        .replaceAll("(?s).*<callLeg id=\"([^\"]+)\".*", "$1");
    Http.Reply leg = f.api.get("callLegs/" + legId);
    assertEquals("connected", leg.text("state"));
    assertEquals("true", leg.text("deactivated"), "a guest dialled with no host waits in the lobby");
    assertEquals("outgoing", leg.text("direction"));
    assertEquals("12#", f.bridge.findCallLeg(legId).orElseThrow().digitsReceived());
    f.awaitEvent("rosterUpdate", participant, "\"state\":\"connected\"");
    assertTrue(f.lastCdr("callLegStart", legId).contains("<direction>outgoing</direction>"));
    String update = f.lastCdr("callLegUpdate", legId);
    assertTrue(update.contains("<state>connected</state>")
        && update.contains("<deactivated>true</deactivated>"), update);
  }

  @Test
  void postCallLeg_deactivatedFalseOnParticipant_bypassesLobby() {
    String guest = f.api.post("callLegProfiles", "needsActivation", "true").idFromLocation();
    String call = f.bridge.startCall(f.space);
    String participant = f.api.post("calls/" + call + "/participants", "remoteParty", "erin@example.com",
        "callLegProfile", guest, "deactivated", "false").idFromLocation();
    String leg = f.api.post("calls/" + call + "/callLegs", "remoteParty", "frank@example.com")
        .idFromLocation();
    f.cms.clock().advance(Duration.ZERO);
    Http.Reply filtered = f.api.get("callLegs?participantFilter=" + participant);
    assertEquals("1", filtered.total());
    String guestLeg = ControlsFixture.attribute(filtered.body(), "callLeg", "id");
    assertEquals("false", f.api.get("callLegs/" + guestLeg).text("deactivated"),
        "deactivated=false in the POST skips the lobby");
    assertFalse(f.bridge.findCallLeg(leg).orElseThrow().deactivated());
    assertEquals("2", f.api.get("calls/" + call + "/callLegs").total());
  }

  @Test
  void postParticipant_refusals() {
    String call = f.bridge.startCall(f.space);
    String path = "calls/" + call + "/participants";
    Http.Reply missing = f.api.post(path, "importance", "1");
    assertEquals(400, missing.code());
    assertEquals("remoteParty", ControlsFixture.attribute(missing.body(), "parameterError", "parameter"));
    assertEquals("missing", ControlsFixture.attribute(missing.body(), "parameterError", "error"));
    assertTrue(f.api.post(path, "remoteParty", "x@example.com", "callLegProfile", "nope").body()
        .contains("<callLegProfileDoesNotExist/>"));
    assertEquals("chosenLayout", ControlsFixture.attribute(
        f.api.post(path, "remoteParty", "x@example.com", "chosenLayout", "huge").body(),
        "parameterError", "parameter"));
    assertTrue(f.api.post(path, "remoteParty", "x@example.com", "callBridge", "nope").body()
        .contains("<callBridgeDoesNotExist/>"));
    Http.Reply noCall = f.api.post("calls/00000000-0000-0000-0000-000000000000/participants",
        "remoteParty", "x@example.com");
    assertEquals(404, noCall.code());
    assertTrue(noCall.body().contains("<callDoesNotExist/>"));
    assertEquals("0", f.api.get("calls/" + call + "/participants").total());
  }

  @Test
  void participantLimit_reached_refusesTheNextOne() {
    String profile = f.api.post("callProfiles", "participantLimit", "1").idFromLocation();
    f.api.put("coSpaces/" + f.space, "callProfile", profile);
    CallLegInfo alice = f.bridge.join(f.space, "alice@example.com", "Alice");
    Http.Reply full = f.api.post("calls/" + alice.callId() + "/participants",
        "remoteParty", "bob@example.com");
    assertEquals(400, full.code());
    assertTrue(full.body().contains("<participantLimitReached/>"), full.body());
  }

  @Test
  void callBridge_placesTheParticipantOnAnotherBridgesInstance() {
    try (ControlsFixture two = new ControlsFixture(ClusterOptions.builder().callBridges(2).build())) {
      String call = two.bridge.startCall(two.space);
      SimulatedCallBridge other = two.cms.callBridge(1);
      Http.Reply added = two.api.post("calls/" + call + "/participants", "remoteParty",
          "gina@example.com", "callBridge", other.id());
      assertEquals(200, added.code());
      two.cms.clock().advance(Duration.ZERO);
      assertEquals(1, other.activeCallIds().size());
      assertEquals("connected", other.callLegs().get(0).state());
      assertEquals(added.idFromLocation(), other.callLegs().get(0).participantId());
    }
  }
}
