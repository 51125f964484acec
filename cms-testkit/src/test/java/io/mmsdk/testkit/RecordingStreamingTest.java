package io.mmsdk.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mmsdk.testkit.core.CallLegInfo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Starting and stopping recording and streaming, and what CMS refuses. */
class RecordingStreamingTest {
  private final ControlsFixture f = new ControlsFixture();

  @AfterEach
  void stop() {
    f.close();
  }

  @Test
  void recording_startStop_getEventsAndCdrs() {
    CallLegInfo alice = f.bridge.join(f.space, "alice@example.com", "Alice");
    String call = alice.callId();
    f.subscribe(call);

    assertEquals(200, f.api.put("calls/" + call, "recording", "true").code());
    assertEquals("true", f.api.get("calls/" + call).text("recording"));
    f.awaitEvent("callInfoUpdate", "\"recording\":true");
    String start = f.cdrs("recordingStart").get(0);
    assertTrue(start.contains("<call>" + call + "</call>"), start);
    String recordingId = ControlsFixture.attribute(start, "recording", "id");

    f.api.put("calls/" + call, "recording", "false");
    assertEquals("false", f.api.get("calls/" + call).text("recording"));
    f.awaitEvent("callInfoUpdate", "\"recording\":false");
    assertTrue(f.lastCdr("recordingEnd", recordingId).contains("<recording id=\"" + recordingId
        + "\"/>"));
  }

  @Test
  void streaming_startStop_getEventsAndCdrs() {
    CallLegInfo alice = f.bridge.join(f.space, "alice@example.com", "Alice");
    String call = alice.callId();
    f.subscribe(call);
    f.api.put("calls/" + call, "streaming", "true");
    assertEquals("true", f.api.get("calls/" + call).text("streaming"));
    f.awaitEvent("callListUpdate", "\"streaming\":true");
    String id = ControlsFixture.attribute(f.cdrs("streamingStart").get(0), "streaming", "id");
    f.api.put("calls/" + call, "streaming", "false");
    f.awaitEvent("callInfoUpdate", "\"streaming\":false");
    f.lastCdr("streamingEnd", id);
  }

  @Test
  void recordingModeDisabledOrAutomatic_cannotBeModified() {
    String disabled = f.api.post("callProfiles", "recordingMode", "disabled",
        "streamingMode", "disabled").idFromLocation();
    f.api.put("coSpaces/" + f.space, "callProfile", disabled);
    String call = f.bridge.startCall(f.space);
    Http.Reply refused = f.api.put("calls/" + call, "recording", "true");
    assertEquals(400, refused.code());
    assertTrue(refused.body().contains("<callRecordingCannotBeModified/>"), refused.body());
    assertTrue(f.api.put("calls/" + call, "streaming", "true").body()
        .contains("<callStreamingCannotBeModified/>"));
    assertEquals("false", f.api.get("calls/" + call).text("recording"));

    String other = f.api.post("coSpaces", "name", "Auto").idFromLocation();
    String automatic = f.api.post("callProfiles", "recordingMode", "automatic").idFromLocation();
    f.api.put("coSpaces/" + other, "callProfile", automatic);
    String auto = f.bridge.startCall(other);
    assertEquals("true", f.api.get("calls/" + auto).text("recording"));
    assertTrue(f.api.put("calls/" + auto, "recording", "false").body()
        .contains("<callRecordingCannotBeModified/>"));
    assertEquals(1, f.cdrs("recordingStart").size());
  }

  @Test
  void recordingLicenceExpired_notAllowedByLicensing_badValueIsParameterError() {
    String call = f.bridge.startCall(f.space);
    f.cms.setLicenseFeature("recording", "expired", "2026-Jan-01");
    Http.Reply refused = f.api.put("calls/" + call, "recording", "true");
    assertTrue(refused.body().contains("<recordingNotAllowedByLicensing/>"), refused.body());
    Http.Reply bad = f.api.put("calls/" + call, "recording", "on");
    assertEquals("recording", ControlsFixture.attribute(bad.body(), "parameterError", "parameter"));
    assertEquals(0, f.cdrs("recordingStart").size());
  }
}
