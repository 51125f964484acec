package io.mmsdk.blastdial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Events trigger against cms-testkit's WebSocket; waits poll with short real timeouts. */
class EventsTriggerTest {
  @TempDir Path dir;

  static void await(BooleanSupplier condition, String what) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting for " + what);
      }
      Thread.sleep(20);
    }
  }

  @Test
  void firstParticipantDialsIn_eventsTrigger_dialsOtherContactsOnceAndStopsAtCallEnd()
      throws Exception {
    try (SimulatedCluster cms = SimulatedCluster.start();
        CmsClient client = CmsClient.builder()
            .baseUrl(cms.callBridge(0).baseUrl())
            .credentials(cms.apiUsername(), cms.apiPassword())
            .retryPolicy(RetryPolicy.none())
            .build();
        BlastDial blast = BlastDial.builder()
            .store(FileBlastDialStore.open(dir))
            .scheduler(SimulatedClock.startingAt(Instant.parse("2026-01-05T09:00:00Z")))
            .callBridge("cms", CmsCallBridgeGateway.create(client))
            .build()) {
      SimulatedCallBridge bridge = cms.callBridge(0);
      String coSpace = client.coSpaces().create(
          Form.builder().set("name", "Standup").set("uri", "standup").build());
      SpaceKey space = SpaceKey.of("cms", coSpace);
      blast.configure(space, BlastDialConfig.builder().enabled(true).build());
      for (String a : new String[] {"alice@example.com", "bob@example.com", "carol@example.com"}) {
        blast.addContact(space, new ContactDetails(a, a, true));
      }

      cms.scriptEndpoint("bob@example.com", EndpointScript.noAnswer());
      cms.scriptEndpoint("carol@example.com", EndpointScript.noAnswer());
      cms.scriptEndpoint("alice@example.com", EndpointScript.noAnswer());

      try (EventsTrigger trigger = EventsTrigger.start(blast, "cms", client)) {
        await(trigger::isConnected, "events connection");
        String callId = bridge.join(coSpace, "alice@example.com", "Alice").callId();
        await(() -> cms.dialAttempts("bob@example.com") == 1
            && cms.dialAttempts("carol@example.com") == 1, "dial-outs");
        bridge.join(coSpace, "dave@example.com", "Dave");
        Thread.sleep(200);

        assertEquals(0, cms.dialAttempts("alice@example.com"));
        assertEquals(1, cms.dialAttempts("bob@example.com"));
        assertEquals(ContactState.SKIPPED, blast.findStatus("cms", callId).orElseThrow()
            .findContact("alice@example.com").orElseThrow().state());

        bridge.endCall(callId);
        await(() -> blast.findStatus("cms", callId).map(s -> s.phase().isFinal()).orElse(false),
            "meeting end");
        assertEquals(BlastStatus.Phase.MEETING_ENDED, blast.findStatus("cms", callId).get().phase());
        assertTrue(blast.activeBlasts().isEmpty());
      }
    }
  }

  /**
   * Seed 001, Overview notifications: "Events communications with server Server 2 have been
   * disrupted." Raised by the events client that sees it, cleared when it is connected again.
   */
  @Test
  void eventsConnectionDisrupted_notificationRaisedThenClearedOnReconnect() throws Exception {
    try (SimulatedCluster cms = SimulatedCluster.start();
        CmsClient client = CmsClient.builder()
            .baseUrl(cms.callBridge(0).baseUrl())
            .credentials(cms.apiUsername(), cms.apiPassword())
            .retryPolicy(RetryPolicy.none())
            .build();
        BlastDial blast = BlastDial.builder()
            .store(FileBlastDialStore.open(dir))
            .scheduler(SimulatedClock.startingAt(Instant.parse("2026-01-05T09:00:00Z")))
            .callBridge("cms", CmsCallBridgeGateway.create(client))
            .build()) {
      io.mmsdk.core.notify.Notifications n = io.mmsdk.core.notify.Notifications.create(
          io.mmsdk.common.time.Scheduler.system());
      try (EventsTrigger trigger = EventsTrigger.start(blast, "cms", client, n)) {
        await(trigger::isConnected, "events connection");
        cms.callBridge(0).stop();
        await(() -> n.active().stream().anyMatch(x -> x.key().startsWith("events.disrupted.cms.")),
            "disrupted notification");
        cms.callBridge(0).restart();
        await(() -> n.active().stream().noneMatch(x -> x.key().startsWith("events.disrupted.")),
            "notification cleared after reconnect");
      }
    }
  }
}
