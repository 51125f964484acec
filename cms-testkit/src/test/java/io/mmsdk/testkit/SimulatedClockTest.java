package io.mmsdk.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.mmsdk.common.time.Scheduler;
import io.mmsdk.testkit.core.ClusterOptions;
import io.mmsdk.testkit.core.EndpointScript;
import io.mmsdk.testkit.core.SimulatedClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SimulatedClockTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  @Test
  void advance_runsDueTasksInOrderAtTheirDueTime() {
    SimulatedClock s = SimulatedClock.startingAt(T0);
    List<String> seen = new ArrayList<>();
    s.schedule(Duration.ofSeconds(20), () -> seen.add("b@" + s.now()));
    s.schedule(Duration.ofSeconds(10), () -> seen.add("a@" + s.now()));
    s.schedule(Duration.ofSeconds(40), () -> seen.add("late"));
    s.advance(Duration.ofSeconds(30));
    assertEquals(List.of("a@2026-01-01T00:00:10Z", "b@2026-01-01T00:00:20Z"), seen);
    assertEquals(T0.plusSeconds(30), s.now());
    assertEquals(T0.plusSeconds(30), s.instant());
    assertEquals(1, s.pendingTasks());
  }

  @Test
  void sameDueTime_runsInSchedulingOrder() {
    SimulatedClock s = SimulatedClock.startingAt(T0);
    List<String> seen = new ArrayList<>();
    s.schedule(Duration.ofSeconds(5), () -> seen.add("first"));
    s.schedule(Duration.ofSeconds(5), () -> seen.add("second"));
    s.advance(Duration.ofSeconds(5));
    assertEquals(List.of("first", "second"), seen);
  }

  @Test
  void scheduleRepeating_runsEachPeriodUntilCancelled() {
    SimulatedClock s = SimulatedClock.startingAt(T0);
    List<Instant> runs = new ArrayList<>();
    Scheduler.Cancellable c =
        s.scheduleRepeating(Duration.ZERO, Duration.ofMinutes(5), () -> runs.add(s.now()));
    s.advance(Duration.ofMinutes(11));
    assertEquals(List.of(T0, T0.plusSeconds(300), T0.plusSeconds(600)), runs);
    c.cancel();
    s.advance(Duration.ofHours(1));
    assertEquals(3, runs.size());
    assertEquals(0, s.pendingTasks());
  }

  @Test
  void scheduleRepeating_cancelledByItsOwnRun_stops() {
    SimulatedClock s = SimulatedClock.startingAt(T0);
    List<Instant> runs = new ArrayList<>();
    Scheduler.Cancellable[] handle = new Scheduler.Cancellable[1];
    handle[0] = s.scheduleRepeating(Duration.ofSeconds(1), Duration.ofSeconds(1), () -> {
      runs.add(s.now());
      if (runs.size() == 2) {
        handle[0].cancel();
      }
    });
    s.advance(Duration.ofSeconds(10));
    assertEquals(List.of(T0.plusSeconds(1), T0.plusSeconds(2)), runs);
    assertEquals(0, s.pendingTasks());
  }

  @Test
  void scheduleRepeating_nonPositivePeriod_isRejected() {
    SimulatedClock s = SimulatedClock.startingAt(T0);
    assertThrows(IllegalArgumentException.class,
        () -> s.scheduleRepeating(Duration.ZERO, Duration.ZERO, () -> {}));
  }

  @Test
  void cancel_beforeDue_taskNeverRuns() {
    SimulatedClock s = SimulatedClock.startingAt(T0);
    List<String> seen = new ArrayList<>();
    s.schedule(Duration.ofSeconds(1), () -> seen.add("x")).cancel();
    s.advance(Duration.ofSeconds(5));
    assertEquals(List.of(), seen);
    assertEquals(0, s.pendingTasks());
  }

  @Test
  void negativeDelay_runsOnNextRunDueWithoutMovingTime() {
    SimulatedClock s = SimulatedClock.startingAt(T0);
    List<Instant> seen = new ArrayList<>();
    s.schedule(Duration.ofSeconds(-3), () -> seen.add(s.now()));
    s.runDue();
    assertEquals(List.of(T0), seen);
    assertEquals(T0, s.now());
  }

  @Test
  void advance_negative_isRejected() {
    SimulatedClock s = SimulatedClock.startingAt(T0);
    assertThrows(IllegalArgumentException.class, () -> s.advance(Duration.ofSeconds(-1)));
  }

  @Test
  void failingTask_doesNotStopLaterTasks() {
    SimulatedClock s = SimulatedClock.startingAt(T0);
    List<String> seen = new ArrayList<>();
    s.schedule(Duration.ofSeconds(1), () -> { throw new IllegalStateException("boom"); });
    s.schedule(Duration.ofSeconds(2), () -> seen.add("ok"));
    s.advance(Duration.ofSeconds(3));
    assertEquals(List.of("ok"), seen);
  }

  @Test
  void clock_isTheSchedulerItself() {
    SimulatedClock s = SimulatedClock.startingAt(T0);
    Scheduler scheduler = s;
    assertSame(s, scheduler.clock());
    s.advance(Duration.ofMinutes(2));
    assertEquals(T0.plusSeconds(120), scheduler.clock().instant());
    assertEquals(T0.plusSeconds(120).toEpochMilli(), s.millis());
  }

  @Test
  void clusterAndSdkWork_runInOneTimeline() {
    SimulatedClock clock = SimulatedClock.startingAt(T0);
    try (SimulatedCluster cms = SimulatedCluster.start(ClusterOptions.builder().clock(clock)
        .build())) {
      Http api = new Http(cms, 0);
      String space = api.post("coSpaces", "name", "Ops").idFromLocation();
      cms.scriptEndpoint("late@example.com", EndpointScript.answersAfter(Duration.ofSeconds(20)));
      String call = cms.callBridge(0).startCall(space);
      String leg = api.post("calls/" + call + "/callLegs", "remoteParty", "late@example.com")
          .idFromLocation();
      Scheduler sdk = clock;
      List<String> seenBySdk = new ArrayList<>();
      sdk.schedule(Duration.ofSeconds(10), () -> seenBySdk.add(state(cms, leg)));
      sdk.schedule(Duration.ofSeconds(20), () -> seenBySdk.add(state(cms, leg)));
      sdk.schedule(Duration.ofSeconds(25), () -> seenBySdk.add(state(cms, leg)));
      clock.advance(Duration.ofSeconds(30));
      // The answer (due at 20 s, scheduled before the SDK's 20 s task) is seen at 20 s, not later.
      assertEquals(List.of("ringing", "connected", "connected"), seenBySdk);
    }
  }

  private static String state(SimulatedCluster cms, String legId) {
    return cms.callBridge(0).findCallLeg(legId).orElseThrow().state();
  }
}
