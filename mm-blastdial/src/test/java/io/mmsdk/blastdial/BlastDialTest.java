package io.mmsdk.blastdial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mmsdk.testkit.core.ClusterOptions;
import io.mmsdk.testkit.core.EndpointScript;
import io.mmsdk.testkit.core.SimulatedClock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Blast dial's behaviour against the simulated cluster ({@link BridgeFixture}): a meeting running
 * on the first of two Call Bridges, its first participant Alice dialed in, and scripted endpoints
 * answering blast dial's dial-outs.
 */
class BlastDialTest {
  static final String CLUSTER = "cluster-a";
  static final Duration RETRY = BlastDialConfig.DEFAULT_RETRY_DELAY;
  /**
   * The cluster's ringing timeout: within it every scripted outcome (busy, declined, answered and a
   * key pressed, or no answer) has happened and reached blast dial.
   */
  static final Duration RING = Duration.ofSeconds(10);
  /** A leg's change reaches blast dial within this: the fixture passes changes on every second. */
  static final Duration SIGNAL = Duration.ofSeconds(1);
  static final EndpointScript PRESS_1 = EndpointScript.answersThenPresses("1");
  static final EndpointScript NO_ANSWER = EndpointScript.noAnswer();
  static final EndpointScript BUSY = EndpointScript.busy();

  @TempDir Path dir;
  BridgeFixture cms;
  SimulatedClock scheduler;
  SpaceKey space;
  String call;
  BlastDial blast;

  @BeforeEach
  void setUp() {
    cms = new BridgeFixture(ClusterOptions.builder().callBridges(2).ringingTimeout(RING));
    scheduler = cms.clock;
    space = SpaceKey.of(CLUSTER, cms.createSpace("Standup"));
    call = cms.bridge.join(space.spaceId(), "alice@example.com", "Alice").callId();
    blast = newBlastDial(dir.resolve("a"));
  }

  @AfterEach
  void tearDown() {
    blast.close();
    stores.values().forEach(FileBlastDialStore::close);
    cms.close();
  }

  private final java.util.Map<Path, FileBlastDialStore> stores = new java.util.HashMap<>();

  /** Opens the store in {@code storeDir}, closing an earlier instance on it first (a restart). */
  FileBlastDialStore reopen(Path storeDir) {
    FileBlastDialStore old = stores.remove(storeDir);
    if (old != null) {
      old.close();
    }
    FileBlastDialStore s = FileBlastDialStore.open(storeDir);
    stores.put(storeDir, s);
    return s;
  }

  BlastDial newBlastDial(Path storeDir) {
    BlastDial b =
        BlastDial.builder()
            .store(reopen(storeDir))
            .scheduler(scheduler)
            .callBridge(CLUSTER, cms.gateway)
            .executor(Runnable::run)
            .build();
    cms.listen(b);
    return b;
  }

  /** Closes {@code blast}, as a stopped process: it hears of no leg changes any more. */
  void stop(BlastDial b) {
    b.close();
    cms.unlisten(b);
  }

  void configure(BlastDial b, int retries, AudioPromptMode mode, String... addresses) {
    b.configure(
        space,
        BlastDialConfig.builder().enabled(true).retries(retries).audioPrompt(mode).build());
    for (String a : addresses) {
      b.addContact(space, new ContactDetails("Name " + a, a, true));
    }
  }

  ContactStatus status(String address) {
    return blast.findStatus(CLUSTER, call).orElseThrow().findContact(address).orElseThrow();
  }

  @Test
  void participantJoined_contactPressesOne_joinsAndIsNotRedialed() {
    configure(blast, 3, AudioPromptMode.PER_CONTACT, "bob@example.com");
    cms.cms.scriptEndpoint("bob@example.com", PRESS_1);

    blast.participantJoined(space, call, "alice@example.com");
    scheduler.advance(Duration.ofHours(1));

    assertEquals(1, cms.dialsTo("bob@example.com"));
    assertEquals(Map.of("bob@example.com", true), cms.confirmations(call));
    ContactStatus s = status("bob@example.com");
    assertEquals(ContactState.JOINED, s.state());
    assertEquals(1, s.attempts());
    assertEquals(BlastStatus.Phase.COMPLETED, blast.findStatus(CLUSTER, call).get().phase());
  }

  @Test
  void participantJoined_manyContacts_allDialedAtOnceExceptTheOneWhoDialedIn() {
    configure(blast, 3, AudioPromptMode.PER_CONTACT,
        "alice@example.com", "bob@example.com", "carol@example.com", "dave@example.com");

    blast.participantJoined(space, call, "sip:Alice@Example.com");

    assertEquals(3, cms.dialOuts().size());
    assertEquals(0, cms.dialsTo("alice@example.com"));
    assertEquals(ContactState.SKIPPED, status("alice@example.com").state());
    assertEquals(ContactState.DIALING, status("carol@example.com").state());
  }

  @Test
  void participantJoined_secondJoinSameMeeting_doesNotDialAgain() {
    configure(blast, 0, AudioPromptMode.PER_CONTACT, "bob@example.com", "carol@example.com");
    cms.cms.scriptEndpoint("bob@example.com", PRESS_1);

    blast.participantJoined(space, call, "alice@example.com");
    scheduler.advance(Duration.ofMinutes(1));
    blast.participantJoined(space, call, "bob@example.com");
    scheduler.advance(Duration.ofMinutes(1));

    assertEquals(2, cms.dialOuts().size());
  }

  @Test
  void observeCalls_pollSnapshots_startOnceAndEndWhenCallDisappears() {
    configure(blast, 5, AudioPromptMode.PER_CONTACT, "alice@example.com", "bob@example.com");

    blast.observeCalls(CLUSTER, List.of(new ActiveCall(call, space.spaceId(), List.of())));
    assertTrue(cms.dialOuts().isEmpty());
    blast.observeCalls(CLUSTER, List.of(
        new ActiveCall(call, space.spaceId(), List.of("alice@example.com")),
        new ActiveCall("adhoc-1", "", List.of("x@example.com"))));
    blast.observeCalls(CLUSTER, List.of(
        new ActiveCall(call, space.spaceId(), List.of("alice@example.com", "bob@example.com"))));
    assertEquals(1, cms.dialOuts().size());
    assertEquals(1, cms.dialsTo("bob@example.com"));

    blast.observeCalls(CLUSTER, List.of());
    assertEquals(BlastStatus.Phase.MEETING_ENDED, blast.findStatus(CLUSTER, call).get().phase());
  }

  @Test
  void participantJoined_secondCallInstanceOfSameSpace_notDialedAgainUntilMeetingEnds() {
    configure(blast, 0, AudioPromptMode.PER_CONTACT, "bob@example.com");
    cms.cms.scriptEndpoint("bob@example.com", NO_ANSWER);
    String onBridge2 = cms.cms.callBridge(1).join(space.spaceId(), "carol@example.com", "Carol")
        .callId();

    blast.participantJoined(space, call, "alice@example.com");
    blast.participantJoined(space, onBridge2, "carol@example.com");
    assertEquals(1, cms.dialOuts().size());
    assertTrue(blast.findStatus(CLUSTER, onBridge2).isEmpty());

    cms.bridge.endCall(call);
    blast.meetingEnded(CLUSTER, call);
    String nextMeeting = cms.bridge.startCall(space.spaceId());
    blast.participantJoined(space, nextMeeting, "alice@example.com");
    assertEquals(2, cms.dialOuts().size());
    assertEquals(1, cms.confirmations(nextMeeting).size());
  }

  @Test
  void participantJoined_contactPressesStar_declinedAndNotRedialed() {
    configure(blast, 3, AudioPromptMode.PER_CONTACT, "bob@example.com");
    cms.cms.scriptEndpoint("bob@example.com", EndpointScript.answersThenPresses("*"), PRESS_1);

    blast.participantJoined(space, call, "alice@example.com");
    scheduler.advance(Duration.ofHours(1));

    assertEquals(1, cms.dialsTo("bob@example.com"));
    assertEquals(ContactState.DECLINED, status("bob@example.com").state());
  }

  @Test
  void participantJoined_contactPressesDecline_declinedAndNotRedialed() {
    configure(blast, 3, AudioPromptMode.PER_CONTACT, "bob@example.com");
    cms.cms.scriptEndpoint("bob@example.com", EndpointScript.rejects(), PRESS_1);

    blast.participantJoined(space, call, "alice@example.com");
    scheduler.advance(Duration.ofHours(1));

    assertEquals(1, cms.dialsTo("bob@example.com"));
    ContactStatus s = status("bob@example.com");
    assertEquals(ContactState.DECLINED, s.state());
    assertEquals("remoteRejected", s.lastResult());
  }

  @Test
  void participantJoined_otherDigitsThenOne_joins() {
    configure(blast, 3, AudioPromptMode.PER_CONTACT, "bob@example.com");
    cms.cms.scriptEndpoint("bob@example.com", EndpointScript.answersThenPresses("5#91"));

    blast.participantJoined(space, call, "alice@example.com");
    scheduler.advance(Duration.ofHours(1));

    assertEquals(1, cms.dialsTo("bob@example.com"));
    assertEquals(ContactState.JOINED, status("bob@example.com").state());
  }

  @Test
  void participantJoined_onlyOtherDigits_keepsRedialingUntilOne() {
    configure(blast, 3, AudioPromptMode.PER_CONTACT, "bob@example.com");
    cms.cms.scriptEndpoint("bob@example.com", EndpointScript.answersThenPresses("5"), EndpointScript.answersThenPresses("7"), PRESS_1);

    blast.participantJoined(space, call, "alice@example.com");
    scheduler.advance(Duration.ofHours(1));

    assertEquals(3, cms.dialsTo("bob@example.com"));
    ContactStatus s = status("bob@example.com");
    assertEquals(ContactState.JOINED, s.state());
    assertEquals(3, s.attempts());
  }

  @Test
  void participantJoined_busyThenAnswer_redialsAfterRetryDelayNotBefore() {
    configure(blast, 3, AudioPromptMode.PER_CONTACT, "bob@example.com");
    cms.cms.scriptEndpoint("bob@example.com", BUSY, PRESS_1);

    blast.participantJoined(space, call, "alice@example.com");
    scheduler.advance(SIGNAL);
    ContactStatus waiting = status("bob@example.com");
    assertEquals(ContactState.WAITING_RETRY, waiting.state());
    assertEquals("remoteBusy", waiting.lastResult());
    assertEquals(scheduler.now().plus(RETRY), waiting.findNextRetryAt().orElseThrow());

    scheduler.advance(RETRY.minusSeconds(1));
    assertEquals(1, cms.dialsTo("bob@example.com"));
    scheduler.advance(Duration.ofSeconds(1));
    assertEquals(2, cms.dialsTo("bob@example.com"));
    scheduler.advance(RING);

    ContactStatus s = status("bob@example.com");
    assertEquals(ContactState.JOINED, s.state());
    assertEquals(2, s.attempts());
  }

  @Test
  void participantJoined_neverAnswers_stopsWhenRetriesRunOut() {
    configure(blast, 2, AudioPromptMode.PER_CONTACT, "bob@example.com");
    cms.cms.scriptEndpoint("bob@example.com", NO_ANSWER);

    blast.participantJoined(space, call, "alice@example.com");
    scheduler.advance(Duration.ofHours(2));

    assertEquals(3, cms.dialsTo("bob@example.com"));
    ContactStatus s = status("bob@example.com");
    assertEquals(ContactState.RETRIES_EXHAUSTED, s.state());
    assertEquals("ringingTimeout", s.lastResult());
    assertEquals(BlastStatus.Phase.COMPLETED, blast.findStatus(CLUSTER, call).get().phase());
  }

  @Test
  void participantJoined_promptOffGlobally_dialsWithoutConfirmationAndJoinsOnAnswer() {
    configure(blast, 0, AudioPromptMode.NEVER, "bob@example.com");
    cms.cms.scriptEndpoint("bob@example.com", EndpointScript.answers());

    blast.participantJoined(space, call, "alice@example.com");
    scheduler.advance(Duration.ofMinutes(5));

    assertEquals(Map.of("bob@example.com", false), cms.confirmations(call));
    assertEquals(ContactState.JOINED, status("bob@example.com").state());
    assertEquals("notRequired", status("bob@example.com").lastResult());
  }

  @Test
  void participantJoined_promptModes_globalOverridesContact() {
    blast.configure(space, BlastDialConfig.builder().enabled(true).build());
    blast.addContact(space, new ContactDetails("Bob", "bob@example.com", true));
    blast.addContact(space, new ContactDetails("Carol", "carol@example.com", false));

    blast.participantJoined(space, call, "");
    assertEquals(Map.of("bob@example.com", true, "carol@example.com", false),
        cms.confirmations(call));

    blast.configure(space, config(blast).toBuilder().audioPrompt(AudioPromptMode.ALWAYS).build());
    blast.meetingEnded(CLUSTER, call);
    cms.bridge.endCall(call);
    String call2 = cms.bridge.startCall(space.spaceId());
    blast.participantJoined(space, call2, "");
    assertEquals(Map.of("bob@example.com", true, "carol@example.com", true),
        cms.confirmations(call2));
  }

  BlastDialConfig config(BlastDial b) {
    return b.config(space);
  }

  @Test
  void meetingEnded_duringRetryWait_noFurtherDials() {
    configure(blast, 5, AudioPromptMode.PER_CONTACT, "bob@example.com");
    cms.cms.scriptEndpoint("bob@example.com", BUSY, BUSY, BUSY);

    blast.participantJoined(space, call, "alice@example.com");
    scheduler.advance(RING.plus(RETRY).plus(RING));
    assertEquals(2, cms.dialsTo("bob@example.com"));

    cms.bridge.endCall(call);
    blast.meetingEnded(CLUSTER, call);
    scheduler.advance(Duration.ofHours(1));

    assertEquals(2, cms.dialsTo("bob@example.com"));
    BlastStatus s = blast.findStatus(CLUSTER, call).orElseThrow();
    assertEquals(BlastStatus.Phase.MEETING_ENDED, s.phase());
    assertEquals(ContactState.STOPPED, s.contacts().get(0).state());
    assertTrue(blast.activeBlasts().isEmpty());
  }

  @Test
  void configure_turnedOffDuringBlast_stopsDialing() {
    configure(blast, 5, AudioPromptMode.PER_CONTACT, "bob@example.com");
    cms.cms.scriptEndpoint("bob@example.com", NO_ANSWER);

    blast.participantJoined(space, call, "alice@example.com");
    scheduler.advance(RING);
    blast.configure(space, config(blast).toBuilder().enabled(false).build());
    scheduler.advance(Duration.ofHours(1));

    assertEquals(1, cms.dialsTo("bob@example.com"));
    assertEquals(BlastStatus.Phase.TURNED_OFF, blast.findStatus(CLUSTER, call).get().phase());
  }

  @Test
  void participantJoined_blastDialOff_dialsNobody() {
    blast.configure(space, BlastDialConfig.builder().enabled(false).build());
    blast.addContact(space, new ContactDetails("Bob", "bob@example.com", true));

    blast.participantJoined(space, call, "alice@example.com");

    assertTrue(cms.dialOuts().isEmpty());
    assertTrue(blast.findStatus(CLUSTER, call).isEmpty());
  }

  @Test
  void participantJoined_bridgeAnswers503_backsOffWithoutCountingAttempt() {
    configure(blast, 0, AudioPromptMode.PER_CONTACT, "bob@example.com");
    cms.cms.scriptEndpoint("bob@example.com", PRESS_1);
    cms.bridge.faults().failNext("POST", "calls/*/callLegs", 2, 503);

    blast.participantJoined(space, call, "alice@example.com");
    assertEquals(0, cms.dialOuts().size());
    assertEquals("bridgeBusy", status("bob@example.com").lastResult());
    scheduler.advance(Duration.ofSeconds(1));
    assertEquals(0, cms.dialOuts().size());
    scheduler.advance(Duration.ofSeconds(2));
    assertEquals(1, cms.dialOuts().size());
    scheduler.advance(RING);

    ContactStatus s = status("bob@example.com");
    assertEquals(ContactState.JOINED, s.state());
    assertEquals(1, s.attempts());
  }

  @Test
  void primaryAndSecondary_together_eachContactDialedExactlyOnce() {
    blast.setMonitoring(MonitoringSettings.primary());
    BlastDial secondary = newBlastDial(dir.resolve("b"));
    try {
      secondary.setMonitoring(MonitoringSettings.secondary(Duration.ofSeconds(20)));
      for (BlastDial b : List.of(blast, secondary)) {
        configure(b, 3, AudioPromptMode.PER_CONTACT, "bob@example.com", "carol@example.com");
      }
      cms.cms.scriptEndpoint("bob@example.com", PRESS_1);
      cms.cms.scriptEndpoint("carol@example.com", NO_ANSWER, PRESS_1);

      blast.participantJoined(space, call, "alice@example.com");
      secondary.participantJoined(space, call, "alice@example.com");
      assertEquals(BlastStatus.Phase.WAITING_AS_SECONDARY,
          secondary.findStatus(CLUSTER, call).get().phase());
      scheduler.advance(Duration.ofHours(1));

      assertEquals(1, cms.dialsTo("bob@example.com"));
      assertEquals(2, cms.dialsTo("carol@example.com"));
      assertEquals(BlastStatus.Phase.DIALED_BY_OTHER_INSTANCE,
          secondary.findStatus(CLUSTER, call).get().phase());
      assertEquals(ContactState.JOINED, status("carol@example.com").state());
    } finally {
      secondary.close();
    }
  }

  @Test
  void secondary_nobodyElseDialing_dialsAfterItsDelay() {
    blast.setMonitoring(MonitoringSettings.secondary(Duration.ofSeconds(20)));
    configure(blast, 0, AudioPromptMode.PER_CONTACT, "bob@example.com");

    blast.participantJoined(space, call, "alice@example.com");
    scheduler.advance(Duration.ofSeconds(19));
    assertEquals(0, cms.dialOuts().size());
    scheduler.advance(Duration.ofSeconds(1));

    assertEquals(1, cms.dialsTo("bob@example.com"));
  }

  @Test
  void monitoringOff_participantJoined_neverDials() {
    configure(blast, 0, AudioPromptMode.PER_CONTACT, "bob@example.com");
    blast.setMonitoring(MonitoringSettings.off());

    blast.participantJoined(space, call, "alice@example.com");
    scheduler.advance(Duration.ofHours(1));

    assertTrue(cms.dialOuts().isEmpty());
  }

  @Test
  void restart_midBlast_resumesRetriesWithoutDialingAnyoneTwice() {
    configure(blast, 3, AudioPromptMode.PER_CONTACT,
        "bob@example.com", "carol@example.com", "dave@example.com");
    cms.cms.scriptEndpoint("bob@example.com", BUSY, PRESS_1);
    cms.cms.scriptEndpoint("carol@example.com", PRESS_1);
    cms.cms.scriptEndpoint("dave@example.com", NO_ANSWER, PRESS_1);

    blast.participantJoined(space, call, "alice@example.com");
    assertEquals(3, cms.dialOuts().size());
    stop(blast);

    blast = newBlastDial(dir.resolve("a"));
    scheduler.runDue();
    assertEquals(3, cms.dialOuts().size());
    assertEquals(ContactState.DIALING, status("carol@example.com").state());
    scheduler.advance(RING);
    assertEquals(ContactState.JOINED, status("carol@example.com").state());
    assertEquals(ContactState.WAITING_RETRY, status("bob@example.com").state());
    stop(blast);

    blast = newBlastDial(dir.resolve("a"));
    scheduler.advance(RETRY.plus(RING));

    assertEquals(2, cms.dialsTo("bob@example.com"));
    assertEquals(1, cms.dialsTo("carol@example.com"));
    assertEquals(2, cms.dialsTo("dave@example.com"));
    BlastStatus s = blast.findStatus(CLUSTER, call).orElseThrow();
    assertEquals(BlastStatus.Phase.COMPLETED, s.phase());
    assertTrue(s.contacts().stream()
        .filter(c -> !c.contact().address().startsWith("alice"))
        .allMatch(c -> c.state() == ContactState.JOINED));
    blast.participantJoined(space, call, "alice@example.com");
    assertEquals(5, cms.dialOuts().size());
  }

  @Test
  void restart_crashWhileDialOutsQueued_adoptsLegsOnBridgeInsteadOfRedialing() {
    configure(blast, 0, AudioPromptMode.PER_CONTACT, "bob@example.com");
    cms.cms.scriptEndpoint("bob@example.com", PRESS_1);
    FileBlastDialStore store = stores.get(dir.resolve("a"));
    String legId = cms.gateway.dialOut(call, "bob@example.com", true);
    Contact bob = blast.contacts(space).get(0);
    store.saveRun(new BlastStatus(space, call, scheduler.now(), BlastStatus.Phase.DIALING,
        List.of(new ContactStatus(bob, ContactState.DIALING, 1, null, null, null))));
    stop(blast);

    blast = newBlastDial(dir.resolve("a"));
    scheduler.runDue();
    assertEquals(1, cms.dialsTo("bob@example.com"));
    assertEquals(legId, status("bob@example.com").callLegId());
    scheduler.advance(RING);

    assertEquals(1, cms.dialsTo("bob@example.com"));
    assertEquals(ContactState.JOINED, status("bob@example.com").state());
  }

  @Test
  void restart_secondaryWaiting_checksAtOriginalDueTime() {
    blast.setMonitoring(MonitoringSettings.secondary(Duration.ofSeconds(60)));
    configure(blast, 0, AudioPromptMode.PER_CONTACT, "bob@example.com");
    blast.participantJoined(space, call, "alice@example.com");
    scheduler.advance(Duration.ofSeconds(20));
    stop(blast);

    blast = newBlastDial(dir.resolve("a"));
    scheduler.advance(Duration.ofSeconds(39));
    assertEquals(0, cms.dialOuts().size());
    scheduler.advance(Duration.ofSeconds(1));

    assertEquals(1, cms.dialsTo("bob@example.com"));
  }

  @Test
  void restart_meetingEndedWhileDown_stopsWithoutDialing() {
    configure(blast, 3, AudioPromptMode.PER_CONTACT, "bob@example.com");
    cms.cms.scriptEndpoint("bob@example.com", BUSY);
    blast.participantJoined(space, call, "alice@example.com");
    scheduler.advance(RING);
    stop(blast);
    cms.bridge.endCall(call);

    blast = newBlastDial(dir.resolve("a"));
    scheduler.advance(Duration.ofHours(1));

    assertEquals(1, cms.dialOuts().size());
    assertEquals(BlastStatus.Phase.MEETING_ENDED, blast.findStatus(CLUSTER, call).get().phase());
    assertTrue(stores.get(dir.resolve("a")).runs().isEmpty());
  }

  @Test
  void configure_fewerRetriesMidBlast_appliesToNextFailure() {
    configure(blast, 5, AudioPromptMode.PER_CONTACT, "bob@example.com");
    cms.cms.scriptEndpoint("bob@example.com", NO_ANSWER);

    blast.participantJoined(space, call, "alice@example.com");
    scheduler.advance(RING);
    blast.configure(space, config(blast).toBuilder().retries(1).build());
    scheduler.advance(Duration.ofHours(1));

    assertEquals(2, cms.dialsTo("bob@example.com"));
    assertEquals(ContactState.RETRIES_EXHAUSTED, status("bob@example.com").state());
  }

  @Test
  void dialOut_requestFails_countsAsAttemptAndRetries() {
    configure(blast, 1, AudioPromptMode.PER_CONTACT, "bob@example.com");
    cms.cms.scriptEndpoint("bob@example.com", PRESS_1);
    cms.bridge.faults().failNext("POST", "calls/*/callLegs", 1, 500);

    blast.participantJoined(space, call, "alice@example.com");
    ContactStatus failed = status("bob@example.com");
    assertEquals(ContactState.WAITING_RETRY, failed.state());
    assertEquals("dialOutFailed", failed.lastResult());
    assertEquals(0, cms.dialOuts().size());
    scheduler.advance(RETRY.plus(RING));

    assertEquals(ContactState.JOINED, status("bob@example.com").state());
    assertEquals(2, status("bob@example.com").attempts());
  }

  @Test
  void configure_clusterNotManaged_refusedWithExplanation() {
    BlastDial other =
        BlastDial.builder()
            .store(reopen(dir.resolve("c")))
            .scheduler(scheduler)
            .callBridge(CLUSTER, cms.gateway)
            .managesMeetings(id -> false)
            .executor(Runnable::run)
            .build();
    BlastDialNotAllowedException e =
        assertThrows(BlastDialNotAllowedException.class,
            () -> other.configure(space, BlastDialConfig.builder().enabled(true).build()));
    assertEquals(BlastDialNotAllowedException.Reason.CLUSTER_NOT_MANAGED, e.reason());
    assertEquals("Blast dial cannot be configured on this space because this Meeting Management"
        + " does not manage meetings on this cluster. To change this, visit Servers and edit this"
        + " cluster.", e.getMessage());
    other.close();
  }

  @Test
  void configure_clusterRegistry_followsManageMeetingsFlag() {
    io.mmsdk.core.cluster.ClusterRegistry registry = io.mmsdk.core.cluster.ClusterRegistry.inMemory();
    registry.add(io.mmsdk.core.cluster.Cluster.builder().id(CLUSTER).name("A")
        .manageMeetings(false).build());
    try (BlastDial other = BlastDial.builder()
        .store(reopen(dir.resolve("c")))
        .scheduler(scheduler)
        .callBridge(CLUSTER, cms.gateway)
        .clusters(registry)
        .executor(Runnable::run)
        .build()) {
      assertEquals(BlastDialNotAllowedException.Reason.CLUSTER_NOT_MANAGED,
          other.findRefusal(CLUSTER).orElseThrow());
      registry.update(registry.cluster(CLUSTER).toBuilder().manageMeetings(true).build());
      assertTrue(other.findRefusal(CLUSTER).isEmpty());
      assertEquals(BlastDialNotAllowedException.Reason.CLUSTER_NOT_MANAGED,
          other.findRefusal("unknown").orElseThrow());
    }
  }

  @Test
  void addContact_monitoringOff_refusedWithExplanation() {
    blast.setMonitoring(MonitoringSettings.off());
    BlastDialNotAllowedException e =
        assertThrows(BlastDialNotAllowedException.class,
            () -> blast.addContact(space, new ContactDetails("Bob", "bob@example.com", true)));
    assertEquals(BlastDialNotAllowedException.Reason.MONITORING_OFF, e.reason());
    assertTrue(e.getMessage().endsWith("To change this, visit Settings > Blast dial monitoring."));
  }

  @Test
  void contacts_addEditDelete_persistAcrossInstances() {
    Contact bob = blast.addContact(space, new ContactDetails(" Bob ", "bob@example.com", true));
    Contact carol = blast.addContact(space, new ContactDetails("Carol", "carol@example.com", false));
    blast.updateContact(space, bob.id(), new ContactDetails("Robert", "robert@example.com", false));
    blast.deleteContact(space, carol.id());
    blast.close();

    blast = newBlastDial(dir.resolve("a"));
    assertEquals(List.of(new Contact("c1", "Robert", "robert@example.com", false)),
        blast.contacts(space));
  }

  @Test
  void addContact_badInput_rejectedWithHowToFix() {
    blast.addContact(space, new ContactDetails("Bob", "bob@example.com", true));
    InvalidContactException dup =
        assertThrows(InvalidContactException.class,
            () -> blast.addContact(space, new ContactDetails("B", "BOB@example.com", true)));
    assertTrue(dup.getMessage().contains("already belongs to contact 'Bob'"), dup.getMessage());
    InvalidContactException blank =
        assertThrows(InvalidContactException.class,
            () -> blast.addContact(space, new ContactDetails("X", "x y@example.com", true)));
    assertTrue(blank.getMessage().contains("' ' (space) at position 2"), blank.getMessage());
    assertThrows(InvalidContactException.class,
        () -> blast.addContact(space, new ContactDetails("", "x@example.com", true)));
    assertThrows(InvalidContactException.class,
        () -> blast.deleteContact(space, "c99"));
  }

  @Test
  void uploadCsv_rejected_keepsExistingContacts() {
    blast.addContact(space, new ContactDetails("Bob", "bob@example.com", true));
    byte[] bad = "name,address,prompt\nCarol,carol example.com,true\n".getBytes();

    assertThrows(ContactsCsvException.class, () -> blast.uploadCsv(space, "c.csv", bad));

    assertEquals(1, blast.contacts(space).size());
    assertEquals("bob@example.com", blast.contacts(space).get(0).address());
  }

  @Test
  void uploadCsv_valid_replacesWholeListAndDownloadsSame() {
    blast.addContact(space, new ContactDetails("Bob", "bob@example.com", true));
    byte[] csv = "name,address,prompt\r\n\"Doe, Jane\",jane@example.com,true\r\nTom,5551234,\r\n"
        .getBytes();

    List<Contact> contacts = blast.uploadCsv(space, "list.csv", csv);

    assertEquals(List.of(new Contact("c1", "Doe, Jane", "jane@example.com", true),
        new Contact("c2", "Tom", "5551234", false)), contacts);
    assertEquals("name,address,prompt\r\n\"Doe, Jane\",jane@example.com,true\r\nTom,5551234,false\r\n",
        new String(blast.downloadCsv(space)));
  }
}
