package io.mmsdk.cms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mmsdk.cms.core.CmsObject;
import io.mmsdk.cms.core.Form;
import io.mmsdk.cms.core.ListOptions;
import io.mmsdk.cms.events.CallListUpdate;
import io.mmsdk.cms.events.CmsEventsClient;
import io.mmsdk.cms.events.EventGap;
import io.mmsdk.cms.events.RecordingListener;
import io.mmsdk.cms.events.Subscription;
import io.mmsdk.testkit.SimulatedCallBridge;
import io.mmsdk.testkit.SimulatedCluster;
import io.mmsdk.testkit.core.ClusterOptions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The client against cms-testkit's simulated cluster, an independent implementation of the server. */
class CmsClientAgainstTestkitTest {
  private SimulatedCluster cluster;
  private SimulatedCallBridge bridge;
  private CmsClient cms;

  @BeforeEach
  void setUp() {
    cluster = SimulatedCluster.start(ClusterOptions.builder().defaultPageLimit(3).build());
    bridge = cluster.callBridge(0);
    cms = CmsClient.builder().baseUrl(bridge.baseUrl())
        .credentials(cluster.apiUsername(), cluster.apiPassword())
        .retryPolicy(RetryPolicy.builder().waiter(delay -> { }).build())
        .build();
  }

  @AfterEach
  void tearDown() {
    cms.close();
    cluster.close();
  }

  @Test
  void coSpace_createListUpdateDelete() {
    for (int i = 0; i < 7; i++) {
      cms.coSpaces().create(Form.builder().set(CmsFields.NAME, "Team " + i).set(CmsFields.URI, "team" + i).build());
    }
    String id = cms.coSpaces().create(Form.builder()
        .set(CmsFields.NAME, "Sales").set(CmsFields.URI, "sales").set(CmsFields.SECONDARY_URI, "4001").build());

    List<CmsObject> teams = cms.coSpaces().list(ListOptions.builder().filter("team").pageSize(50).build()).stream().toList();
    assertEquals(7, teams.size());
    assertEquals(7, teams.stream().map(CmsObject::id).distinct().count());
    assertEquals(3, cms.coSpaces().page(0, 50, ListOptions.none()).items().size());
    assertEquals(8, cms.coSpaces().count(ListOptions.none()));

    cms.coSpaces().update(id, Form.builder().set(CmsFields.NAME, "Sales EMEA").unset(CmsFields.SECONDARY_URI).build());
    CmsObject sales = cms.coSpaces().get(id);
    assertEquals("Sales EMEA", sales.find(CmsFields.NAME).orElseThrow());
    assertEquals("sales", sales.find(CmsFields.URI).orElseThrow());
    assertTrue(sales.find(CmsFields.SECONDARY_URI).filter(s -> !s.isEmpty()).isEmpty());

    cms.coSpaces().delete(id);
    assertTrue(cms.coSpaces().find(id).isEmpty());
  }

  @Test
  void create_duplicateUri_typedDuplicateWithReason() {
    cms.coSpaces().create(Form.builder().set(CmsFields.NAME, "A").set(CmsFields.URI, "same").build());

    CmsDuplicateException e = assertThrows(CmsDuplicateException.class,
        () -> cms.coSpaces().create(Form.builder().set(CmsFields.NAME, "B").set(CmsFields.URI, "same").build()));

    assertEquals(400, e.status());
    assertEquals(FailureReason.DUPLICATE_CO_SPACE_URI, e.findFailureReason().orElseThrow());
  }

  @Test
  void wrongPassword_authenticationException() {
    try (CmsClient wrong = CmsClient.builder().baseUrl(bridge.baseUrl())
        .credentials(cluster.apiUsername(), "not-the-password").build()) {
      CmsAuthenticationException e = assertThrows(CmsAuthenticationException.class, wrong::systemStatus);

      assertEquals(401, e.status());
    }
  }

  @Test
  void busyTwice_getRetriedToSuccess() {
    bridge.faults().failNext("GET", "system/status", 2, 503);

    assertTrue(cms.systemStatus().softwareVersion().major() >= 2);
  }

  @Test
  void dialOut_legCreatedAndListedOnCall() {
    String space = cms.coSpaces().create(Form.builder().set(CmsFields.NAME, "Dial").set(CmsFields.URI, "dial").build());
    String callId = bridge.startCall(space);

    String legId = cms.callLegsOf(callId).create(Form.builder()
        .set(CmsFields.REMOTE_PARTY, "bob@example.com").set(CmsFields.CONFIRMATION, false).build());
    cluster.clock().advance(Duration.ofSeconds(1));

    List<CmsObject> legs = cms.callLegsOf(callId).list().stream().toList();
    assertEquals(List.of(legId), legs.stream().map(CmsObject::id).toList());
    CmsObject leg = cms.callLegs().get(legId);
    assertEquals("bob@example.com", leg.find(CmsFields.REMOTE_PARTY).orElseThrow());
    assertEquals("connected", leg.find(CmsFields.STATUS_STATE).orElseThrow().value());
  }

  @Test
  void events_callAddedThenReconnectAfterDrop() throws Exception {
    RecordingListener events = new RecordingListener();
    String space = cms.coSpaces().create(Form.builder().set(CmsFields.NAME, "Ev").set(CmsFields.URI, "ev").build());
    try (CmsEventsClient client = CmsEventsClient.builder(cms)
        .subscriptions(List.of(Subscription.calls(1, Subscription.CALL_ELEMENTS)))
        .reconnectBackoff(Duration.ofMillis(10), Duration.ofMillis(50))
        .listener(events)
        .build()) {
      client.start();
      assertEquals("connected", events.next());

      String callId = bridge.startCall(space);
      events.awaitMatching(o -> o instanceof CallListUpdate u
          && u.updates().stream().anyMatch(x -> x.id().equals(callId) && x.isAdd()), "add of " + callId);

      bridge.closeEventSockets();
      events.awaitMatching(EventGap.class::isInstance, "gap");
      events.awaitMatching("reconnected"::equals, "reconnected");
    }
  }
}
