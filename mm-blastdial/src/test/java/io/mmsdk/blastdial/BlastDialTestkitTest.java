package io.mmsdk.blastdial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mmsdk.cms.CmsClient;
import io.mmsdk.cms.RetryPolicy;
import io.mmsdk.cms.core.Form;
import io.mmsdk.testkit.core.EndpointScript;
import io.mmsdk.testkit.core.SimulatedClock;
import io.mmsdk.testkit.SimulatedCallBridge;
import io.mmsdk.testkit.SimulatedCluster;
import io.mmsdk.testkit.core.ClusterOptions;
import io.mmsdk.testkit.core.EndpointScript;
import io.mmsdk.testkit.core.SimulatedClock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Blast dial end to end against cms-testkit through cms-api-client ({@link CmsCallBridgeGateway}):
 * dial-outs over the simulated bridge's REST API, scripted endpoints answering, pressing keys, busy
 * or silent, and leg outcomes fed back the way the CDR callLegUpdate / callLegEnd records carry
 * them ({@link BridgeFixture}). The cluster and blast dial share one clock; nothing sleeps. Runs on
 * the file store; mm-jdbc runs it again with every instance on one shared database ({@link
 * #openStore}).
 */
public class BlastDialTestkitTest {
  static final String CLUSTER = "cms";

  @TempDir Path dir;
  BridgeFixture fixture;
  SimulatedCluster cms;
  SimulatedCallBridge bridge;
  SimulatedClock scheduler;
  CmsCallBridgeGateway gateway;
  final List<BlastDial> instances = new ArrayList<>();
  SpaceKey space;

  /** Starts the simulated cluster and creates the space. */
  @BeforeEach
  public void setUp() {
    fixture = new BridgeFixture();
    cms = fixture.cms;
    bridge = fixture.bridge;
    scheduler = fixture.clock;
    gateway = fixture.gateway;
    space = SpaceKey.of(CLUSTER, fixture.createSpace("Standup"));
  }

  /** Closes the instances, their stores and the cluster. */
  @AfterEach
  public void tearDown() {
    instances.forEach(BlastDial::close);
    stores.values().forEach(BlastDialStore::close);
    fixture.close();
  }

  private final java.util.Map<Path, BlastDialStore> stores = new java.util.HashMap<>();

  /** Opens the store of the instance named by {@code storeDir}'s last element (a file store there). */
  protected BlastDialStore openStore(Path storeDir) {
    return BlastDialStore.file(storeDir);
  }

  /** Opens the store in {@code storeDir}, closing an earlier instance on it first (a restart). */
  BlastDialStore reopen(Path storeDir) {
    BlastDialStore old = stores.remove(storeDir);
    if (old != null) {
      old.close();
    }
    BlastDialStore s = openStore(storeDir);
    stores.put(storeDir, s);
    return s;
  }

  BlastDial start(String storeName, MonitoringSettings monitoring) {
    BlastDial b = BlastDial.builder()
        .store(reopen(dir.resolve(storeName)))
        .scheduler(scheduler)
        .callBridge(CLUSTER, gateway)
        .executor(Runnable::run)
        .build();
    b.setMonitoring(monitoring);
    instances.add(b);
    fixture.listen(b);
    return b;
  }

  void setUpSpace(BlastDial b, int retries, AudioPromptMode mode, String... addresses) {
    b.configure(space, BlastDialConfig.builder().enabled(true).retries(retries)
        .audioPrompt(mode).build());
    for (String a : addresses) {
      b.addContact(space, new ContactDetails(a.substring(0, a.indexOf('@')), a, true));
    }
  }

  /** Moves the shared clock; the fixture feeds leg changes to every running instance. */
  void advance(Duration total) {
    scheduler.advance(total);
  }

  String firstJoin(BlastDial... to) {
    io.mmsdk.testkit.core.CallLegInfo alice = bridge.join(space.spaceId(), "alice@example.com", "Alice");
    for (BlastDial b : to) {
      b.participantJoined(space, alice.callId(), alice.remoteParty());
    }
    return alice.callId();
  }

  ContactState state(BlastDial b, String callId, String address) {
    return b.findStatus(CLUSTER, callId).orElseThrow().findContact(address).orElseThrow().state();
  }

  @Test
  public void scriptedEndpoints_mixedOutcomes_eachContactEndsAsScripted() {
    BlastDial blast = start("a", MonitoringSettings.primary());
    setUpSpace(blast, 2, AudioPromptMode.PER_CONTACT, "alice@example.com", "one@example.com",
        "star@example.com", "digits@example.com", "busy@example.com", "silent@example.com");
    cms.scriptEndpoint("one@example.com", EndpointScript.answersThenPresses("1"));
    cms.scriptEndpoint("star@example.com", EndpointScript.answersThenPresses("*"));
    cms.scriptEndpoint("digits@example.com",
        EndpointScript.answersThenPresses("5").thenPresses(Duration.ofSeconds(4), "91"));
    cms.scriptEndpoint("busy@example.com", EndpointScript.busy(),
        EndpointScript.answersThenPresses("1"));
    cms.scriptEndpoint("silent@example.com", EndpointScript.noAnswer());

    String call = firstJoin(blast);
    advance(Duration.ofMinutes(12));

    assertEquals(0, cms.dialAttempts("alice@example.com"));
    assertEquals(ContactState.SKIPPED, state(blast, call, "alice@example.com"));
    assertEquals(ContactState.JOINED, state(blast, call, "one@example.com"));
    assertEquals(ContactState.DECLINED, state(blast, call, "star@example.com"));
    assertEquals(1, cms.dialAttempts("star@example.com"));
    assertEquals(ContactState.JOINED, state(blast, call, "digits@example.com"));
    assertEquals(ContactState.JOINED, state(blast, call, "busy@example.com"));
    assertEquals(2, cms.dialAttempts("busy@example.com"));
    assertEquals(ContactState.RETRIES_EXHAUSTED, state(blast, call, "silent@example.com"));
    assertEquals(3, cms.dialAttempts("silent@example.com"));
    assertEquals(BlastStatus.Phase.COMPLETED, blast.findStatus(CLUSTER, call).get().phase());
  }

  @Test
  public void promptOff_answeringContact_joinsWithoutPressingAnything() {
    BlastDial blast = start("a", MonitoringSettings.primary());
    setUpSpace(blast, 0, AudioPromptMode.NEVER, "bob@example.com");
    cms.scriptEndpoint("bob@example.com", EndpointScript.answers());

    String call = firstJoin(blast);
    advance(Duration.ofSeconds(5));

    assertEquals(ContactState.JOINED, state(blast, call, "bob@example.com"));
    assertTrue(bridge.callLegs().stream().anyMatch(l -> l.remoteParty().equals("bob@example.com")
        && l.confirmationStatus().equals("notRequired")));
  }

  @Test
  public void meetingEnds_midRetry_noMoreDialOuts() {
    BlastDial blast = start("a", MonitoringSettings.primary());
    setUpSpace(blast, 5, AudioPromptMode.PER_CONTACT, "bob@example.com");
    cms.scriptEndpoint("bob@example.com", EndpointScript.busy());

    String call = firstJoin(blast);
    advance(Duration.ofSeconds(30));
    assertEquals(1, cms.dialAttempts("bob@example.com"));
    bridge.endCall(call);
    blast.meetingEnded(CLUSTER, call);
    advance(Duration.ofMinutes(10));

    assertEquals(1, cms.dialAttempts("bob@example.com"));
    assertEquals(BlastStatus.Phase.MEETING_ENDED, blast.findStatus(CLUSTER, call).get().phase());
  }

  @Test
  public void primaryAndSecondary_sameMeeting_exactlyOneDialPerContact() {
    BlastDial primary = start("p", MonitoringSettings.primary());
    BlastDial secondary = start("s", MonitoringSettings.secondary(Duration.ofSeconds(20)));
    for (BlastDial b : List.of(primary, secondary)) {
      setUpSpace(b, 3, AudioPromptMode.PER_CONTACT, "alice@example.com", "bob@example.com",
          "carol@example.com");
    }
    cms.scriptEndpoint("bob@example.com", EndpointScript.answersAfter(Duration.ofSeconds(15))
        .thenPresses(Duration.ofSeconds(2), "1"));
    cms.scriptEndpoint("carol@example.com", EndpointScript.answersAfter(Duration.ofSeconds(25))
        .thenPresses(Duration.ofSeconds(2), "1"));

    String call = firstJoin(primary, secondary);
    advance(Duration.ofMinutes(5));

    assertEquals(1, cms.dialAttempts("bob@example.com"));
    assertEquals(1, cms.dialAttempts("carol@example.com"));
    assertEquals(BlastStatus.Phase.DIALED_BY_OTHER_INSTANCE,
        secondary.findStatus(CLUSTER, call).get().phase());
    assertEquals(ContactState.JOINED, state(primary, call, "carol@example.com"));
  }

  @Test
  public void secondaryAlone_primaryDown_dialsAfterDelay() {
    BlastDial secondary = start("s", MonitoringSettings.secondary(Duration.ofSeconds(20)));
    setUpSpace(secondary, 0, AudioPromptMode.PER_CONTACT, "bob@example.com");
    cms.scriptEndpoint("bob@example.com", EndpointScript.answersThenPresses("1"));

    String call = firstJoin(secondary);
    advance(Duration.ofSeconds(19));
    assertEquals(0, cms.dialAttempts("bob@example.com"));
    advance(Duration.ofSeconds(10));

    assertEquals(1, cms.dialAttempts("bob@example.com"));
    assertEquals(ContactState.JOINED, state(secondary, call, "bob@example.com"));
  }

  @Test
  public void restart_midBlast_continuesWithoutDuplicateDials() {
    BlastDial first = start("a", MonitoringSettings.primary());
    setUpSpace(first, 2, AudioPromptMode.PER_CONTACT, "bob@example.com", "carol@example.com");
    cms.scriptEndpoint("bob@example.com", EndpointScript.busy(),
        EndpointScript.answersThenPresses("1"));
    cms.scriptEndpoint("carol@example.com", EndpointScript.answersAfter(Duration.ofSeconds(40))
        .thenPresses(Duration.ofSeconds(2), "1"));

    String call = firstJoin(first);
    advance(Duration.ofSeconds(10));
    first.close();
    instances.remove(first);
    fixture.unlisten(first);
    advance(Duration.ofSeconds(60));

    BlastDial second = start("a", MonitoringSettings.primary());
    advance(RETRY_AND_RING);

    assertEquals(2, cms.dialAttempts("bob@example.com"));
    assertEquals(1, cms.dialAttempts("carol@example.com"));
    assertEquals(ContactState.JOINED, state(second, call, "bob@example.com"));
    assertEquals(ContactState.JOINED, state(second, call, "carol@example.com"));
  }

  static final Duration RETRY_AND_RING = Duration.ofSeconds(200);

  @Test
  public void unreachableAndRefusedDialOuts_countAsFailedAttemptsAndRetry() {
    BlastDial blast = start("a", MonitoringSettings.primary());
    setUpSpace(blast, 1, AudioPromptMode.PER_CONTACT, "gone@example.com", "bob@example.com");
    cms.scriptEndpoint("gone@example.com", EndpointScript.unknownDestination());
    cms.scriptEndpoint("bob@example.com", EndpointScript.answersThenPresses("1"));
    bridge.faults().failNextWithReason("POST", "calls/*/callLegs", 1, "parameterError");

    String call = firstJoin(blast);
    advance(Duration.ofMinutes(8));

    ContactStatus gone = blast.findStatus(CLUSTER, call).get().findContact("gone@example.com").get();
    assertEquals(ContactState.RETRIES_EXHAUSTED, gone.state());
    assertEquals("unknownDestination", gone.lastResult());
    assertEquals(ContactState.JOINED, state(blast, call, "bob@example.com"));
  }

  @Test
  public void bridgeAnswers503_dialOutRetriedAfterBackOff() {
    BlastDial blast = start("a", MonitoringSettings.primary());
    setUpSpace(blast, 0, AudioPromptMode.PER_CONTACT, "bob@example.com");
    cms.scriptEndpoint("bob@example.com", EndpointScript.answersThenPresses("1"));
    bridge.faults().failNext("POST", "calls/*/callLegs", 2, 503);

    String call = firstJoin(blast);
    advance(Duration.ofSeconds(10));

    assertEquals(1, cms.dialAttempts("bob@example.com"));
    assertEquals(ContactState.JOINED, state(blast, call, "bob@example.com"));
    assertEquals(1, blast.findStatus(CLUSTER, call).get().findContact("bob@example.com")
        .get().attempts());
  }
}
