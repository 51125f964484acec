package io.mmsdk.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mmsdk.testkit.core.CallLegInfo;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Disconnecting a participant and ending the meeting over the API. */
class DisconnectAndEndTest {
  private final ControlsFixture f = new ControlsFixture();

  @AfterEach
  void stop() {
    f.close();
  }

  @Test
  void deleteCallLeg_endsApiInitiatedTeardown_rosterRemove() {
    CallLegInfo alice = f.bridge.join(f.space, "alice@example.com", "Alice");
    CallLegInfo bob = f.bridge.join(f.space, "bob@example.com", "Bob");
    f.subscribe(alice.callId());
    f.cms.clock().advance(Duration.ofSeconds(7));

    assertEquals(200, f.api.delete("callLegs/" + bob.id()).code());

    assertEquals(404, f.api.get("callLegs/" + bob.id()).code());
    assertEquals("1", f.api.get("calls/" + alice.callId() + "/participants").total());
    f.awaitEvent("rosterUpdate", bob.participantId(), "\"updateType\":\"remove\"");
    String end = f.lastCdr("callLegEnd", bob.id());
    assertTrue(end.contains("<reason>apiInitiatedTeardown</reason><remoteTeardown>false</remoteTeardown>"
        + "<durationSeconds>7</durationSeconds>"), end);
    assertEquals("apiInitiatedTeardown", f.bridge.findCallLeg(bob.id()).orElseThrow().endReason());
  }

  @Test
  void deleteParticipantOfCall_endsIt_otherCallsParticipantIsNotFound() {
    CallLegInfo alice = f.bridge.join(f.space, "alice@example.com", "Alice");
    String other = f.api.post("coSpaces", "name", "Other").idFromLocation();
    CallLegInfo carol = f.bridge.join(other, "carol@example.com", "Carol");

    assertEquals(404, f.api.delete("calls/" + alice.callId() + "/participants/"
        + carol.participantId()).code());
    assertEquals(200, f.api.delete("calls/" + carol.callId() + "/participants/"
        + carol.participantId()).code());
    assertEquals("apiInitiatedTeardown", f.bridge.findCallLeg(carol.id()).orElseThrow().endReason());
    Http.Reply gone = f.api.delete("callLegs/" + carol.id());
    assertEquals(404, gone.code());
    assertTrue(gone.body().contains("<callLegDoesNotExist/>"), gone.body());
    assertEquals(404, f.api.delete("participants/" + carol.participantId()).code());
  }

  @Test
  void deleteCall_endsEveryLegCallEnded_thenCallEnd_andEventsRemove() {
    CallLegInfo alice = f.bridge.join(f.space, "alice@example.com", "Alice");
    CallLegInfo bob = f.bridge.join(f.space, "bob@example.com", "Bob");
    f.subscribe(alice.callId());
    f.api.put("calls/" + alice.callId(), "recording", "true");
    f.cms.clock().advance(Duration.ofMinutes(2));

    assertEquals(200, f.api.delete("calls/" + alice.callId()).code());

    Http.Reply gone = f.api.get("calls/" + alice.callId());
    assertEquals(404, gone.code());
    assertTrue(gone.body().contains("<callDoesNotExist/>"), gone.body());
    assertEquals("0", f.api.get("callLegs").total());
    f.awaitEvent("callListUpdate", "\"updateType\":\"remove\"", alice.callId());
    f.awaitEvent("subscriptionUpdate", "\"index\":2", "\"state\":\"deactivated\"");
    f.awaitEvent("rosterUpdate", bob.participantId(), "\"updateType\":\"remove\"");
    assertTrue(f.lastCdr("callLegEnd", bob.id()).contains("<reason>callEnded</reason>"));
    assertEquals(1, f.cdrs("recordingEnd").size());
    String callEnd = f.lastCdr("callEnd", alice.callId());
    assertTrue(callEnd.contains("<callLegsCompleted>2</callLegsCompleted>")
        && callEnd.contains("<durationSeconds>120</durationSeconds>"), callEnd);
    Http.Reply again = f.api.delete("calls/" + alice.callId());
    assertEquals(404, again.code());
    assertTrue(again.body().contains("<callDoesNotExist/>"), again.body());
  }
}
