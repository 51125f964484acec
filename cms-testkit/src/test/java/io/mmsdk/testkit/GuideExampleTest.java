package io.mmsdk.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mmsdk.testkit.core.CallLegInfo;
import io.mmsdk.testkit.core.ClusterOptions;
import io.mmsdk.testkit.core.EndpointScript;
import io.mmsdk.testkit.core.Faults;
import io.mmsdk.testkit.core.SimulatedClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The code of docs/cms-testkit.md, kept compiling and passing. */
class GuideExampleTest {
  @Test
  void guide_startClusterScriptDialOutAdvanceClockAndFaults() {
    try (SimulatedCluster cms = SimulatedCluster.start(ClusterOptions.builder()
        .callBridges(2)
        .credentials("api", "s3cret")
        .defaultPageLimit(10)
        .pageLimit("users", 20)
        .build())) {
      SimulatedCallBridge cb = cms.callBridge(0);
      assertTrue(cb.baseUrl().startsWith("http://127.0.0.1:"));
      Http api = new Http(cb, cms.apiUsername(), cms.apiPassword());
      String space = api.post("coSpaces", "name", "Standup", "uri", "standup").idFromLocation();

      CallLegInfo alice = cb.join(space, "alice@example.com", "Alice");
      String callId = alice.callId();
      cms.scriptEndpoint("bob@example.com",
          EndpointScript.busy(),
          EndpointScript.answersThenPresses("1"));
      String first = api.post("calls/" + callId + "/callLegs", "remoteParty", "bob@example.com",
          "confirmation", "true").idFromLocation();
      cms.clock().advance(Duration.ofSeconds(5));
      assertEquals("remoteBusy", cb.findCallLeg(first).orElseThrow().endReason());
      String second = api.post("calls/" + callId + "/callLegs", "remoteParty", "bob@example.com",
          "confirmation", "true").idFromLocation();
      cms.clock().advance(Duration.ofSeconds(5));
      assertEquals("connected", cb.findCallLeg(second).orElseThrow().state());

      cb.leave(alice.id());
      cb.endCall(callId);
      assertTrue(cms.awaitCdrDelivered(Duration.ofSeconds(5)));

      Faults f = cms.callBridge(0).faults();
      f.failNext(1, 503);
      assertEquals(503, api.get("coSpaces").code());
      assertEquals(200, api.get("coSpaces").code());
      cms.callBridge(1).stop();
      cms.callBridge(1).restart();
      assertTrue(cms.callBridge(1).isUp());
    }
  }

  @Test
  void guide_oneVirtualClock_drivesClusterAndSdkWork() {
    SimulatedClock clock = SimulatedClock.startingAt(java.time.Instant.parse("2026-03-02T09:00:00Z"));
    try (SimulatedCluster cms = SimulatedCluster.start(ClusterOptions.builder().clock(clock).build())) {
      io.mmsdk.common.time.Scheduler scheduler = clock;
      java.util.List<java.time.Instant> runs = new java.util.ArrayList<>();
      scheduler.scheduleRepeating(Duration.ZERO, Duration.ofMinutes(1), () -> runs.add(scheduler.now()));
      clock.advance(Duration.ofMinutes(10));
      assertEquals(11, runs.size());
      assertEquals(java.time.Instant.parse("2026-03-02T09:10:00Z"), cms.clock().instant());
    }
  }
}
