package io.mmsdk.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mmsdk.testkit.core.CallLegInfo;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The call's on-screen message (messageText) and a participant's name label. */
class MessageTest {
  private final ControlsFixture f = new ControlsFixture();

  @AfterEach
  void stop() {
    f.close();
  }

  @Test
  void messageText_shownOnCallWithTimeRemaining_noEventsNoCdr() {
    CallLegInfo alice = f.bridge.join(f.space, "alice@example.com", "Alice");
    String call = alice.callId();
    f.subscribe(call);
    int cdrsBefore = f.cdrs("callLegUpdate").size();

    assertEquals(200, f.api.put("calls/" + call, "messageText", "Back in 5 minutes",
        "messagePosition", "top", "messageDuration", "30").code());
    f.cms.clock().advance(Duration.ofSeconds(12));

    Http.Reply view = f.api.get("calls/" + call);
    assertEquals("Back in 5 minutes", view.text("messageText"));
    assertEquals("top", view.text("messagePosition"));
    assertEquals("30", view.text("messageDuration"));
    assertEquals("18", view.text("messageTimeRemaining"));
    f.api.put("calls/" + call, "messageDuration", "permanent");
    assertFalse(f.api.get("calls/" + call).body().contains("messageTimeRemaining"));
    assertFalse(f.eventArrives("callInfoUpdate", 300), "callInfo has no message element");
    assertEquals(cdrsBefore, f.cdrs("callLegUpdate").size());
  }

  @Test
  void messageRefusals_badPositionOrDuration() {
    String call = f.bridge.startCall(f.space);
    assertEquals("messagePosition", ControlsFixture.attribute(f.api.put("calls/" + call,
        "messageText", "Hi", "messagePosition", "left").body(), "parameterError", "parameter"));
    assertEquals("messageDuration", ControlsFixture.attribute(f.api.put("calls/" + call,
        "messageText", "Hi", "messageDuration", "soon").body(), "parameterError", "parameter"));
    assertFalse(f.api.get("calls/" + call).body().contains("messageText"),
        "a refused PUT sets no part of the message");
  }

  @Test
  void nameLabelOverride_renamesInRestRosterAndCallLegUpdate() {
    CallLegInfo alice = f.bridge.join(f.space, "alice@example.com", "Alice");
    f.subscribe(alice.callId());
    f.api.put("participants/" + alice.participantId(), "nameLabelOverride", "Chair");
    assertEquals("Chair", f.api.get("participants/" + alice.participantId()).text("name"));
    f.awaitEvent("rosterUpdate", "\"name\":\"Chair\"");
    assertTrue(f.lastCdr("callLegUpdate", alice.id()).contains("<displayName>Chair</displayName>"));
    Http.Reply tooLong = f.api.put("participants/" + alice.participantId(), "nameLabelOverride",
        "x".repeat(51));
    assertEquals("nameLabelOverride", ControlsFixture.attribute(tooLong.body(), "parameterError",
        "parameter"));
  }
}
