package io.mmsdk.meetings.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mmsdk.admin.access.Principal;
import io.mmsdk.admin.access.Role;
import io.mmsdk.cdr.CdrHandler;
import io.mmsdk.cdr.CdrHttpServer;
import io.mmsdk.cdr.CdrPipeline;
import io.mmsdk.cms.CmsClient;
import io.mmsdk.cms.api.CoSpaceParameters;
import io.mmsdk.core.cluster.CallBridge;
import io.mmsdk.core.cluster.Cluster;
import io.mmsdk.core.cluster.ClusterRegistry;
import io.mmsdk.meetings.LiveMeetings;
import io.mmsdk.meetings.Meeting;
import io.mmsdk.meetings.MeetingChange;
import io.mmsdk.meetings.MeetingListener;
import io.mmsdk.meetings.MeetingTracker;
import io.mmsdk.testkit.SimulatedCallBridge;
import io.mmsdk.testkit.SimulatedCluster;
import io.mmsdk.testkit.core.CallLegInfo;
import java.net.URI;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Controls taken from the live view's ids, with their effect seen back through the live view
 * ({@link LiveMeetings}: CDRs, the Events roster and callInfo) on the simulated cluster. Waits
 * block on the tracker's change notifications (bounded), never on a fixed sleep.
 */
class ControlsLiveViewTest {
  private static final String TOKEN = "t0k";
  private final SimulatedCluster cms = SimulatedCluster.start();
  private final BlockingQueue<MeetingChange> signals = new LinkedBlockingQueue<>();
  private final ClusterRegistry registry = ClusterRegistry.inMemory();
  private MeetingTracker tracker;
  private CdrPipeline pipeline;
  private CdrHttpServer server;
  private LiveMeetings live;
  private CmsClient client;
  private Cluster cluster;
  private MeetingControls controls;

  @BeforeEach
  void start() {
    SimulatedCallBridge bridge = cms.callBridge(0);
    URI base = URI.create(bridge.baseUrl());
    cluster = registry.add(Cluster.builder().name("Simulated").manageMeetings(true)
        .addCallBridge(CallBridge.builder().name(bridge.name()).address(base.getHost() + ":" + base.getPort())
            .credentials(cms.apiUsername(), cms.apiPassword()).build())
        .build());
    CallBridge registered = cluster.callBridges().get(0);
    client = CmsClient.builder().baseUrl(bridge.baseUrl()).credentials(cms.apiUsername(), cms.apiPassword()).build();
    tracker = MeetingTracker.builder().scheduler(cms.clock()).addListener(new MeetingListener() {
      @Override
      public void onMeetingChanged(MeetingChange change) {
        signals.add(change);
      }
    }).build();
    pipeline = CdrPipeline.builder().addListener(event -> live.onEvent(event)).build();
    server = CdrHttpServer.builder()
        .handler(CdrHandler.builder().sink(pipeline).token(TOKEN).scheduler(cms.clock()).build())
        .start();
    live = LiveMeetings.builder().registry(registry).tracker(tracker)
        .clients(b -> CmsClient.builder().baseUrl(bridge.baseUrl()).credentials(cms.apiUsername(), cms.apiPassword())
            .build())
        .receiverUri(c -> URI.create(server.uri() + "?cluster=" + c.id() + "&token=" + TOKEN))
        .build();
    live.start();
    // The controls know the bridge by the registry's id, the id the live view reports calls with.
    controls = MeetingControls.builder().bridge(registered.id(), client).build();
  }

  @AfterEach
  void stop() {
    live.close();
    server.close();
    pipeline.close();
    tracker.close();
    client.close();
    cms.close();
  }

  private void await(BooleanSupplier condition, String what) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (!condition.getAsBoolean()) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new AssertionError("timed out waiting for " + what + "; meetings: " + tracker.meetings());
      }
      signals.poll(Math.min(left, TimeUnit.MILLISECONDS.toNanos(100)), TimeUnit.NANOSECONDS);
    }
  }

  private Optional<Meeting> meeting(String callId) {
    return tracker.findMeetingByCall(cluster.id(), callId);
  }

  private Optional<Meeting.Participant> participant(String callId, String legId) {
    return meeting(callId).flatMap(m -> m.participants().stream().filter(p -> p.callLegId().equals(legId)).findFirst());
  }

  @Test
  void controlsOnTheViewsIds_changesComeBackThroughEvents() throws Exception {
    await(() -> cms.callBridge(0).openEventSockets() == 1, "the live view's events socket");
    String space = client.api().coSpaces().create(CoSpaceParameters.builder().name("Weekly").cdrTag("emea").build());
    CallLegInfo alice = cms.callBridge(0).join(space, "alice@example.com", "Alice");
    CallLegInfo bob = cms.callBridge(0).join(space, "bob@example.com", "Bob");
    await(() -> participant(bob.callId(), bob.id()).map(p -> p.state() == Meeting.ParticipantState.CONNECTED)
        .orElse(false), "Bob connected");
    await(() -> participant(alice.callId(), alice.id()).map(p -> p.participantId() != null).orElse(false)
        && meeting(alice.callId()).map(m -> m.calls().stream().allMatch(c -> c.bridgeId() != null)).orElse(false),
        "the view knows Alice's participant id and the call's bridge");

    Meeting seen = meeting(alice.callId()).orElseThrow();
    Principal eve = Principal.builder("eve", Role.VIDEO_OPERATOR).tags(Set.of("emea")).build();
    MeetingRef ref = MeetingRef.of(seen.calls().get(0));
    ParticipantRef aliceRef = ParticipantRef.of(seen, participant(alice.callId(), alice.id()).orElseThrow());
    assertEquals(new MeetingRef(cluster.callBridges().get(0).id(), alice.callId()), ref);

    controls.execute(eve, new ParticipantControl.SetAudioMuted(aliceRef, true));
    controls.execute(eve, new MeetingControl.SetLocked(ref, true));
    controls.execute(eve, new ParticipantControl.SetImportant(aliceRef, true));
    await(() -> participant(alice.callId(), alice.id()).map(p -> p.mute().rxAudio()).orElse(false),
        "Alice muted (Events roster)");
    await(() -> meeting(alice.callId()).map(Meeting::locked).orElse(false), "locked (Events callInfo)");
    await(() -> participant(alice.callId(), alice.id()).map(p -> Long.valueOf(1).equals(p.importance())).orElse(false),
        "Alice important (Events roster)");
    assertFalse(participant(bob.callId(), bob.id()).orElseThrow().mute().rxAudio());

    controls.execute(eve, new ParticipantControl.Disconnect(ParticipantRef.of(seen, participant(bob.callId(), bob.id()).orElseThrow())));
    await(() -> participant(bob.callId(), bob.id()).map(p -> p.state() == Meeting.ParticipantState.ENDED).orElse(false),
        "Bob ended (CDR callLegEnd)");
    assertEquals("apiInitiatedTeardown", participant(bob.callId(), bob.id()).orElseThrow().endReason());

    controls.execute(eve, new MeetingControl.EndMeeting(ref));
    await(() -> meeting(alice.callId()).map(m -> !m.isActive()).orElse(false), "the meeting ended (CDR callEnd)");
  }

  @Test
  void viewIdsNotYetKnown_invalidControl() {
    Meeting.Call unplaced = new Meeting.Call("call-1", null, "session", null, false);
    assertThrows(InvalidControlException.class, () -> MeetingRef.of(unplaced));
  }
}
