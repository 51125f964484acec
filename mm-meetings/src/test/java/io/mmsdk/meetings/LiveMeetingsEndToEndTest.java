package io.mmsdk.meetings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mmsdk.cdr.CallLegStart;
import io.mmsdk.cdr.CallLegUpdate;
import io.mmsdk.cdr.CdrEvent;
import io.mmsdk.cdr.CdrHandler;
import io.mmsdk.cdr.CdrHttpServer;
import io.mmsdk.cdr.CdrOrigin;
import io.mmsdk.cdr.CdrPipeline;
import io.mmsdk.cdr.CdrRecord;
import io.mmsdk.cdr.RecordHeader;
import io.mmsdk.cms.CmsClient;
import io.mmsdk.cms.RetryPolicy;
import io.mmsdk.cms.core.Form;
import io.mmsdk.core.cluster.CallBridge;
import io.mmsdk.core.cluster.Cluster;
import io.mmsdk.core.cluster.ClusterRegistry;
import io.mmsdk.meetings.Meeting.LogKind;
import io.mmsdk.meetings.Meeting.Participant;
import io.mmsdk.meetings.Meeting.ParticipantState;
import io.mmsdk.testkit.SimulatedCallBridge;
import io.mmsdk.testkit.SimulatedCluster;
import io.mmsdk.testkit.core.CallLegInfo;
import io.mmsdk.testkit.core.ClusterOptions;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The live view against the simulated cluster: CDRs over HTTP, the Events WebSocket and REST
 * re-syncs, wired by {@link LiveMeetings} from the cluster registry. Waits block on the tracker's
 * own change notifications (bounded), never on a fixed sleep.
 */
class LiveMeetingsEndToEndTest {
  private static final String TOKEN = "t0k";
  private final SimulatedCluster cms =
      SimulatedCluster.start(ClusterOptions.builder().callBridges(2).build());
  private final BlockingQueue<Object> signals = new LinkedBlockingQueue<>();
  private final List<MeetingChange> changes = new CopyOnWriteArrayList<>();
  private final List<SourceGap> gaps = new CopyOnWriteArrayList<>();
  private final ClusterRegistry registry = ClusterRegistry.inMemory();
  private MeetingTracker tracker;
  private LiveMeetings live;
  private CdrPipeline pipeline;
  private CdrHttpServer server;
  private ExecutorService listenerThread;

  @AfterEach
  void stop() {
    if (live != null) {
      live.close();
    }
    if (server != null) {
      server.close();
    }
    if (pipeline != null) {
      pipeline.close();
    }
    if (tracker != null) {
      tracker.close();
    }
    if (listenerThread != null) {
      listenerThread.shutdownNow();
    }
    cms.close();
  }

  /** Registers the simulated cluster, starts the receiver and the live view. */
  private Cluster start(boolean manageMeetings, boolean directExecutor, MeetingListener extra) {
    listenerThread = Executors.newSingleThreadExecutor();
    MeetingTracker.Builder tb = MeetingTracker.builder().scheduler(cms.clock())
        .listenerExecutor(listenerThread)
        .addListener(new MeetingListener() {
          @Override
          public void onMeetingChanged(MeetingChange change) {
            changes.add(change);
            signals.add(change);
          }

          @Override
          public void onSourceGap(SourceGap gap) {
            gaps.add(gap);
            signals.add(gap);
          }
        });
    if (extra != null) {
      tb.addListener(extra);
    }
    tracker = tb.build();
    Cluster.Builder cb = Cluster.builder().name("Simulated").manageMeetings(manageMeetings);
    for (SimulatedCallBridge b : cms.callBridges()) {
      URI base = URI.create(b.baseUrl());
      cb.addCallBridge(CallBridge.builder().name(b.name())
          .address(base.getHost() + ":" + base.getPort())
          .credentials(cms.apiUsername(), cms.apiPassword()).build());
    }
    Cluster cluster = registry.add(cb.build());
    LiveMeetings.Builder lb = LiveMeetings.builder().registry(registry).tracker(tracker)
        .clients(bridge -> CmsClient.builder()
            .baseUrl(cms.callBridges().stream().filter(s -> s.name().equals(bridge.name()))
                .findFirst().orElseThrow().baseUrl())
            .credentials(cms.apiUsername(), cms.apiPassword())
            .retryPolicy(RetryPolicy.none())
            .build())
        .eventsReconnectBackoff(Duration.ofMillis(20), Duration.ofMillis(200));
    if (directExecutor) {
      lb.executor(Runnable::run);
    }
    pipeline = CdrPipeline.builder().addListener(event -> live.onEvent(event)).build();
    server = CdrHttpServer.builder()
        .handler(CdrHandler.builder().sink(pipeline).token(TOKEN).scheduler(cms.clock()).build())
        .start();
    live = lb.receiverUri(c -> URI.create(server.uri() + "?cluster=" + c.id() + "&token=" + TOKEN))
        .build();
    live.start();
    return cluster;
  }

  private void await(BooleanSupplier condition, String what) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (!condition.getAsBoolean()) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new AssertionError("timed out waiting for " + what + "; meetings: "
            + tracker.meetings());
      }
      // Woken by the tracker's next change or gap; re-checked at least every 100 ms for state
      // that changes without one (sockets, REST).
      signals.poll(Math.min(left, TimeUnit.MILLISECONDS.toNanos(100)), TimeUnit.NANOSECONDS);
    }
  }

  private Optional<Participant> participant(String legId) {
    for (Meeting m : tracker.meetings()) {
      for (Participant p : m.participants()) {
        if (p.callLegId().equals(legId)) {
          return Optional.of(p);
        }
      }
    }
    return Optional.empty();
  }

  private String createSpace(String name) {
    try (CmsClient admin = CmsClient.builder().baseUrl(cms.callBridge(0).baseUrl())
        .credentials(cms.apiUsername(), cms.apiPassword()).build()) {
      return admin.coSpaces().create(Form.builder().set("name", name).build());
    }
  }

  private void put(String path, String... nameValues) {
    try (CmsClient c = CmsClient.builder().baseUrl(cms.callBridge(0).baseUrl())
        .credentials(cms.apiUsername(), cms.apiPassword()).build()) {
      Form.Builder f = Form.builder();
      for (int i = 0; i < nameValues.length; i += 2) {
        f.set(nameValues[i], nameValues[i + 1]);
      }
      c.put(path, f.build());
    }
  }

  private void awaitEventSockets(int perBridge) throws InterruptedException {
    await(() -> cms.callBridges().stream().allMatch(b -> b.openEventSockets() == perBridge),
        perBridge + " events socket(s) on every Call Bridge");
  }

  @Test
  void cdrAndEvents_mergedIntoOneView() throws Exception {
    Cluster cluster = start(true, false, null);
    awaitEventSockets(1);
    String space = createSpace("Weekly");
    CallLegInfo alice = cms.callBridge(0).join(space, "alice@example.com", "Alice");
    CallLegInfo bob = cms.callBridge(0).join(space, "bob@example.com", "Bob");
    await(() -> participant(bob.id()).map(p -> p.state() == ParticipantState.CONNECTED)
        .orElse(false), "Bob connected (CDR)");

    put("callLegs/" + alice.id(), "rxAudioMute", "true");
    put("calls/" + alice.callId(), "locked", "true");
    await(() -> participant(alice.id()).map(p -> p.mute().rxAudio()).orElse(false),
        "Alice muted (Events roster)");
    await(() -> tracker.findMeetingByCall(cluster.id(), alice.callId())
        .map(Meeting::locked).orElse(false), "meeting locked (Events callInfo)");

    Meeting m = tracker.findMeetingByCall(cluster.id(), alice.callId()).orElseThrow();
    assertEquals("Weekly", m.name());
    assertEquals(space, m.coSpace());
    Participant a = participant(alice.id()).orElseThrow();
    assertEquals(alice.participantId(), a.participantId(), "CDR groupId names the participant");
    assertEquals("alice@example.com", a.remoteParty());
    assertFalse(participant(bob.id()).orElseThrow().mute().rxAudio());
    assertTrue(m.log().stream().anyMatch(e -> e.kind() == LogKind.LOCK_CHANGED));
    MeetingChange started = changes.stream()
        .filter(c -> c.entry().kind() == LogKind.MEETING_STARTED).findFirst().orElseThrow();
    assertEquals("Weekly", started.name(), "a meeting-started event carries its name");
    assertEquals(m.startTime(), started.entry().time());
    assertTrue(m.calls().stream().allMatch(c -> c.bridgeId() != null),
        "the registered bridge that reported the call: " + m.calls());
  }

  @Test
  void gapOnEventsSocket_resyncRepairsStaleView() throws Exception {
    Cluster cluster = start(true, false, null);
    awaitEventSockets(1);
    String space = createSpace("Standup");
    CallLegInfo alice = cms.callBridge(0).join(space, "alice@example.com", "Alice");
    await(() -> participant(alice.id()).map(p -> p.state() == ParticipantState.CONNECTED)
        .orElse(false), "Alice connected");
    await(() -> live.resyncs() >= 1, "the start-up re-sync");

    // Make the view stale on purpose: a participant the bridge never had, and Alice in the lobby.
    RecordHeader h = new RecordHeader("callLegStart", cms.clock().instant(), 1, 1, 0);
    feed(cluster, new CallLegStart(h, "ghost-leg", alice.callId(), "Ghost", "ghost@example.com",
        null, null, "sip", null, null, "incoming", null, null, null, null, null, null, null, null,
        null, null, null, null, false, List.of()));
    feed(cluster, new CallLegUpdate(new RecordHeader("callLegUpdate", cms.clock().instant(), 2, 2,
        0), alice.id(), "connected", alice.callId(), false, true, null, null, null, null, null,
        null, null, null, List.of()));
    assertEquals(ParticipantState.CONNECTING, participant("ghost-leg").orElseThrow().state());
    assertEquals(ParticipantState.IN_LOBBY, participant(alice.id()).orElseThrow().state());
    long before = live.resyncs();

    cms.callBridge(0).closeEventSockets();

    await(() -> participant("ghost-leg").map(p -> p.state() == ParticipantState.ENDED)
        .orElse(false), "the ghost removed by the re-sync");
    assertEquals(MeetingTracker.NOT_FOUND_ON_RESYNC,
        participant("ghost-leg").orElseThrow().endReason());
    await(() -> participant(alice.id()).map(p -> p.state() == ParticipantState.CONNECTED)
        .orElse(false), "Alice back out of the lobby");
    await(() -> live.resyncs() > before, "the re-sync after the gap counted");
    Meeting m = tracker.findMeetingByCall(cluster.id(), alice.callId()).orElseThrow();
    assertTrue(m.log().stream().anyMatch(e -> e.kind() == LogKind.RESYNCED
        && e.detail().contains("Ghost gone")), m.log().toString());
    Participant a = participant(alice.id()).orElseThrow();
    assertEquals(1, a.lobbyIntervals().size());
    assertTrue(a.lobbyIntervals().get(0).end() != null, "the stale lobby interval is closed");
    await(() -> !gaps.isEmpty(), "the gap reported");
    awaitEventSockets(1);
    assertEquals(1, gaps.stream().filter(g -> g.source() == SourceGap.Source.EVENTS).count(),
        "one gap, reported once: " + gaps);
  }

  private void feed(Cluster cluster, CdrRecord record) {
    live.onEvent(new CdrEvent.RecordReceived(CdrOrigin.ofCluster(cluster.id()), "stale-session",
        null, record, false));
  }

  @Test
  void manageMeetingsOff_installsNothingTracksNothing_turningOnThenOffRemovesIt()
      throws Exception {
    Cluster cluster = start(false, true, null);
    String space = createSpace("Board");
    cms.callBridge(0).join(space, "carol@example.com", "Carol");
    for (SimulatedCallBridge b : cms.callBridges()) {
      assertEquals(0, receivers(b), "no CDR receiver on " + b.name());
      assertEquals(0, b.openEventSockets(), "no events client on " + b.name());
    }
    feed(cluster, new CallLegStart(new RecordHeader("callLegStart", cms.clock().instant(), 1, 1,
        0), "leg-x", "call-x", "X", "x@example.com", null, null, "sip", null, null, "incoming",
        null, null, null, null, null, null, null, null, null, null, null, null, false, List.of()));
    assertTrue(tracker.meetings().isEmpty(), "not tracked: " + tracker.meetings());
    assertTrue(live.eventsClients().isEmpty());

    registry.update(cluster.toBuilder().manageMeetings(true).build());
    for (SimulatedCallBridge b : cms.callBridges()) {
      assertEquals(1, receivers(b), "receiver installed on " + b.name());
    }
    awaitEventSockets(1);
    await(() -> tracker.activeMeetings().size() == 1, "Carol's meeting found by the re-sync");
    assertEquals(2, live.eventsClients().size());

    registry.update(cluster.toBuilder().manageMeetings(false).build());
    for (SimulatedCallBridge b : cms.callBridges()) {
      assertEquals(0, receivers(b), "receiver removed from " + b.name());
    }
    awaitEventSockets(0);
    assertTrue(tracker.meetings().isEmpty(), "forgotten: " + tracker.meetings());
    assertTrue(live.eventsClients().isEmpty());
  }

  private int receivers(SimulatedCallBridge b) {
    try (CmsClient c = CmsClient.builder().baseUrl(b.baseUrl())
        .credentials(cms.apiUsername(), cms.apiPassword()).build()) {
      return (int) c.cdrReceivers().list().stream().count();
    }
  }

  @Test
  void slowListener_doesNotDelayTheCdrAcknowledgement() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch blocked = new CountDownLatch(1);
    start(true, false, change -> {
      blocked.countDown();
      try {
        release.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    awaitEventSockets(1);
    String space = createSpace("Retro");
    CallLegInfo dan = cms.callBridge(0).join(space, "dan@example.com", "Dan");
    assertTrue(blocked.await(20, TimeUnit.SECONDS), "the listener got the first change");
    cms.callBridge(0).join(space, "erin@example.com", "Erin");
    cms.callBridge(0).leave(dan.id());
    assertTrue(cms.awaitCdrDelivered(Duration.ofSeconds(20)),
        "every batch acknowledged while the listener is still blocked");
    assertTrue(pipeline.awaitDelivered(Duration.ofSeconds(20)), "CDRs not handed to the view");
    assertEquals(ParticipantState.ENDED, participant(dan.id()).orElseThrow().state(),
        "the view is current although its listener is not");
    assertEquals(1, release.getCount());
    release.countDown();
    await(() -> changes.stream().anyMatch(c -> c.entry().kind() == LogKind.PARTICIPANT_LEFT),
        "the listeners catch up once released");
  }
}
