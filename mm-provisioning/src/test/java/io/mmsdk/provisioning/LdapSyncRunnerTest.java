package io.mmsdk.provisioning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import io.mmsdk.testkit.core.ClusterOptions;
import io.mmsdk.testkit.core.SimulatedClock;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * LDAP syncs on the simulated cluster: the sample state is committed to it, pointed at a loopback
 * directory, and the simulator runs each sync against that directory. The cluster and the runner
 * share one simulated clock, so a sync that takes simulated time is polled through its states.
 */
class LdapSyncRunnerTest {

  // 2026-11-24 is a Tuesday
  private final SimulatedClock scheduler = SimulatedClock.startingAt(Instant.parse("2026-11-24T10:00:00Z"));
  private final InMemoryDirectoryServer ds = Directory.start(true);
  private final Map<String, CmsGateway> bridges = new HashMap<>();
  private SimulatedCms cb1;
  private final LdapSyncRunner runner = LdapSyncRunner.builder().scheduler(scheduler)
      .callBridges(name -> Optional.ofNullable(bridges.get(name))).pollInterval(Duration.ofSeconds(5))
      .timeout(Duration.ofMinutes(1)).build();

  @AfterEach
  void stop() {
    runner.close();
    if (cb1 != null) {
      cb1.close();
    }
    ds.shutDown(true);
  }

  /** Starts cb1 with syncs taking {@code syncDuration}, and commits the sample state to it. */
  private void provision(Duration syncDuration, String bindPassword) {
    Directory.people(ds);
    cb1 = new SimulatedCms(ClusterOptions.builder().clock(scheduler).ldapSyncDuration(syncDuration)
        .build());
    bridges.put("cb1", cb1);
    commit(bindPassword);
  }

  private void commit(String bindPassword) {
    Provisioner.builder().gateway(cb1).ownership(ownership).secrets(Fixtures.secrets(bindPassword))
        .scheduler(scheduler).build().commit(state());
  }

  private final OwnershipStore ownership = OwnershipStore.inMemory();

  /** The sample state, pointed at the loopback directory over plain LDAP. */
  private DesiredState state() {
    return Fixtures.sampleOnLoopback(ds.getListenPort());
  }

  private List<SimulatedCms.Request> syncRequests() {
    return cb1.requests.stream().filter(r -> r.kind() == null).toList();
  }

  @Test
  void runNow_pollsUntilComplete_reportsCountsAndRemovesRecord() {
    provision(Duration.ofSeconds(12), "pw");
    CompletableFuture<LdapSyncReport> f = runner.runNow("cb1");
    scheduler.advance(Duration.ofSeconds(5));
    // The simulator keeps a sync's record only if it was started with removeWhenFinished=false.
    assertEquals("pending", cb1.client.api().ldapSyncs().list().first().stateAsString().orElse(""));
    scheduler.advance(Duration.ofSeconds(5));
    assertFalse(f.isDone(), "inProgress at 10 s");
    scheduler.advance(Duration.ofSeconds(5));
    LdapSyncReport r = f.join();
    assertEquals(LdapSyncReport.Outcome.COMPLETE, r.outcome(), r.message());
    assertEquals(4, r.numUsersImported(), "swood, BJones, ckent and dual (matched by both imports)");
    assertEquals(cb1.all(CmsKind.LDAP_SOURCE).size(), r.numLdapSourcesComplete());
    assertEquals(Instant.parse("2026-11-24T10:00:15Z"), r.finishedAt());
    assertEquals("DELETE", syncRequests().get(syncRequests().size() - 1).method());
    assertEquals(0, cb1.client.api().ldapSyncs().list().count());
    assertEquals(List.of(r), runner.history());
  }

  @Test
  void runNow_clash_reportsFailureWithHint() {
    // Two staff members with one employee number: their automatic spaces would share a call ID.
    Directory.person(ds, "twin", "Tom Twin", "Twin", "1001", "staff");
    provision(Duration.ZERO, "pw");
    CompletableFuture<LdapSyncReport> f = runner.runNow("cb1");
    scheduler.advance(Duration.ofSeconds(5));
    LdapSyncReport r = f.join();
    assertEquals(LdapSyncReport.Outcome.FAILED, r.outcome());
    assertEquals("clashOccurred", r.failureReason());
    assertTrue(r.message().contains("preview"), r.message());
  }

  @Test
  void runNow_neverFinishes_timesOut() {
    provision(Duration.ofSeconds(90), "pw");
    CompletableFuture<LdapSyncReport> f = runner.runNow("cb1");
    scheduler.advance(Duration.ofMinutes(2));
    LdapSyncReport r = f.join();
    assertEquals(LdapSyncReport.Outcome.TIMED_OUT, r.outcome());
    assertTrue(r.message().contains("still inProgress"), r.message());
  }

  @Test
  void runNow_unknownBridge_throwsNamingIt() {
    ProvisioningException e = assertThrows(ProvisioningException.class, () -> runner.runNow("cb9"));
    assertTrue(e.getMessage().contains("cb9"));
  }

  @Test
  void schedule_runsOnChosenDaysAndTime_inZone() {
    provision(Duration.ZERO, "pw");
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
    provision(Duration.ZERO, "pw");
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
    provision(Duration.ZERO, "not-the-bind-password");
    io.mmsdk.core.notify.Notifications n = io.mmsdk.core.notify.Notifications.create(scheduler);
    LdapSyncRunner watched = LdapSyncRunner.builder().scheduler(scheduler)
        .callBridges(name -> Optional.ofNullable(bridges.get(name))).notifications(n).build();
    CompletableFuture<LdapSyncReport> f = watched.runNow("cb1");
    scheduler.advance(Duration.ofSeconds(5));
    assertEquals("ldapError", f.join().failureReason(), f.join().message());
    var raised = n.find("provisioning.ldapsync.cb1").orElseThrow();
    assertEquals(io.mmsdk.core.notify.Severity.ERROR, raised.severity());
    assertTrue(raised.message().contains("ldapError"), raised.message());
    commit("pw");
    CompletableFuture<LdapSyncReport> g = watched.runNow("cb1");
    scheduler.advance(Duration.ofSeconds(5));
    assertEquals(LdapSyncReport.Outcome.COMPLETE, g.join().outcome(), g.join().message());
    assertTrue(n.find("provisioning.ldapsync.cb1").isEmpty());
    watched.close();
  }
}
