package io.mmsdk.provisioning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mmsdk.testkit.SimulatedClock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class LdapSyncRunnerTest {

  // 2026-11-24 is a Tuesday
  private final SimulatedClock scheduler = SimulatedClock.startingAt(Instant.parse("2026-11-24T10:00:00Z"));
  private final FakeCms cb1 = new FakeCms();
  private final Map<String, CmsGateway> bridges = new HashMap<>(Map.of("cb1", cb1));
  private final LdapSyncRunner runner = LdapSyncRunner.builder().scheduler(scheduler)
      .callBridges(name -> Optional.ofNullable(bridges.get(name))).pollInterval(Duration.ofSeconds(5))
      .timeout(Duration.ofMinutes(1)).build();

  @Test
  void runNow_pollsUntilComplete_reportsCountsAndRemovesRecord() {
    cb1.scriptNextSync(List.of(new FakeCms.SyncState("pending", null, 0, 0),
        new FakeCms.SyncState("inProgress", null, 40, 0),
        new FakeCms.SyncState("complete", null, 120, 2)));
    CompletableFuture<LdapSyncReport> f = runner.runNow("cb1");
    assertEquals("false", cb1.requests.get(0).form().get("removeWhenFinished"));
    scheduler.advance(Duration.ofSeconds(10));
    assertFalse(f.isDone());
    scheduler.advance(Duration.ofSeconds(5));
    LdapSyncReport r = f.join();
    assertEquals(LdapSyncReport.Outcome.COMPLETE, r.outcome());
    assertEquals(120, r.numUsersImported());
    assertEquals(2, r.numLdapSourcesComplete());
    assertEquals(Instant.parse("2026-11-24T10:00:15Z"), r.finishedAt());
    assertEquals("DELETE", cb1.requests.get(cb1.requests.size() - 1).method());
    assertEquals(List.of(r), runner.history());
  }

  @Test
  void runNow_clash_reportsFailureWithHint() {
    cb1.scriptNextSync(List.of(new FakeCms.SyncState("failed", "clashOccurred", 3, 0)));
    CompletableFuture<LdapSyncReport> f = runner.runNow("cb1");
    scheduler.advance(Duration.ofSeconds(5));
    LdapSyncReport r = f.join();
    assertEquals(LdapSyncReport.Outcome.FAILED, r.outcome());
    assertEquals("clashOccurred", r.failureReason());
    assertTrue(r.message().contains("preview"), r.message());
  }

  @Test
  void runNow_neverFinishes_timesOut() {
    cb1.scriptNextSync(List.of(new FakeCms.SyncState("inProgress", null, 1, 0)));
    CompletableFuture<LdapSyncReport> f = runner.runNow("cb1");
    scheduler.advance(Duration.ofMinutes(2));
    assertEquals(LdapSyncReport.Outcome.TIMED_OUT, f.join().outcome());
  }

  @Test
  void runNow_unknownBridge_throwsNamingIt() {
    ProvisioningException e = assertThrows(ProvisioningException.class, () -> runner.runNow("cb9"));
    assertTrue(e.getMessage().contains("cb9"));
  }

  @Test
  void schedule_runsOnChosenDaysAndTime_inZone() {
    runner.schedule(new SyncSchedule("cb1", Set.of(DayOfWeek.TUESDAY, DayOfWeek.FRIDAY),
        LocalTime.of(2, 30), ZoneId.of("Europe/Oslo")));
    // Tuesday 02:30 Oslo has passed; next is Friday 02:30 Oslo = 01:30 UTC
    assertEquals(Instant.parse("2026-11-27T01:30:00Z"), runner.findNextRun().orElseThrow());
    scheduler.advance(Duration.between(scheduler.now(), Instant.parse("2026-11-27T01:30:05Z")));
    assertEquals(1, runner.history().size());
    assertTrue(runner.history().get(0).scheduled());
    assertEquals(LdapSyncReport.Outcome.COMPLETE, runner.history().get(0).outcome());
    assertEquals(Instant.parse("2026-12-01T01:30:00Z"), runner.findNextRun().orElseThrow());
  }

  @Test
  void schedule_bridgeRemoved_skipsWithWarningAndKeepsSchedule() {
    runner.schedule(new SyncSchedule("cb1", Set.of(DayOfWeek.WEDNESDAY), LocalTime.NOON, ZoneId.of("UTC")));
    bridges.clear();
    scheduler.advance(Duration.ofDays(1).plusHours(3));
    LdapSyncReport r = runner.history().get(0);
    assertEquals(LdapSyncReport.Outcome.SKIPPED, r.outcome());
    assertTrue(r.message().contains("cb1"));
    assertEquals(Instant.parse("2026-12-02T12:00:00Z"), runner.findNextRun().orElseThrow());
    runner.close();
    assertTrue(runner.findNextRun().isEmpty());
  }

  /** Seed 001 notifications: "LDAP sync failed", raised on failure, cleared by the next success. */
  @Test
  void runNow_failedThenComplete_notificationRaisedThenCleared() {
    io.mmsdk.core.notify.Notifications n = io.mmsdk.core.notify.Notifications.create(scheduler);
    LdapSyncRunner watched = LdapSyncRunner.builder().scheduler(scheduler)
        .callBridges(name -> Optional.ofNullable(bridges.get(name))).notifications(n).build();
    cb1.scriptNextSync(List.of(new FakeCms.SyncState("failed", "ldapError", 0, 0)));
    CompletableFuture<LdapSyncReport> f = watched.runNow("cb1");
    scheduler.advance(Duration.ofSeconds(5));
    f.join();
    var raised = n.find("provisioning.ldapsync.cb1").orElseThrow();
    assertEquals(io.mmsdk.core.notify.Severity.ERROR, raised.severity());
    assertTrue(raised.message().contains("ldapError"), raised.message());
    cb1.scriptNextSync(List.of(new FakeCms.SyncState("complete", null, 3, 1)));
    CompletableFuture<LdapSyncReport> g = watched.runNow("cb1");
    scheduler.advance(Duration.ofSeconds(5));
    assertEquals(LdapSyncReport.Outcome.COMPLETE, g.join().outcome());
    assertTrue(n.find("provisioning.ldapsync.cb1").isEmpty());
  }
}
