package io.mmsdk.meetings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mmsdk.cdr.CdrHandler;
import io.mmsdk.cdr.CdrHttpServer;
import io.mmsdk.cdr.CdrJournal;
import io.mmsdk.cdr.CdrPipeline;
import io.mmsdk.cdr.FailingCdrStore;
import io.mmsdk.cdr.SimulatedRest;
import io.mmsdk.meetings.Meeting.ParticipantState;
import io.mmsdk.testkit.SimulatedCallBridge;
import io.mmsdk.testkit.SimulatedCluster;
import io.mmsdk.testkit.core.CallLegInfo;
import io.mmsdk.testkit.core.ClusterOptions;
import io.mmsdk.testkit.core.SimulatedClock;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The simulated cluster (cms-testkit) pushes CDRs over HTTP to the real receiver; the tracker's
 * view must match what the simulated calls did.
 */
class MeetingTrackerEndToEndTest {
  private final SimulatedClock scheduler =
      SimulatedClock.startingAt(Instant.parse("2026-03-02T09:00:00Z"));
  private FailingCdrStore flaky;
  @TempDir Path dir;
  private SimulatedCluster cms;
  private MeetingTracker tracker;
  private CdrPipeline pipeline;
  private CdrHttpServer server;

  @BeforeEach
  void start() {
    cms = SimulatedCluster.start(ClusterOptions.builder().callBridges(2).build());
    tracker = MeetingTracker.builder().scheduler(scheduler).build();
    flaky = new FailingCdrStore(CdrJournal.builder(dir).scheduler(scheduler).build());
    pipeline = CdrPipeline.builder().store(flaky).addListener(tracker).build();
    server = CdrHttpServer.builder()
        .handler(CdrHandler.builder().sink(pipeline).token("t0k").scheduler(scheduler).build())
        .start();
    for (SimulatedCallBridge cb : cms.callBridges()) {
      String uri = server.uri() + "?cluster=sim&token=t0k";
      assertEquals(200, api(cb, "POST", "system/cdrReceivers", Map.of("uri", uri)).statusCode());
    }
  }

  @AfterEach
  void stop() {
    server.close();
    pipeline.close();
    tracker.close();
    cms.close();
  }

  private HttpResponse<String> api(SimulatedCallBridge cb, String method, String path,
      Map<String, String> form) {
    return SimulatedRest.send(cb, method, path, form);
  }

  private String createSpace(String name) {
    return SimulatedRest.createSpace(cms.callBridge(0), name);
  }

  private void delivered() {
    assertTrue(cms.awaitCdrDelivered(Duration.ofSeconds(10)), "CDRs not delivered");
    assertTrue(pipeline.awaitDelivered(Duration.ofSeconds(10)), "CDRs not handed to the tracker");
  }

  /** Checks every leg the simulator hosted against the tracker's participants. */
  private void assertTrackerMatchesSimulator() {
    Map<String, Meeting.Participant> seen = new HashMap<>();
    for (Meeting m : tracker.meetings()) {
      m.participants().forEach(p -> seen.put(p.callLegId(), p));
    }
    for (SimulatedCallBridge cb : cms.callBridges()) {
      for (CallLegInfo leg : cb.callLegs()) {
        Meeting.Participant p = seen.get(leg.id());
        assertTrue(p != null, "tracker misses leg " + leg);
        assertEquals(leg.isEnded(), p.state() == ParticipantState.ENDED, leg + " vs " + p);
        if (leg.isEnded()) {
          assertEquals(leg.endReason(), p.endReason(), leg + " vs " + p);
        }
      }
    }
  }

  @Test
  void meetingOverTwoBridges_trackerMatchesSimulatedCalls() {
    String space = createSpace("Weekly");
    CallLegInfo alice = cms.callBridge(0).join(space, "alice@example.com", "Alice");
    CallLegInfo bob = cms.callBridge(1).join(space, "bob@example.com", "Bob");
    delivered();
    Meeting m = tracker.activeMeetings().get(0);
    assertEquals(1, tracker.activeMeetings().size(), tracker.activeMeetings().toString());
    assertEquals("sim", m.clusterId());
    assertEquals(space, m.coSpace());
    assertEquals(2, m.calls().size());
    assertEquals(Set.of("Alice", "Bob"), m.activeParticipants().stream()
        .map(Meeting.Participant::displayName).collect(Collectors.toSet()));
    assertTrue(m.activeParticipants().stream()
        .allMatch(p -> p.state() == ParticipantState.CONNECTED), m.toString());

    assertEquals(200, api(cms.callBridge(1), "PUT", "callLegs/" + bob.id(),
        Map.of("deactivated", "true")).statusCode());
    delivered();
    assertEquals(ParticipantState.IN_LOBBY, tracker.activeMeetings().get(0).participants().stream()
        .filter(p -> p.callLegId().equals(bob.id())).findFirst().orElseThrow().state());

    cms.clock().advance(Duration.ofSeconds(30));
    cms.callBridge(0).leave(alice.id());
    delivered();
    assertEquals(1, tracker.activeMeetings().size(), "Bob is still in on bridge 2");
    assertTrackerMatchesSimulator();

    cms.callBridge(1).leave(bob.id());
    delivered();
    assertTrue(tracker.activeMeetings().isEmpty(), tracker.meetings().toString());
    assertEquals(Meeting.State.ENDED, tracker.meetings().get(0).state());
    assertTrackerMatchesSimulator();
  }

  @Test
  void sinkFailure_callBridgeResends_participantsCountedOnce() {
    String space = createSpace("Retro");
    flaky.failNext(2);
    cms.callBridge(0).join(space, "carol@example.com", "Carol");
    delivered();
    Meeting m = tracker.activeMeetings().get(0);
    assertEquals(1, m.participants().size());
    assertEquals(ParticipantState.CONNECTED, m.participants().get(0).state());
    assertEquals(0, flaky.failuresLeft(), "the store failed twice and the batch was re-sent");
    assertTrackerMatchesSimulator();
  }

  @Test
  void bridgeRestart_callsOnItEndAndMeetingEnds() {
    String space = createSpace("Standup");
    cms.callBridge(1).join(space, "dan@example.com", "Dan");
    delivered();
    assertEquals(1, tracker.activeMeetings().size());
    cms.callBridge(1).restart();
    cms.callBridge(1).startCall(createSpace("Other"));
    delivered();
    Meeting standup = tracker.meetings().stream().filter(x -> space.equals(x.coSpace()))
        .findFirst().orElseThrow();
    assertEquals(Meeting.State.ENDED, standup.state());
    assertEquals("callBridgeRestarted", standup.endReason());
    assertEquals(1, tracker.activeMeetings().size(), "the new call after the restart");
  }

  @Test
  void receiverRestart_journalReplayRebuildsTracker() {
    String space = createSpace("Replay");
    cms.callBridge(0).join(space, "erin@example.com", "Erin");
    delivered();
    pipeline.close(); // the receiving process stops; its journal stays on disk
    try (MeetingTracker rebuilt = MeetingTracker.builder().scheduler(scheduler).build();
        CdrPipeline reopened = CdrPipeline.builder()
            .store(CdrJournal.builder(dir).scheduler(scheduler).build())
            .addListener(rebuilt).build()) {
      assertTrue(reopened.awaitDelivered(Duration.ofSeconds(10)), "replay not handed to the tracker");
      assertEquals(1, rebuilt.activeMeetings().size());
      assertEquals("Erin", rebuilt.activeMeetings().get(0).participants().get(0).displayName());
      assertEquals(ParticipantState.CONNECTED,
          rebuilt.activeMeetings().get(0).participants().get(0).state());
      assertEquals(3, reopened.recordsDelivered(), "callStart, callLegStart, callLegUpdate");
    }
  }
}
