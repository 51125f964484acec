package io.mmsdk.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mmsdk.testkit.core.CallLegInfo;
import io.mmsdk.testkit.core.ClusterOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Moving a participant to another meeting: POST movedParticipant to the target call. */
class MoveParticipantTest {
  private final ControlsFixture f = new ControlsFixture();

  @AfterEach
  void stop() {
    f.close();
  }

  @Test
  void move_sameBridge_newParticipantInTarget_oldEndsCallMoved() {
    CallLegInfo alice = f.bridge.join(f.space, "alice@example.com", "Alice");
    f.bridge.join(f.space, "bob@example.com", "Bob");
    f.api.put("callLegs/" + alice.id(), "rxAudioMute", "true");
    String other = f.api.post("coSpaces", "name", "Breakout").idFromLocation();
    String target = f.bridge.startCall(other);
    f.subscribe(target);

    Http.Reply moved = f.api.post("calls/" + target + "/participants",
        "movedParticipant", alice.participantId());

    assertEquals(200, moved.code());
    String participant = moved.idFromLocation();
    Http.Reply view = f.api.get("participants/" + participant);
    assertEquals(target, view.text("call"));
    assertEquals(alice.participantId(), view.text("movedParticipant"));
    assertEquals(f.bridge.id(), view.text("movedParticipantCallBridge"));
    assertEquals(404, f.api.get("participants/" + alice.participantId()).code());
    assertEquals("1", f.api.get("calls/" + alice.callId() + "/participants").total());
    f.awaitEvent("rosterUpdate", participant, "\"updateType\":\"add\"",
        "\"movedParticipant\":\"" + alice.participantId() + "\"", "\"audioMuted\":true");

    assertEquals("callMoved", f.lastCdr("callLegEnd", alice.id())
        .replaceAll("(?s).*<reason>([^<]+)</reason>.*", "$1"));
    String legId = ControlsFixture.attribute(
        f.api.get("participants/" + participant + "/callLegs").body(), "callLeg", "id");
    String start = f.lastCdr("callLegStart", legId);
    assertTrue(start.contains("<movedCallLeg>" + alice.id() + "</movedCallLeg>")
        && start.contains("<movedCallLegCallBridge>" + f.bridge.id() + "</movedCallLegCallBridge>"),
        start);
    assertEquals("connected", f.api.get("callLegs/" + legId).text("state"));
    assertEquals(alice.id(), f.api.get("callLegs/" + legId).text("movedCallLeg"));
  }

  @Test
  void move_fromAnotherBridge_namesThatBridge() {
    try (ControlsFixture two = new ControlsFixture(ClusterOptions.builder().callBridges(2).build())) {
      SimulatedCallBridge second = two.cms.callBridge(1);
      CallLegInfo alice = second.join(two.space, "alice@example.com", "Alice");
      String other = two.api.post("coSpaces", "name", "Breakout").idFromLocation();
      String target = two.bridge.startCall(other);
      Http.Reply moved = two.api.post("calls/" + target + "/participants",
          "movedParticipant", alice.participantId(), "movedParticipantCallBridge", second.id());
      assertEquals(200, moved.code(), moved.body());
      assertEquals(second.id(), two.api.get("participants/" + moved.idFromLocation())
          .text("movedParticipantCallBridge"));
      assertEquals("callMoved", second.findCallLeg(alice.id()).orElseThrow().endReason());
      assertTrue(second.activeCallIds().isEmpty(), "the emptied call on the other bridge ended");
    }
  }

  @Test
  void move_refusals() {
    CallLegInfo alice = f.bridge.join(f.space, "alice@example.com", "Alice");
    String path = "calls/" + alice.callId() + "/participants";
    Http.Reply same = f.api.post(path, "movedParticipant", alice.participantId());
    assertEquals(400, same.code());
    assertEquals("movedParticipant", ControlsFixture.attribute(same.body(), "parameterError",
        "parameter"));
    assertEquals("movedParticipant", ControlsFixture.attribute(
        f.api.post(path, "movedParticipant", "nobody").body(), "parameterError", "parameter"));
    assertTrue(f.api.post(path, "movedParticipant", alice.participantId(),
        "movedParticipantCallBridge", "nope").body().contains("<callBridgeDoesNotExist/>"));
    Http.Reply noCall = f.api.post("calls/00000000-0000-0000-0000-000000000000/participants",
        "movedParticipant", alice.participantId());
    assertEquals(404, noCall.code());
    assertTrue(noCall.body().contains("<callDoesNotExist/>"));
    assertEquals("connected", f.bridge.findCallLeg(alice.id()).orElseThrow().state());
  }
}
