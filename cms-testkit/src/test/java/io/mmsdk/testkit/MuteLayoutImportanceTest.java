package io.mmsdk.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mmsdk.testkit.core.CallLegInfo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Mute, layout and importance per participant and for all: REST, Events, CDRs and refusals. */
class MuteLayoutImportanceTest {
  private final ControlsFixture f = new ControlsFixture();

  @AfterEach
  void stop() {
    f.close();
  }

  @Test
  void putCallLeg_rxAudioMute_showsInConfigurationAndRosterWithoutCdr() {
    CallLegInfo alice = f.bridge.join(f.space, "alice@example.com", "Alice");
    f.subscribe(alice.callId());
    int updatesBefore = f.cdrs("callLegUpdate").size();

    assertEquals(200, f.api.put("callLegs/" + alice.id(), "rxAudioMute", "true",
        "txVideoMute", "true").code());

    Http.Reply leg = f.api.get("callLegs/" + alice.id());
    assertTrue(leg.body().contains("<configuration><rxAudioMute>true</rxAudioMute>"
        + "<txVideoMute>true</txVideoMute></configuration>"), leg.body());
    String update = f.awaitEvent("rosterUpdate", "\"updateType\":\"update\"");
    assertTrue(update.contains("\"participant\":\"" + alice.participantId() + "\"")
        && update.contains("\"audioMuted\":true"), update);
    assertFalse(update.contains("\"name\""), "an update carries only what changed: " + update);
    assertEquals(updatesBefore, f.cdrs("callLegUpdate").size(),
        "callLegUpdate carries no mute field, so CMS sends none for a mute");

    f.api.put("callLegs/" + alice.id(), "rxAudioMute", "false");
    assertTrue(f.awaitEvent("rosterUpdate", "\"audioMuted\":false").contains("update"));
    f.api.put("callLegs/" + alice.id(), "rxAudioMute", "");
    assertFalse(f.api.get("callLegs/" + alice.id()).body().contains("rxAudioMute"));
  }

  @Test
  void putCallLeg_badMuteValue_refusedWithParameterErrorAndNothingChanged() {
    CallLegInfo alice = f.bridge.join(f.space, "alice@example.com", "Alice");
    Http.Reply bad = f.api.put("callLegs/" + alice.id(), "rxVideoMute", "true",
        "rxAudioMute", "yes");
    assertEquals(400, bad.code());
    assertEquals("rxAudioMute", ControlsFixture.attribute(bad.body(), "parameterError", "parameter"));
    assertEquals("invalidValue", ControlsFixture.attribute(bad.body(), "parameterError", "error"));
    assertFalse(f.api.get("callLegs/" + alice.id()).body().contains("rxVideoMute"),
        "a refused request changes nothing");
    Http.Reply missing = f.api.put("callLegs/00000000-0000-0000-0000-000000000000",
        "rxAudioMute", "true");
    assertEquals(404, missing.code());
    assertTrue(missing.body().contains("<callLegDoesNotExist/>"), missing.body());
    Http.Reply remote = f.api.put("callLegs/" + alice.id(), "remoteParty", "eve@example.com");
    assertEquals("remoteParty", ControlsFixture.attribute(remote.body(), "parameterError", "parameter"));
  }

  @Test
  void muteEveryone_bulkPut_mutesAllOrSelectedParticipants() {
    CallLegInfo alice = f.bridge.join(f.space, "alice@example.com", "Alice");
    CallLegInfo bob = f.bridge.join(f.space, "bob@example.com", "Bob");
    CallLegInfo carol = f.bridge.join(f.space, "carol@example.com", "Carol");
    f.subscribe(alice.callId());

    assertEquals(200, f.api.put("calls/" + alice.callId() + "/participants/*",
        "rxAudioMute", "true", "filterIds", carol.participantId(), "mode", "exclude").code());

    assertTrue(f.api.get("callLegs/" + alice.id()).body().contains("<rxAudioMute>true"));
    assertTrue(f.api.get("callLegs/" + bob.id()).body().contains("<rxAudioMute>true"));
    assertFalse(f.api.get("callLegs/" + carol.id()).body().contains("rxAudioMute"));
    f.awaitEvent("rosterUpdate", bob.participantId(), "\"audioMuted\":true");

    f.api.put("calls/" + alice.callId() + "/participants/*", "rxAudioMute", "false",
        "filterIds", bob.participantId(), "mode", "selected");
    assertTrue(f.api.get("callLegs/" + bob.id()).body().contains("<rxAudioMute>false"));
    assertTrue(f.api.get("callLegs/" + alice.id()).body().contains("<rxAudioMute>true"));
  }

  @Test
  void muteEveryone_refusesWhatTheBlueprintLacks() {
    CallLegInfo alice = f.bridge.join(f.space, "alice@example.com", "Alice");
    String all = "calls/" + alice.callId() + "/participants/*";
    Http.Reply admit = f.api.put(all, "deactivated", "false");
    assertEquals(400, admit.code());
    assertEquals("deactivated", ControlsFixture.attribute(admit.body(), "parameterError", "parameter"));
    StringBuilder many = new StringBuilder();
    for (int i = 0; i < 21; i++) {
      many.append(i == 0 ? "" : ",").append("p").append(i);
    }
    assertEquals("filterIds", ControlsFixture.attribute(
        f.api.put(all, "rxAudioMute", "true", "filterIds", many.toString()).body(),
        "parameterError", "parameter"));
    assertEquals("mode", ControlsFixture.attribute(
        f.api.put(all, "rxAudioMute", "true", "mode", "some").body(), "parameterError", "parameter"));
    Http.Reply noCall = f.api.put("calls/00000000-0000-0000-0000-000000000000/participants/*",
        "rxAudioMute", "true");
    assertEquals(404, noCall.code());
    assertTrue(noCall.body().contains("callDoesNotExist"), noCall.body());
  }

  @Test
  void layout_perLegAndForTheMeeting_inStatusRosterAndFilter() {
    CallLegInfo alice = f.bridge.join(f.space, "alice@example.com", "Alice");
    CallLegInfo bob = f.bridge.join(f.space, "bob@example.com", "Bob");
    f.subscribe(alice.callId());
    assertEquals("automatic", f.api.get("callLegs/" + alice.id()).text("layout"));

    f.api.put("callLegs/" + alice.id(), "chosenLayout", "speakerOnly");
    assertEquals("speakerOnly", f.api.get("callLegs/" + alice.id()).text("layout"));
    f.awaitEvent("rosterUpdate", alice.participantId(), "\"layout\":\"speakerOnly\"");
    assertEquals("1", f.api.get("callLegs?activeLayoutFilter=speakerOnly").total());

    f.api.put("calls/" + alice.callId() + "/participants/*", "layout", "telepresence");
    assertEquals("telepresence", f.api.get("callLegs/" + alice.id()).text("layout"));
    assertEquals("telepresence", f.api.get("callLegs/" + bob.id()).text("layout"));
    f.awaitEvent("rosterUpdate", bob.participantId(), "\"layout\":\"telepresence\"");
    assertEquals("2", f.api.get("callLegs?activeLayoutFilter=telepresence").total());

    Http.Reply bad = f.api.put("callLegs/" + alice.id(), "chosenLayout", "sideways");
    assertEquals("chosenLayout", ControlsFixture.attribute(bad.body(), "parameterError", "parameter"));
    assertEquals("layout", ControlsFixture.attribute(
        f.api.put("calls/" + alice.callId() + "/participants/*", "layout", "big").body(),
        "parameterError", "parameter"));
  }

  @Test
  void importance_setAndCleared_onParticipantAndRoster() {
    CallLegInfo alice = f.bridge.join(f.space, "alice@example.com", "Alice");
    f.subscribe(alice.callId());

    assertEquals(200, f.api.put("participants/" + alice.participantId(), "importance", "5").code());
    assertTrue(f.api.get("participants/" + alice.participantId()).body()
        .contains("<configuration><importance>5</importance></configuration>"));
    f.awaitEvent("rosterUpdate", alice.participantId(), "\"importance\":5");

    f.api.put("participants/" + alice.participantId(), "importance", "");
    assertTrue(f.api.get("participants/" + alice.participantId()).body().contains("<configuration/>"));
    f.awaitEvent("rosterUpdate", alice.participantId(), "\"importance\":0");

    Http.Reply bad = f.api.put("participants/" + alice.participantId(), "importance", "-1");
    assertEquals("importance", ControlsFixture.attribute(bad.body(), "parameterError", "parameter"));
    assertEquals(404, f.api.put("participants/nobody", "importance", "1").code());
  }

  @Test
  void speakerAndPresenter_drivenByTheTest_showInRoster() {
    CallLegInfo alice = f.bridge.join(f.space, "alice@example.com", "Alice");
    CallLegInfo bob = f.bridge.join(f.space, "bob@example.com", "Bob");
    f.subscribe(alice.callId());
    f.bridge.startSpeaking(alice.id());
    f.awaitEvent("rosterUpdate", alice.participantId(), "\"activeSpeaker\":true");
    f.bridge.startSpeaking(bob.id());
    f.awaitEvent("rosterUpdate", alice.participantId(), "\"activeSpeaker\":false");
    f.bridge.present(bob.id(), true);
    f.awaitEvent("rosterUpdate", bob.participantId(), "\"presenter\":true");
    assertEquals(bob.id(), f.api.get("calls/" + bob.callId()).text("presenterCallLeg"));
  }

  @Test
  void joinAudioMuteOverride_mutesNewcomers() {
    String call = f.bridge.startCall(f.space);
    f.api.put("calls/" + call, "joinAudioMuteOverride", "true");
    CallLegInfo late = f.bridge.join(f.space, "late@example.com", "Late");
    assertTrue(f.api.get("callLegs/" + late.id()).body().contains("<rxAudioMute>true"));
    assertEquals("true", f.api.get("calls/" + call).text("joinAudioMuteOverride"));
  }
}
