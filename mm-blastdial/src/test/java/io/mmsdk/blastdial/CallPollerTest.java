package io.mmsdk.blastdial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.mmsdk.cms.CmsClient;
import io.mmsdk.cms.RetryPolicy;
import io.mmsdk.cms.core.Form;
import io.mmsdk.testkit.SimulatedCallBridge;
import io.mmsdk.testkit.SimulatedCluster;
import io.mmsdk.testkit.core.EndpointScript;
import io.mmsdk.testkit.core.SimulatedClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CallPollerTest {
  @TempDir Path dir;

  @Test
  void poll_firstDialInThenCallEnds_dialsOnceAndStops() {
    SimulatedClock scheduler = SimulatedClock.startingAt(Instant.parse("2026-01-05T09:00:00Z"));
    try (SimulatedCluster cms = SimulatedCluster.start();
        CmsClient client = CmsClient.builder()
            .baseUrl(cms.callBridge(0).baseUrl())
            .credentials(cms.apiUsername(), cms.apiPassword())
            .retryPolicy(RetryPolicy.none())
            .build();
        BlastDial blast = BlastDial.builder()
            .store(FileBlastDialStore.open(dir))
            .scheduler(scheduler)
            .callBridge("cms", CmsCallBridgeGateway.create(client))
            .executor(Runnable::run)
            .build()) {
      SimulatedCallBridge bridge = cms.callBridge(0);
      String coSpace = client.coSpaces().create(
          Form.builder().set("name", "Standup").set("uri", "standup").build());
      SpaceKey space = SpaceKey.of("cms", coSpace);
      blast.configure(space, BlastDialConfig.builder().enabled(true).build());
      blast.addContact(space, new ContactDetails("Alice", "alice@example.com", true));
      blast.addContact(space, new ContactDetails("Bob", "bob@example.com", true));
      cms.scriptEndpoint("bob@example.com", EndpointScript.noAnswer());
      cms.scriptEndpoint("alice@example.com", EndpointScript.noAnswer());

      try (CallPoller poller = CallPoller.start(blast, "cms", client, scheduler,
          Duration.ofSeconds(5))) {
        scheduler.runDue();
        String callId = bridge.join(coSpace, "alice@example.com", "Alice").callId();
        scheduler.advance(Duration.ofSeconds(5));
        scheduler.advance(Duration.ofSeconds(5));

        assertEquals(1, cms.dialAttempts("bob@example.com"));
        assertEquals(0, cms.dialAttempts("alice@example.com"));
        assertEquals(ContactState.SKIPPED, blast.findStatus("cms", callId).get()
            .findContact("alice@example.com").get().state());

        bridge.endCall(callId);
        scheduler.advance(Duration.ofSeconds(5));
        assertEquals(BlastStatus.Phase.MEETING_ENDED, blast.findStatus("cms", callId).get().phase());
      }
    }
  }

  @Test
  void start_periodTooShort_rejected() {
    SimulatedClock scheduler = SimulatedClock.startingAt(Instant.EPOCH);
    // Refused before any request: the client points where nothing listens.
    try (CmsClient client = CmsClient.builder().baseUrl("http://127.0.0.1:1")
            .credentials("api", "secret").build();
        BlastDial blast = BlastDial.builder().store(FileBlastDialStore.open(dir))
            .scheduler(scheduler).callBridge("c", CmsCallBridgeGateway.create(client)).build()) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> CallPoller.start(blast, "c", client, scheduler, Duration.ofMillis(10)));
      assertEquals("period must be at least 250 ms so polling does not load the bridge, was PT0.01S",
          e.getMessage());
    }
  }
}
