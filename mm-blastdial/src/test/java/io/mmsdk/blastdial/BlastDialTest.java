package io.mmsdk.blastdial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mmsdk.blastdial.ScriptedBridge.Answer;
import io.mmsdk.testkit.core.SimulatedClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BlastDialTest {
  static final String CLUSTER = "cluster-a";
  static final String CALL = "call-1";
  static final SpaceKey SPACE = SpaceKey.of(CLUSTER, "space-1");
  static final Duration RETRY = BlastDialConfig.DEFAULT_RETRY_DELAY;

  @TempDir Path dir;
  SimulatedClock scheduler;
  ScriptedBridge bridge;
  BlastDial blast;

  @BeforeEach
  void setUp() {
    scheduler = SimulatedClock.startingAt(Instant.parse("2026-11-24T09:00:00Z"));
    bridge = new ScriptedBridge(scheduler);
    bridge.startCall(CALL);
    blast = newBlastDial(dir.resolve("a"));
  }

  @AfterEach
  void tearDown() {
    blast.close();
    stores.values().forEach(FileBlastDialStore::close);
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
            .callBridge(CLUSTER, bridge)
            .executor(Runnable::run)
            .build();
    bridge.listen(b);
    return b;
  }

  void configure(BlastDial b, int retries, AudioPromptMode mode, String... addresses) {
    b.configure(
        SPACE,
        BlastDialConfig.builder().enabled(true).retries(retries).audioPrompt(mode).build());
    for (String a : addresses) {
      b.addContact(SPACE, new ContactDetails("Name " + a, a, true));
    }
  }

  ContactStatus status(String address) {
    return blast.findStatus(CLUSTER, CALL).orElseThrow().findContact(address).orElseThrow();
  }

  @Test
  void participantJoined_contactPressesOne_joinsAndIsNotRedialed() {
    configure(blast, 3, AudioPromptMode.PER_CONTACT, "bob@example.com");
    bridge.script("bob@example.com", Answer.press("1"));

    blast.participantJoined(SPACE, CALL, "alice@example.com");
    scheduler.advance(Duration.ofHours(1));

    assertEquals(1, bridge.dialsTo("bob@example.com"));
    assertTrue(bridge.dials().get(0).confirmation());
    ContactStatus s = status("bob@example.com");
    assertEquals(ContactState.JOINED, s.state());
    assertEquals(1, s.attempts());
    assertEquals(BlastStatus.Phase.COMPLETED, blast.findStatus(CLUSTER, CALL).get().phase());
  }

  @Test
  void participantJoined_manyContacts_allDialedAtOnceExceptTheOneWhoDialedIn() {
    configure(blast, 3, AudioPromptMode.PER_CONTACT,
        "alice@example.com", "bob@example.com", "carol@example.com", "dave@example.com");

    blast.participantJoined(SPACE, CALL, "sip:Alice@Example.com");

    assertEquals(3, bridge.dials().size());
    assertEquals(0, bridge.dialsTo("alice@example.com"));
    assertEquals(ContactState.SKIPPED, status("alice@example.com").state());
    assertEquals(ContactState.DIALING, status("carol@example.com").state());
  }

  @Test
  void participantJoined_secondJoinSameMeeting_doesNotDialAgain() {
    configure(blast, 0, AudioPromptMode.PER_CONTACT, "bob@example.com", "carol@example.com");
    bridge.script("bob@example.com", Answer.press("1"));

    blast.participantJoined(SPACE, CALL, "alice@example.com");
    scheduler.advance(Duration.ofMinutes(1));
    blast.participantJoined(SPACE, CALL, "bob@example.com");
    scheduler.advance(Duration.ofMinutes(1));

    assertEquals(2, bridge.dials().size());
  }

  @Test
  void observeCalls_pollSnapshots_startOnceAndEndWhenCallDisappears() {
    configure(blast, 5, AudioPromptMode.PER_CONTACT, "alice@example.com", "bob@example.com");

    blast.observeCalls(CLUSTER, List.of(new ActiveCall(CALL, SPACE.spaceId(), List.of())));
    assertTrue(bridge.dials().isEmpty());
    blast.observeCalls(CLUSTER, List.of(
        new ActiveCall(CALL, SPACE.spaceId(), List.of("alice@example.com")),
        new ActiveCall("adhoc-1", "", List.of("x@example.com"))));
    blast.observeCalls(CLUSTER, List.of(
        new ActiveCall(CALL, SPACE.spaceId(), List.of("alice@example.com", "bob@example.com"))));
    assertEquals(1, bridge.dials().size());
    assertEquals(1, bridge.dialsTo("bob@example.com"));

    blast.observeCalls(CLUSTER, List.of());
    assertEquals(BlastStatus.Phase.MEETING_ENDED, blast.findStatus(CLUSTER, CALL).get().phase());
  }

  @Test
  void participantJoined_secondCallInstanceOfSameSpace_notDialedAgainUntilMeetingEnds() {
    configure(blast, 0, AudioPromptMode.PER_CONTACT, "bob@example.com");
    bridge.startCall("call-on-bridge-2");
    bridge.startCall("next-meeting");

    blast.participantJoined(SPACE, CALL, "alice@example.com");
    blast.participantJoined(SPACE, "call-on-bridge-2", "carol@example.com");
    assertEquals(1, bridge.dials().size());
    assertTrue(blast.findStatus(CLUSTER, "call-on-bridge-2").isEmpty());

    blast.meetingEnded(CLUSTER, CALL);
    blast.participantJoined(SPACE, "next-meeting", "alice@example.com");
    assertEquals(2, bridge.dials().size());
  }

  @Test
  void participantJoined_contactPressesStar_declinedAndNotRedialed() {
    configure(blast, 3, AudioPromptMode.PER_CONTACT, "bob@example.com");
    bridge.script("bob@example.com", Answer.press("*"), Answer.press("1"));

    blast.participantJoined(SPACE, CALL, "alice@example.com");
    scheduler.advance(Duration.ofHours(1));

    assertEquals(1, bridge.dialsTo("bob@example.com"));
    assertEquals(ContactState.DECLINED, status("bob@example.com").state());
  }

  @Test
  void participantJoined_contactPressesDecline_declinedAndNotRedialed() {
    configure(blast, 3, AudioPromptMode.PER_CONTACT, "bob@example.com");
    bridge.script("bob@example.com", Answer.decline(), Answer.press("1"));

    blast.participantJoined(SPACE, CALL, "alice@example.com");
    scheduler.advance(Duration.ofHours(1));

    assertEquals(1, bridge.dialsTo("bob@example.com"));
    ContactStatus s = status("bob@example.com");
    assertEquals(ContactState.DECLINED, s.state());
    assertEquals("remoteRejected", s.lastResult());
  }

  @Test
  void participantJoined_otherDigitsThenOne_joins() {
    configure(blast, 3, AudioPromptMode.PER_CONTACT, "bob@example.com");
    bridge.script("bob@example.com", Answer.press("5#91"));

    blast.participantJoined(SPACE, CALL, "alice@example.com");
    scheduler.advance(Duration.ofHours(1));

    assertEquals(1, bridge.dialsTo("bob@example.com"));
    assertEquals(ContactState.JOINED, status("bob@example.com").state());
  }

  @Test
  void participantJoined_onlyOtherDigits_keepsRedialingUntilOne() {
    configure(blast, 3, AudioPromptMode.PER_CONTACT, "bob@example.com");
    bridge.script("bob@example.com", Answer.press("5"), Answer.press("7"), Answer.press("1"));

    blast.participantJoined(SPACE, CALL, "alice@example.com");
    scheduler.advance(Duration.ofHours(1));

    assertEquals(3, bridge.dialsTo("bob@example.com"));
    ContactStatus s = status("bob@example.com");
    assertEquals(ContactState.JOINED, s.state());
    assertEquals(3, s.attempts());
  }

  @Test
  void participantJoined_busyThenAnswer_redialsAfterRetryDelayNotBefore() {
    configure(blast, 3, AudioPromptMode.PER_CONTACT, "bob@example.com");
    bridge.script("bob@example.com", Answer.busy(), Answer.press("1"));

    blast.participantJoined(SPACE, CALL, "alice@example.com");
    scheduler.advance(ScriptedBridge.RING);
    ContactStatus waiting = status("bob@example.com");
    assertEquals(ContactState.WAITING_RETRY, waiting.state());
    assertEquals("remoteBusy", waiting.lastResult());
    assertEquals(scheduler.now().plus(RETRY), waiting.findNextRetryAt().orElseThrow());

    scheduler.advance(RETRY.minusSeconds(1));
    assertEquals(1, bridge.dialsTo("bob@example.com"));
    scheduler.advance(Duration.ofSeconds(1));
    assertEquals(2, bridge.dialsTo("bob@example.com"));
    scheduler.advance(ScriptedBridge.RING);

    ContactStatus s = status("bob@example.com");
    assertEquals(ContactState.JOINED, s.state());
    assertEquals(2, s.attempts());
  }

  @Test
  void participantJoined_neverAnswers_stopsWhenRetriesRunOut() {
    configure(blast, 2, AudioPromptMode.PER_CONTACT, "bob@example.com");

    blast.participantJoined(SPACE, CALL, "alice@example.com");
    scheduler.advance(Duration.ofHours(2));

    assertEquals(3, bridge.dialsTo("bob@example.com"));
    ContactStatus s = status("bob@example.com");
    assertEquals(ContactState.RETRIES_EXHAUSTED, s.state());
    assertEquals("ringingTimeout", s.lastResult());
    assertEquals(BlastStatus.Phase.COMPLETED, blast.findStatus(CLUSTER, CALL).get().phase());
  }

  @Test
  void participantJoined_promptOffGlobally_dialsWithoutConfirmationAndJoinsOnAnswer() {
    configure(blast, 0, AudioPromptMode.NEVER, "bob@example.com");
    bridge.script("bob@example.com", Answer.press(""));

    blast.participantJoined(SPACE, CALL, "alice@example.com");
    scheduler.advance(Duration.ofMinutes(5));

    assertFalse(bridge.dials().get(0).confirmation());
    assertEquals(ContactState.JOINED, status("bob@example.com").state());
    assertEquals("notRequired", status("bob@example.com").lastResult());
  }

  @Test
  void participantJoined_promptModes_globalOverridesContact() {
    blast.configure(SPACE, BlastDialConfig.builder().enabled(true).build());
    blast.addContact(SPACE, new ContactDetails("Bob", "bob@example.com", true));
    blast.addContact(SPACE, new ContactDetails("Carol", "carol@example.com", false));

    blast.participantJoined(SPACE, CALL, "");
    assertEquals(List.of(true, false),
        bridge.dials().stream().map(ScriptedBridge.Dial::confirmation).toList());

    blast.configure(SPACE, config(blast).toBuilder().audioPrompt(AudioPromptMode.ALWAYS).build());
    blast.meetingEnded(CLUSTER, CALL);
    bridge.startCall("call-2");
    blast.participantJoined(SPACE, "call-2", "");
    assertEquals(List.of(true, true),
        bridge.dials().subList(2, 4).stream().map(ScriptedBridge.Dial::confirmation).toList());
  }

  static BlastDialConfig config(BlastDial b) {
    return b.config(SPACE);
  }

  @Test
  void meetingEnded_duringRetryWait_noFurtherDials() {
    configure(blast, 5, AudioPromptMode.PER_CONTACT, "bob@example.com");
    bridge.script("bob@example.com", Answer.busy(), Answer.busy(), Answer.busy());

    blast.participantJoined(SPACE, CALL, "alice@example.com");
    scheduler.advance(ScriptedBridge.RING.plus(RETRY).plus(ScriptedBridge.RING));
    assertEquals(2, bridge.dialsTo("bob@example.com"));

    bridge.endCall(CALL);
    blast.meetingEnded(CLUSTER, CALL);
    scheduler.advance(Duration.ofHours(1));

    assertEquals(2, bridge.dialsTo("bob@example.com"));
    BlastStatus s = blast.findStatus(CLUSTER, CALL).orElseThrow();
    assertEquals(BlastStatus.Phase.MEETING_ENDED, s.phase());
    assertEquals(ContactState.STOPPED, s.contacts().get(0).state());
    assertTrue(blast.activeBlasts().isEmpty());
  }

  @Test
  void configure_turnedOffDuringBlast_stopsDialing() {
    configure(blast, 5, AudioPromptMode.PER_CONTACT, "bob@example.com");

    blast.participantJoined(SPACE, CALL, "alice@example.com");
    scheduler.advance(ScriptedBridge.RING);
    blast.configure(SPACE, config(blast).toBuilder().enabled(false).build());
    scheduler.advance(Duration.ofHours(1));

    assertEquals(1, bridge.dialsTo("bob@example.com"));
    assertEquals(BlastStatus.Phase.TURNED_OFF, blast.findStatus(CLUSTER, CALL).get().phase());
  }

  @Test
  void participantJoined_blastDialOff_dialsNobody() {
    blast.configure(SPACE, BlastDialConfig.builder().enabled(false).build());
    blast.addContact(SPACE, new ContactDetails("Bob", "bob@example.com", true));

    blast.participantJoined(SPACE, CALL, "alice@example.com");

    assertTrue(bridge.dials().isEmpty());
    assertTrue(blast.findStatus(CLUSTER, CALL).isEmpty());
  }

  @Test
  void participantJoined_bridgeAnswers503_backsOffWithoutCountingAttempt() {
    configure(blast, 0, AudioPromptMode.PER_CONTACT, "bob@example.com");
    bridge.script("bob@example.com", Answer.press("1"));
    bridge.answer503(2);

    blast.participantJoined(SPACE, CALL, "alice@example.com");
    assertEquals(0, bridge.dials().size());
    assertEquals("bridgeBusy", status("bob@example.com").lastResult());
    scheduler.advance(Duration.ofSeconds(1));
    assertEquals(0, bridge.dials().size());
    scheduler.advance(Duration.ofSeconds(2));
    assertEquals(1, bridge.dials().size());
    scheduler.advance(ScriptedBridge.RING);

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
      bridge.script("bob@example.com", Answer.press("1"));
      bridge.script("carol@example.com", Answer.noAnswer(), Answer.press("1"));

      blast.participantJoined(SPACE, CALL, "alice@example.com");
      secondary.participantJoined(SPACE, CALL, "alice@example.com");
      assertEquals(BlastStatus.Phase.WAITING_AS_SECONDARY,
          secondary.findStatus(CLUSTER, CALL).get().phase());
      scheduler.advance(Duration.ofHours(1));

      assertEquals(1, bridge.dialsTo("bob@example.com"));
      assertEquals(2, bridge.dialsTo("carol@example.com"));
      assertEquals(BlastStatus.Phase.DIALED_BY_OTHER_INSTANCE,
          secondary.findStatus(CLUSTER, CALL).get().phase());
      assertEquals(ContactState.JOINED, status("carol@example.com").state());
    } finally {
      secondary.close();
    }
  }

  @Test
  void secondary_nobodyElseDialing_dialsAfterItsDelay() {
    blast.setMonitoring(MonitoringSettings.secondary(Duration.ofSeconds(20)));
    configure(blast, 0, AudioPromptMode.PER_CONTACT, "bob@example.com");

    blast.participantJoined(SPACE, CALL, "alice@example.com");
    scheduler.advance(Duration.ofSeconds(19));
    assertEquals(0, bridge.dials().size());
    scheduler.advance(Duration.ofSeconds(1));

    assertEquals(1, bridge.dialsTo("bob@example.com"));
  }

  @Test
  void monitoringOff_participantJoined_neverDials() {
    configure(blast, 0, AudioPromptMode.PER_CONTACT, "bob@example.com");
    blast.setMonitoring(MonitoringSettings.off());

    blast.participantJoined(SPACE, CALL, "alice@example.com");
    scheduler.advance(Duration.ofHours(1));

    assertTrue(bridge.dials().isEmpty());
  }

  @Test
  void restart_midBlast_resumesRetriesWithoutDialingAnyoneTwice() {
    configure(blast, 3, AudioPromptMode.PER_CONTACT,
        "bob@example.com", "carol@example.com", "dave@example.com");
    bridge.script("bob@example.com", Answer.busy(), Answer.press("1"));
    bridge.script("carol@example.com", Answer.press("1"));
    bridge.script("dave@example.com", Answer.noAnswer(), Answer.press("1"));

    blast.participantJoined(SPACE, CALL, "alice@example.com");
    assertEquals(3, bridge.dials().size());
    blast.close();
    bridge.unlisten(blast);

    blast = newBlastDial(dir.resolve("a"));
    scheduler.runDue();
    assertEquals(3, bridge.dials().size());
    assertEquals(ContactState.DIALING, status("carol@example.com").state());
    scheduler.advance(ScriptedBridge.RING);
    assertEquals(ContactState.JOINED, status("carol@example.com").state());
    assertEquals(ContactState.WAITING_RETRY, status("bob@example.com").state());
    blast.close();
    bridge.unlisten(blast);

    blast = newBlastDial(dir.resolve("a"));
    scheduler.advance(RETRY.plus(ScriptedBridge.RING));

    assertEquals(2, bridge.dialsTo("bob@example.com"));
    assertEquals(1, bridge.dialsTo("carol@example.com"));
    assertEquals(2, bridge.dialsTo("dave@example.com"));
    BlastStatus s = blast.findStatus(CLUSTER, CALL).orElseThrow();
    assertEquals(BlastStatus.Phase.COMPLETED, s.phase());
    assertTrue(s.contacts().stream()
        .filter(c -> !c.contact().address().startsWith("alice"))
        .allMatch(c -> c.state() == ContactState.JOINED));
    blast.participantJoined(SPACE, CALL, "alice@example.com");
    assertEquals(5, bridge.dials().size());
  }

  @Test
  void restart_crashWhileDialOutsQueued_adoptsLegsOnBridgeInsteadOfRedialing() {
    configure(blast, 0, AudioPromptMode.PER_CONTACT, "bob@example.com");
    bridge.script("bob@example.com", Answer.press("1"));
    FileBlastDialStore store = stores.get(dir.resolve("a"));
    bridge.dialOut(CALL, "bob@example.com", true);
    Contact bob = blast.contacts(SPACE).get(0);
    store.saveRun(new BlastStatus(SPACE, CALL, scheduler.now(), BlastStatus.Phase.DIALING,
        List.of(new ContactStatus(bob, ContactState.DIALING, 1, null, null, null))));
    blast.close();

    blast = newBlastDial(dir.resolve("a"));
    scheduler.runDue();
    assertEquals(1, bridge.dialsTo("bob@example.com"));
    assertEquals("leg-1", status("bob@example.com").callLegId());
    scheduler.advance(ScriptedBridge.RING);

    assertEquals(1, bridge.dialsTo("bob@example.com"));
    assertEquals(ContactState.JOINED, status("bob@example.com").state());
  }

  @Test
  void restart_secondaryWaiting_checksAtOriginalDueTime() {
    blast.setMonitoring(MonitoringSettings.secondary(Duration.ofSeconds(60)));
    configure(blast, 0, AudioPromptMode.PER_CONTACT, "bob@example.com");
    blast.participantJoined(SPACE, CALL, "alice@example.com");
    scheduler.advance(Duration.ofSeconds(20));
    blast.close();
    bridge.unlisten(blast);

    blast = newBlastDial(dir.resolve("a"));
    scheduler.advance(Duration.ofSeconds(39));
    assertEquals(0, bridge.dials().size());
    scheduler.advance(Duration.ofSeconds(1));

    assertEquals(1, bridge.dialsTo("bob@example.com"));
  }

  @Test
  void restart_meetingEndedWhileDown_stopsWithoutDialing() {
    configure(blast, 3, AudioPromptMode.PER_CONTACT, "bob@example.com");
    bridge.script("bob@example.com", Answer.busy());
    blast.participantJoined(SPACE, CALL, "alice@example.com");
    scheduler.advance(ScriptedBridge.RING);
    blast.close();
    bridge.unlisten(blast);
    bridge.endCall(CALL);

    blast = newBlastDial(dir.resolve("a"));
    scheduler.advance(Duration.ofHours(1));

    assertEquals(1, bridge.dials().size());
    assertEquals(BlastStatus.Phase.MEETING_ENDED, blast.findStatus(CLUSTER, CALL).get().phase());
    assertTrue(stores.get(dir.resolve("a")).runs().isEmpty());
  }

  @Test
  void configure_fewerRetriesMidBlast_appliesToNextFailure() {
    configure(blast, 5, AudioPromptMode.PER_CONTACT, "bob@example.com");

    blast.participantJoined(SPACE, CALL, "alice@example.com");
    scheduler.advance(ScriptedBridge.RING);
    blast.configure(SPACE, config(blast).toBuilder().retries(1).build());
    scheduler.advance(Duration.ofHours(1));

    assertEquals(2, bridge.dialsTo("bob@example.com"));
    assertEquals(ContactState.RETRIES_EXHAUSTED, status("bob@example.com").state());
  }

  @Test
  void dialOut_requestFails_countsAsAttemptAndRetries() {
    configure(blast, 1, AudioPromptMode.PER_CONTACT, "bob@example.com");
    bridge.script("bob@example.com", Answer.press("1"));
    bridge.endCall(CALL);

    blast.participantJoined(SPACE, CALL, "alice@example.com");
    ContactStatus failed = status("bob@example.com");
    assertEquals(ContactState.WAITING_RETRY, failed.state());
    assertEquals("dialOutFailed", failed.lastResult());
    bridge.startCall(CALL);
    scheduler.advance(RETRY.plus(ScriptedBridge.RING));

    assertEquals(ContactState.JOINED, status("bob@example.com").state());
    assertEquals(2, status("bob@example.com").attempts());
  }

  @Test
  void configure_clusterNotManaged_refusedWithExplanation() {
    BlastDial other =
        BlastDial.builder()
            .store(reopen(dir.resolve("c")))
            .scheduler(scheduler)
            .callBridge(CLUSTER, bridge)
            .managesMeetings(id -> false)
            .executor(Runnable::run)
            .build();
    BlastDialNotAllowedException e =
        assertThrows(BlastDialNotAllowedException.class,
            () -> other.configure(SPACE, BlastDialConfig.builder().enabled(true).build()));
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
        .callBridge(CLUSTER, bridge)
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
            () -> blast.addContact(SPACE, new ContactDetails("Bob", "bob@example.com", true)));
    assertEquals(BlastDialNotAllowedException.Reason.MONITORING_OFF, e.reason());
    assertTrue(e.getMessage().endsWith("To change this, visit Settings > Blast dial monitoring."));
  }

  @Test
  void contacts_addEditDelete_persistAcrossInstances() {
    Contact bob = blast.addContact(SPACE, new ContactDetails(" Bob ", "bob@example.com", true));
    Contact carol = blast.addContact(SPACE, new ContactDetails("Carol", "carol@example.com", false));
    blast.updateContact(SPACE, bob.id(), new ContactDetails("Robert", "robert@example.com", false));
    blast.deleteContact(SPACE, carol.id());
    blast.close();

    blast = newBlastDial(dir.resolve("a"));
    assertEquals(List.of(new Contact("c1", "Robert", "robert@example.com", false)),
        blast.contacts(SPACE));
  }

  @Test
  void addContact_badInput_rejectedWithHowToFix() {
    blast.addContact(SPACE, new ContactDetails("Bob", "bob@example.com", true));
    InvalidContactException dup =
        assertThrows(InvalidContactException.class,
            () -> blast.addContact(SPACE, new ContactDetails("B", "BOB@example.com", true)));
    assertTrue(dup.getMessage().contains("already belongs to contact 'Bob'"), dup.getMessage());
    InvalidContactException space =
        assertThrows(InvalidContactException.class,
            () -> blast.addContact(SPACE, new ContactDetails("X", "x y@example.com", true)));
    assertTrue(space.getMessage().contains("' ' (space) at position 2"), space.getMessage());
    assertThrows(InvalidContactException.class,
        () -> blast.addContact(SPACE, new ContactDetails("", "x@example.com", true)));
    assertThrows(InvalidContactException.class,
        () -> blast.deleteContact(SPACE, "c99"));
  }

  @Test
  void uploadCsv_rejected_keepsExistingContacts() {
    blast.addContact(SPACE, new ContactDetails("Bob", "bob@example.com", true));
    byte[] bad = "name,address,prompt\nCarol,carol example.com,true\n".getBytes();

    assertThrows(ContactsCsvException.class, () -> blast.uploadCsv(SPACE, "c.csv", bad));

    assertEquals(1, blast.contacts(SPACE).size());
    assertEquals("bob@example.com", blast.contacts(SPACE).get(0).address());
  }

  @Test
  void uploadCsv_valid_replacesWholeListAndDownloadsSame() {
    blast.addContact(SPACE, new ContactDetails("Bob", "bob@example.com", true));
    byte[] csv = "name,address,prompt\r\n\"Doe, Jane\",jane@example.com,true\r\nTom,5551234,\r\n"
        .getBytes();

    List<Contact> contacts = blast.uploadCsv(SPACE, "list.csv", csv);

    assertEquals(List.of(new Contact("c1", "Doe, Jane", "jane@example.com", true),
        new Contact("c2", "Tom", "5551234", false)), contacts);
    assertEquals("name,address,prompt\r\n\"Doe, Jane\",jane@example.com,true\r\nTom,5551234,false\r\n",
        new String(blast.downloadCsv(SPACE)));
  }
}
