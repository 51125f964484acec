package io.mmsdk.cms.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mmsdk.common.MmSdkException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EventFieldsTest {
  @Test
  void subscriptionElementLists_areTheDocumentedElementNames() {
    // The callInfo/calls and rosterUpdate elements of the Events API (reference/cms-api-facts.md §3).
    assertEquals(List.of("name", "participants", "distributedInstances", "recording", "endpointRecording",
        "streaming", "lockState", "callType", "callCorrelator"), Subscription.CALL_ELEMENTS);
    assertEquals(List.of("name", "uri", "state", "direction", "audioMuted", "videoMuted", "importance",
        "layout", "activeSpeaker", "presenter", "endpointRecording", "canMove", "movedParticipant",
        "movedParticipantCallBridge"), Subscription.ROSTER_ELEMENTS);
  }

  @Test
  void find_readsTypedValues_absentIsEmpty() {
    EventUpdate roster = new EventUpdate("p1", "update",
        Map.of("audioMuted", "true", "importance", "3", "state", "onHold", "uri", "alice@example.com"));
    assertEquals(Optional.of(true), roster.find(EventFields.AUDIO_MUTED));
    assertEquals(Optional.of(3L), roster.find(EventFields.IMPORTANCE));
    assertEquals("onHold", roster.find(EventFields.STATE).orElseThrow().value());
    assertTrue(roster.find(EventFields.STATE).orElseThrow().known());
    assertEquals(Optional.of("alice@example.com"), roster.find(EventFields.URI));
    assertEquals(Optional.empty(), roster.find(EventFields.VIDEO_MUTED));

    CallInfoUpdate info = new CallInfoUpdate(4, Map.of("lockState", "locked", "recording", "false"));
    assertEquals("locked", info.find(EventFields.LOCK_STATE).orElseThrow().value());
    assertEquals(Optional.of(false), info.find(EventFields.RECORDING));
    assertEquals(Optional.empty(), info.find(EventFields.STREAMING));
  }

  @Test
  void find_textOfTheWrongKind_isATypedErrorNamingTheElement() {
    CallInfoUpdate info = new CallInfoUpdate(1, Map.of("streaming", "maybe"));
    MmSdkException e = assertThrows(MmSdkException.class, () -> info.find(EventFields.STREAMING));
    assertTrue(e.getMessage().contains("<streaming>"), e.getMessage());
    assertEquals(Optional.of("maybe"), info.findText("streaming"));
  }
}
