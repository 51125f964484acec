package io.mmsdk.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mmsdk.testkit.core.CallLegInfo;
import io.mmsdk.testkit.core.ClusterOptions;
import io.mmsdk.testkit.core.EndpointScript;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CallsTest {
  private SimulatedCluster cms;
  private SimulatedCallBridge bridge;
  private Http api;
  private String spaceId;

  @BeforeEach
  void start() {
    cms = SimulatedCluster.start();
    bridge = cms.callBridge(0);
    api = new Http(cms, 0);
    spaceId = api.post("coSpaces", "name", "Standup", "uri", "standup").idFromLocation();
  }

  @AfterEach
  void stop() {
    cms.close();
  }

  @Test
  void join_scriptedParticipant_visibleOverRest() {
    CallLegInfo leg = bridge.join(spaceId, "alice@example.com", "Alice");
    Http.Reply calls = api.get("calls");
    assertEquals("1", calls.total());
    assertEquals(spaceId, calls.text("coSpace"));
    Http.Reply one = api.get("callLegs/" + leg.id());
    assertEquals("connected", one.text("state"));
    assertEquals("incoming", one.text("direction"));
    assertEquals("1", api.get("calls/" + leg.callId() + "/participants").total());
    assertEquals("alice@example.com", api.get("participants/" + leg.participantId()).text("uri"));
  }

  @Test
  void putCallLeg_chosenLayout_shownInConfigurationAndStatus_invalidRefused() {
    CallLegInfo leg = bridge.join(spaceId, "alice@example.com", "Alice");

    assertEquals(200, api.put("callLegs/" + leg.id(), "chosenLayout", "speakerOnly").code());
    Http.Reply one = api.get("callLegs/" + leg.id());
    assertTrue(one.body().contains("<configuration><chosenLayout>speakerOnly</chosenLayout></configuration>"), one.body());
    assertTrue(one.body().contains("<layout>speakerOnly</layout>"), one.body());
    Http.Reply bad = api.put("callLegs/" + leg.id(), "chosenLayout", "sideways");
    assertEquals(400, bad.code());
    assertTrue(bad.body().contains("parameterError"), bad.body());
  }

  @Test
  void accessQuery_byUri_returnsFullUriOfCoSpace_unknownIsEmpty() {
    Http.Reply found = api.post("accessQuery", "uri", "standup");
    assertEquals(200, found.code());
    assertEquals("standup@example.com", found.text("uri"));
    Http.Reply none = api.post("accessQuery", "uri", "nobody");
    assertEquals(200, none.code());
    assertFalse(none.body().contains("<uri>"), none.body());
    assertEquals(400, api.post("accessQuery").code());
  }

  @Test
  void leave_lastParticipant_endsCallStartedByJoin() {
    CallLegInfo leg = bridge.join(spaceId, "alice@example.com", "Alice");
    bridge.leave(leg.id());
    assertEquals("0", api.get("calls").total());
    assertEquals("remoteTeardown", bridge.findCallLeg(leg.id()).orElseThrow().endReason());
  }

  @Test
  void postCall_thenDelete_endsCall() {
    Http.Reply created = api.post("calls", "coSpace", spaceId);
    assertTrue(created.location().startsWith("/api/v1/calls/"));
    assertEquals("Standup", api.get("calls/" + created.idFromLocation()).text("name"));
    assertEquals(200, api.delete("calls/" + created.idFromLocation()).code());
    assertEquals(404, api.get("calls/" + created.idFromLocation()).code());
    assertTrue(api.post("calls", "coSpace", "nope").body().contains("coSpaceDoesNotExist"));
  }

  @Test
  void dialOut_confirmationPressOne_connectsAfterKeyPress() {
    cms.scriptEndpoint("bob@example.com", EndpointScript.answersThenPresses("1"));
    String call = bridge.startCall(spaceId);
    Http.Reply leg = api.post("calls/" + call + "/callLegs", "remoteParty", "bob@example.com",
        "confirmation", "true");
    String legId = leg.idFromLocation();
    assertTrue(leg.location().startsWith("/api/v1/callLegs/"));
    assertEquals("initial", api.get("callLegs/" + legId).text("state"));
    cms.clock().advance(Duration.ZERO);
    assertEquals("ringing", api.get("callLegs/" + legId).text("state"));
    cms.clock().advance(Duration.ofSeconds(1));
    assertEquals("ringing", api.get("callLegs/" + legId).text("state"));
    cms.clock().advance(Duration.ofSeconds(1));
    assertEquals("connected", api.get("callLegs/" + legId).text("state"));
    assertEquals("outgoing", api.get("callLegs/" + legId).text("direction"));
    assertEquals("confirmed", bridge.findCallLeg(legId).orElseThrow().confirmationStatus());
  }

  @Test
  void dialOut_confirmationStar_endsRemoteRejected() {
    cms.scriptEndpoint("bob@example.com", EndpointScript.answersThenPresses("5*"));
    String call = bridge.startCall(spaceId);
    String legId = api.post("calls/" + call + "/callLegs", "remoteParty", "bob@example.com",
        "confirmation", "true").idFromLocation();
    cms.clock().advance(Duration.ofSeconds(5));
    CallLegInfo info = bridge.findCallLeg(legId).orElseThrow();
    assertEquals("remoteRejected", info.endReason());
    assertEquals("rejected", info.confirmationStatus());
    assertEquals("5*", info.digitsReceived());
    assertEquals(404, api.get("callLegs/" + legId).code());
  }

  @Test
  void dialOut_noKeyPressed_endsConfirmationTimeOut() {
    cms.scriptEndpoint("bob@example.com", EndpointScript.answers());
    String call = bridge.startCall(spaceId);
    String legId = api.post("calls/" + call + "/callLegs", "remoteParty", "bob@example.com",
        "confirmation", "true").idFromLocation();
    cms.clock().advance(Duration.ofSeconds(29));
    assertFalse(bridge.findCallLeg(legId).orElseThrow().isEnded());
    cms.clock().advance(Duration.ofSeconds(1));
    assertEquals("confirmationTimeOut", bridge.findCallLeg(legId).orElseThrow().endReason());
  }

  @Test
  void dialOut_withoutConfirmation_connectsOnAnswer() {
    cms.scriptEndpoint("bob@example.com", EndpointScript.answersAfter(Duration.ofSeconds(3)));
    String call = bridge.startCall(spaceId);
    String legId = api.post("calls/" + call + "/callLegs", "remoteParty", "bob@example.com")
        .idFromLocation();
    cms.clock().advance(Duration.ofSeconds(3));
    CallLegInfo info = bridge.findCallLeg(legId).orElseThrow();
    assertEquals("connected", info.state());
    assertEquals("notRequired", info.confirmationStatus());
  }

  @Test
  void dialOut_attemptsFollowScriptsInOrder() {
    cms.scriptEndpoint("carol@example.com", EndpointScript.busy(), EndpointScript.noAnswer(),
        EndpointScript.rejects(), EndpointScript.unknownDestination());
    String call = bridge.startCall(spaceId);
    String[] reasons = {"remoteBusy", "ringingTimeout", "remoteRejected", "unknownDestination"};
    for (String expected : reasons) {
      String legId = api.post("calls/" + call + "/callLegs", "remoteParty", "carol@example.com")
          .idFromLocation();
      cms.clock().advance(Duration.ofSeconds(60));
      assertEquals(expected, bridge.findCallLeg(legId).orElseThrow().endReason());
    }
    assertEquals(4, cms.dialAttempts("carol@example.com"));
  }

  @Test
  void deleteCallLeg_endsItApiInitiated() {
    String call = bridge.startCall(spaceId);
    Http.Reply p = api.post("calls/" + call + "/participants", "remoteParty", "dave@example.com");
    assertTrue(p.location().startsWith("/api/v1/participants/"));
    cms.clock().advance(Duration.ZERO);
    assertEquals("connected", api.get("participants/" + p.idFromLocation()).text("state"));
    assertEquals(200, api.delete("participants/" + p.idFromLocation()).code());
    assertEquals("0", api.get("calls/" + call + "/callLegs").total());
    assertEquals("apiInitiatedTeardown", bridge.callLegs().get(0).endReason());
  }

  @Test
  void dial_guestAccessMethodNeedsActivation_waitsInLobbyUntilHostJoins() {
    String guest = api.post("callLegProfiles", "needsActivation", "true").idFromLocation();
    api.post("coSpaces/" + spaceId + "/accessMethods", "uri", "standup.guest", "callLegProfile", guest);
    CallLegInfo waiting = bridge.dial("standup.guest@example.com", "guest@x", "Guest");
    assertTrue(waiting.deactivated());
    assertEquals("true", api.get("callLegs/" + waiting.id()).text("deactivated"));
    CallLegInfo host = bridge.dial("standup", "host@x", "Host");
    assertFalse(host.deactivated());
    assertFalse(bridge.findCallLeg(waiting.id()).orElseThrow().deactivated());
    assertEquals(waiting.callId(), host.callId());
  }

  @Test
  void dial_unknownUri_isRefused() {
    org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> bridge.dial("nobody", "x@y", "X"));
  }

  @Test
  void distributedCall_sharesCorrelatorAcrossBridges() {
    try (SimulatedCluster two = SimulatedCluster.start(ClusterOptions.builder().callBridges(2).build())) {
      Http a = new Http(two, 0);
      Http b = new Http(two, 1);
      String space = a.post("coSpaces", "name", "Big").idFromLocation();
      two.callBridge(0).join(space, "a@x", "A");
      two.callBridge(1).join(space, "b@x", "B");
      assertEquals(a.get("calls").text("callCorrelator"), b.get("calls").text("callCorrelator"));
      String callId = two.callBridge(0).activeCallIds().get(0);
      assertEquals("1", a.get("calls/" + callId).text("numParticipantsRemote"));
    }
  }
}
