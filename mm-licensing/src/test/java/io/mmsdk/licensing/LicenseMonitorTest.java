package io.mmsdk.licensing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mmsdk.core.cluster.CallBridge;
import io.mmsdk.core.cluster.Cluster;
import io.mmsdk.core.cluster.ClusterRegistry;
import io.mmsdk.core.notify.Notifications;
import io.mmsdk.core.notify.Severity;
import io.mmsdk.licensing.smart.SmartLicensing;
import io.mmsdk.licensing.smart.SmartLicensingStatus;
import io.mmsdk.licensing.smart.SmartLicensingTransport;
import io.mmsdk.licensing.smart.SmartRequest;
import io.mmsdk.licensing.smart.SmartResponse;
import io.mmsdk.testkit.core.SimulatedClock;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LicenseMonitorTest {
  private static final Instant T0 = Instant.parse("2026-06-01T00:00:00Z");
  private static final Duration DAY = Duration.ofDays(1);

  @TempDir Path dir;
  private SimulatedClock scheduler;
  private ClusterRegistry registry;
  private Notifications notifications;
  private final Map<String, ScriptedBridge> bridges = new HashMap<>();
  private UsageStore store;
  private LicenseStateStore stateStore;

  @BeforeEach
  void setUp() {
    scheduler = SimulatedClock.startingAt(T0);
    registry = ClusterRegistry.inMemory();
    registry.add(Cluster.builder().id("c1").name("Oslo")
        .addCallBridge(bridge("b1")).addCallBridge(bridge("b2")).build());
    notifications = Notifications.create(scheduler);
    bridges.put("b1", new ScriptedBridge().host("h1").host("h2"));
    bridges.put("b2", new ScriptedBridge().host("h1").host("h2"));
    store = UsageStore.file(dir.resolve("usage"));
  }

  @AfterEach
  void tearDown() {
    store.close();
    if (stateStore != null) {
      stateStore.close();
    }
  }

  private static CallBridge bridge(String id) {
    return CallBridge.builder().id(id).name("cb-" + id).address(id + ".example.com")
        .credentials("admin", "secret").build();
  }

  /** Returns a new monitor on the state directory, closing the state store an earlier one used (a restart). */
  private LicenseMonitor monitor() {
    if (stateStore != null) {
      stateStore.close();
    }
    stateStore = LicenseStateStore.file(dir.resolve("state"));
    return LicenseMonitor.builder()
        .scheduler(scheduler)
        .registry(registry)
        .usageSources(b -> bridges.get(b.id()))
        .usageStore(store)
        .stateStore(stateStore)
        .notifications(notifications)
        .build();
  }

  /** 5-minute SMP samples on h1 (both bridges serve it) from {@code from} for {@code days}. */
  private void history(Instant from, int days, double smpFull) {
    for (int i = 0; i < days * 288; i++) {
      UsageSample s = new UsageSample("h1", from.plus(Duration.ofMinutes(5L * i)),
          new UsageValues(0, 0, 0, smpFull, 0, 0));
      bridges.get("b1").add(s);
      bridges.get("b2").add(s);
    }
  }

  @Test
  void collectNow_firstContact_backfills90DaysThenReadsIncrementally() {
    history(T0.minus(DAY.multipliedBy(100)), 100, 1);
    LicenseMonitor m = monitor();
    CollectionResult r = m.collectNow();
    assertEquals(List.of("h1", "h2"), r.hostsCollected());
    assertEquals(90 * 288, r.samplesAdded());
    assertEquals("usage h1 2026-03-03T00:00:00Z 2026-06-01T00:00:00Z",
        bridges.get("b1").requests.get(1));
    assertEquals(List.of("knownHosts"), bridges.get("b2").requests.subList(0, 1));
    // b2 is asked for hosts, but every host was already read from b1 this round
    assertEquals(1, bridges.get("b2").requests.size());

    history(T0, 1, 1);
    scheduler.advance(Duration.ofHours(2));
    CollectionResult r2 = m.collectNow();
    assertEquals(25, r2.samplesAdded()); // 00:00 .. 02:00 inclusive
    assertTrue(bridges.get("b1").requests.contains(
        "usage h1 2026-05-31T23:55:00Z 2026-06-01T02:00:00Z"), bridges.get("b1").requests.toString());
  }

  @Test
  void collectNow_oneBridgeUnreachable_collectsFromOtherAndRaisesNotification() {
    history(T0.minus(DAY), 1, 1);
    bridges.get("b1").reachable = false;
    LicenseMonitor m = monitor();
    CollectionResult r = m.collectNow();
    assertEquals(List.of("b1"), r.unreachableBridgeIds());
    assertEquals(288, r.samplesAdded());
    var n = notifications.find("licensing.unreachable.b1").orElseThrow();
    assertEquals(Severity.WARNING, n.severity());
    assertTrue(n.message().contains("cb-b1"), n.message());
    assertFalse(n.message().contains("secret"));

    bridges.get("b1").reachable = true;
    scheduler.advance(Duration.ofMinutes(5));
    m.collectNow();
    assertTrue(notifications.find("licensing.unreachable.b1").isEmpty());
  }

  @Test
  void collectNow_multipartyUsage_sumsWeightedCallsOverTheCluster() {
    bridges.get("b1").weightedWithoutPersonal = 1.5;
    bridges.get("b2").weightedWithoutPersonal = 0.5;
    LicenseMonitor m = monitor();
    m.collectNow();
    assertEquals(2.0, m.currentSharedLicenseDemand("c1"), 1e-9);
    assertEquals(1.5, m.multipartyUsage().get("b1").weightedCallsWithoutPersonalLicense());
  }

  @Test
  void start_collectsEvery5MinutesUntilClosed() {
    LicenseMonitor m = monitor().start();
    scheduler.advance(Duration.ofMinutes(10));
    assertEquals(3, bridges.get("b1").requests.stream().filter("knownHosts"::equals).count());
    m.close();
    scheduler.advance(Duration.ofHours(1));
    assertEquals(3, bridges.get("b1").requests.stream().filter("knownHosts"::equals).count());
  }

  @Test
  void status_meetingsOveruse_walksAlarm1ToAlarm3ThenClearsWithLicenses() {
    // SMP 2 in use every hour from 20 days ago for 200 days; 1 license allocated
    history(T0.minus(DAY.multipliedBy(20)), 200, 2);
    LicenseMonitor m = monitor();
    m.setAllocations(Allocations.builder()
        .allocate(AllocationType.PMP, 0).allocate(AllocationType.SMP, 1).build());
    m.collectNow();
    LicenseStatus s = m.status();
    assertEquals(ComplianceStatus.OUT_OF_COMPLIANCE,
        s.findFeature(Feature.MEETINGS).orElseThrow().status());
    assertEquals("Enforcement in 30 days",
        s.findEnforcement("c1", Feature.MEETINGS).orElseThrow().message());
    assertEquals(Severity.WARNING,
        notifications.find("licensing.enforcement.c1.MEETINGS").orElseThrow().severity());

    scheduler.advance(DAY.multipliedBy(10));
    m.collectNow();
    assertEquals("Enforcement in 20 days",
        m.status().findEnforcement("c1", Feature.MEETINGS).orElseThrow().message());

    scheduler.advance(DAY.multipliedBy(20));
    m.collectNow();
    assertEquals("Enforcement active, high enforcement in 30 days",
        m.status().findEnforcement("c1", Feature.MEETINGS).orElseThrow().message());
    assertEquals(Severity.ERROR,
        notifications.find("licensing.enforcement.c1.MEETINGS").orElseThrow().severity());

    scheduler.advance(DAY.multipliedBy(30));
    m.collectNow();
    assertEquals(EnforcementLevel.ALARM_3_HIGH_ENFORCEMENT,
        m.status().findEnforcement("c1", Feature.MEETINGS).orElseThrow().level());

    m.setAllocations(Allocations.builder()
        .allocate(AllocationType.PMP, 0).allocate(AllocationType.SMP, 5).build());
    LicenseStatus ok = m.status();
    assertEquals(ComplianceStatus.IN_COMPLIANCE,
        ok.findFeature(Feature.MEETINGS).orElseThrow().status());
    assertEquals(Enforcement.NONE, ok.findEnforcement("c1", Feature.MEETINGS).orElseThrow());
    assertTrue(notifications.find("licensing.enforcement.c1.MEETINGS").isEmpty());
    assertTrue(m.state().enforcementSince().isEmpty());
  }

  @Test
  void status_customizationOnWithoutLicense_countsDownThenNotAvailable() {
    LicenseMonitor m = monitor();
    m.setAllocations(Allocations.builder()
        .allocate(AllocationType.PMP, 10).allocate(AllocationType.SMP, 10)
        .customizationEnabled(true).build());
    assertEquals(ComplianceStatus.OUT_OF_COMPLIANCE,
        m.status().findFeature(Feature.CUSTOMIZATION).orElseThrow().status());
    assertEquals("Available for 30 more days",
        m.status().findEnforcement("c1", Feature.CUSTOMIZATION).orElseThrow().message());
    scheduler.advance(DAY.multipliedBy(29).plusHours(12));
    assertEquals("Available for 1 more days",
        m.status().findEnforcement("c1", Feature.CUSTOMIZATION).orElseThrow().message());
    scheduler.advance(Duration.ofHours(12));
    assertEquals("Not available",
        m.status().findEnforcement("c1", Feature.CUSTOMIZATION).orElseThrow().message());
    m.setAllocations(m.state().allocations().toBuilder().customizationEnabled(false).build());
    assertEquals(Enforcement.NONE,
        m.status().findEnforcement("c1", Feature.CUSTOMIZATION).orElseThrow());
  }

  @Test
  void status_recordingUsedWithoutLicenses_countsDownThenNotAvailable() {
    for (int i = 0; i < 288; i++) {
      UsageSample s = new UsageSample("h1", T0.minus(DAY).plus(Duration.ofMinutes(5L * i)),
          new UsageValues(0, 0, 0, 0, 1, 0));
      bridges.get("b1").add(s);
    }
    LicenseMonitor m = monitor();
    m.setAllocations(Allocations.builder()
        .allocate(AllocationType.PMP, 10).allocate(AllocationType.SMP, 10)
        .allocate(AllocationType.RECORDING_OR_STREAMING, 0).build());
    m.collectNow();
    assertEquals(ComplianceStatus.UNLICENSED,
        m.status().findFeature(Feature.RECORDING_OR_STREAMING).orElseThrow().status());
    assertEquals("Available for 30 more days",
        m.status().findEnforcement("c1", Feature.RECORDING_OR_STREAMING).orElseThrow().message());
    assertEquals(Enforcement.NONE, m.status().findEnforcement("c1", Feature.MEETINGS).orElseThrow());
    scheduler.advance(DAY.multipliedBy(30));
    assertEquals(EnforcementLevel.NOT_AVAILABLE,
        m.status().findEnforcement("c1", Feature.RECORDING_OR_STREAMING).orElseThrow().level());
  }

  @Test
  void status_enforcementClock_survivesRestart() {
    history(T0.minus(DAY.multipliedBy(20)), 40, 2);
    Allocations a = Allocations.builder()
        .allocate(AllocationType.PMP, 0).allocate(AllocationType.SMP, 1).build();
    LicenseMonitor first = monitor();
    first.setAllocations(a);
    first.collectNow();
    first.close();
    scheduler.advance(DAY.multipliedBy(10));
    LicenseMonitor second = monitor();
    assertEquals(a, second.state().allocations());
    assertEquals("Enforcement in 20 days",
        second.status().findEnforcement("c1", Feature.MEETINGS).orElseThrow().message());
  }

  /** A transport that answers every request at once and records it. */
  private static final class RecordingTransport implements SmartLicensingTransport {
    final List<SmartRequest> sent = new java.util.ArrayList<>();

    @Override
    public synchronized java.util.concurrent.CompletionStage<SmartResponse> send(SmartRequest r) {
      sent.add(r);
      return java.util.concurrent.CompletableFuture.completedFuture(SmartResponse.ok());
    }

    synchronized List<SmartRequest.Kind> kinds() {
      return sent.stream().map(SmartRequest::kind).toList();
    }
  }

  /**
   * Seed 21.6: "If you change the licensing mode, then Meeting Management will automatically
   * disable Smart Licensing and deregister from the Cisco Smart Software Manager."
   */
  @Test
  void setMode_leavingSmart_deregistersFromSmartLicensing() throws Exception {
    RecordingTransport t = new RecordingTransport();
    SmartLicensing smart = SmartLicensing.create(t, scheduler, notifications);
    smart.register("tok", false).toCompletableFuture().get();
    LicenseMonitor m = LicenseMonitor.builder().scheduler(scheduler).registry(registry)
        .usageSources(b -> bridges.get(b.id())).usageStore(store)
        .stateStore(LicenseStateStore.file(dir.resolve("state"))).notifications(notifications)
        .smartLicensing(smart).build();
    m.setMode(LicensingMode.SMART).toCompletableFuture().get();
    assertEquals(List.of(SmartRequest.Kind.REGISTER), t.kinds());
    m.setMode(LicensingMode.NO_LICENSING).toCompletableFuture().get();
    assertEquals(List.of(SmartRequest.Kind.REGISTER, SmartRequest.Kind.DEREGISTER), t.kinds());
    assertEquals(SmartLicensingStatus.Registration.UNREGISTERED, smart.status().registration());
    assertEquals(LicensingMode.NO_LICENSING, m.state().mode());
    smart.close();
  }

  /**
   * Seed 2.6: "Meeting Management sends daily usage reports to Cisco SSM, and Cisco SSM then
   * reports back whether the deployment is in compliance."
   */
  @Test
  void start_withSmartLicensing_sendsYesterdaysUsageReportAtMidnightUtc() throws Exception {
    history(T0, 1, 3);
    RecordingTransport t = new RecordingTransport();
    SmartLicensing smart = SmartLicensing.create(t, scheduler, notifications);
    smart.register("tok", false).toCompletableFuture().get();
    LicenseMonitor m = LicenseMonitor.builder().scheduler(scheduler).registry(registry)
        .usageSources(b -> bridges.get(b.id())).usageStore(store)
        .stateStore(LicenseStateStore.file(dir.resolve("state"))).notifications(notifications)
        .smartLicensing(smart).pollInterval(Duration.ofHours(6)).build();
    m.start();
    scheduler.advance(Duration.ofHours(23));
    assertFalse(t.kinds().contains(SmartRequest.Kind.USAGE_REPORT));
    scheduler.advance(Duration.ofHours(1));
    List<SmartRequest> reports = t.sent.stream()
        .filter(r -> r.kind() == SmartRequest.Kind.USAGE_REPORT).toList();
    assertEquals(1, reports.size(), t.kinds().toString());
    UsageReport r = reports.get(0).findUsageReport().orElseThrow();
    assertEquals(LocalDate.parse("2026-06-01"), r.date());
    assertEquals(3.0, r.peaks().get(AllocationType.SMP), 1e-9);
    m.close();
    smart.close();
  }

  /**
   * Seed ch. 19: "For Smart Licensing: No activation key is required. If you have any PMP Plus or
   * SMP Plus licenses available in your Virtual Account, then all connected Call Bridges can be
   * used." Seed 21.6: Meeting Management "reports the number of Call Bridges without a traditional
   * license key" as the "Active Call Bridge Node" license.
   */
  @Test
  void status_bridgeWithoutActivationKey_noEnforcement_reportedAsActiveCallBridgeNode() {
    history(T0.minus(DAY), 1, 1);
    bridges.get("b2").activated = false;
    LicenseMonitor m = monitor();
    m.setAllocations(Allocations.builder()
        .allocate(AllocationType.PMP, 10).allocate(AllocationType.SMP, 10).build());
    m.collectNow();
    LicenseStatus s = m.status();
    assertEquals(EnforcementLevel.NONE,
        s.findEnforcement("c1", Feature.MEETINGS).orElseThrow().level());
    UsageReport r = m.usageReport(LocalDate.parse("2026-05-31"));
    assertEquals(1, r.activeCallBridgeNodes());
    assertEquals(1.0, r.peaks().get(AllocationType.SMP), 1e-9);
    assertEquals(0.0, r.peaks().get(AllocationType.PMP), 1e-9);
  }

  /** Even during a trial a bridge without an activation key raises no enforcement. */
  @Test
  void status_trialAndBridgeWithoutActivationKey_noEnforcement() {
    bridges.get("b1").activated = false;
    LicenseMonitor m = monitor();
    m.startTrial(Feature.MEETINGS);
    m.collectNow();
    assertEquals(EnforcementLevel.NONE,
        m.status().findEnforcement("c1", Feature.MEETINGS).orElseThrow().level());
  }

  /**
   * Seed 21.6.3.4: "In cases of overuse, Meeting Management will enter high enforcement alarm mode
   * on conversion to Smart Licensing. If you are in high enforcement alarm mode, Meeting Management
   * allows one time 90 day trial to silence alarm, giving time for you to purchase additional
   * licenses."
   */
  @Test
  void trial_licensedButOverusedAtHighEnforcement_offeredOnceAndSilencesAlarm() {
    history(T0.minus(DAY.multipliedBy(30)), 100, 2);
    LicenseMonitor m = monitor();
    m.setAllocations(Allocations.builder()
        .allocate(AllocationType.PMP, 0).allocate(AllocationType.SMP, 1).build());
    m.collectNow();
    assertEquals(TrialAvailability.LICENSED, m.trialAvailability(Feature.MEETINGS));
    scheduler.advance(DAY.multipliedBy(61));
    m.collectNow();
    assertEquals(EnforcementLevel.ALARM_3_HIGH_ENFORCEMENT,
        m.status().findEnforcement("c1", Feature.MEETINGS).orElseThrow().level());
    assertEquals(TrialAvailability.OFFERED, m.trialAvailability(Feature.MEETINGS));

    m.startTrial(Feature.MEETINGS);
    LicenseStatus during = m.status();
    assertEquals(ComplianceStatus.IN_COMPLIANCE,
        during.findFeature(Feature.MEETINGS).orElseThrow().status());
    assertEquals(EnforcementLevel.NONE,
        during.findEnforcement("c1", Feature.MEETINGS).orElseThrow().level());
    // the alarm is silenced, so the licensed deployment is no longer offered a trial; that it is
    // offered only once is TrialsTest.availability_licensedButHighEnforcement_meetingsTrialOfferedOnce
    assertEquals(TrialAvailability.LICENSED, m.trialAvailability(Feature.MEETINGS));
  }

  @Test
  void trial_meetingsTrialEndsWithoutLicenses_enforcementActiveAtOnce() {
    LicenseMonitor m = monitor();
    assertEquals(TrialAvailability.OFFERED, m.trialAvailability(Feature.MEETINGS));
    TrialRecord t = m.startTrial(Feature.MEETINGS);
    assertEquals(Set.of("c1"), t.clusterIds());
    assertEquals(TrialAvailability.ALREADY_USED, m.trialAvailability(Feature.MEETINGS));
    assertThrows(TrialNotAvailableException.class, () -> m.startTrial(Feature.MEETINGS));
    assertEquals(TrialAvailability.COVERED_BY_ACTIVE_TRIAL,
        m.trialAvailability(Feature.CUSTOMIZATION));

    LicenseStatus during = m.status();
    assertEquals(List.of(Feature.values()), List.copyOf(during.features().keySet()));
    assertEquals(ComplianceStatus.IN_COMPLIANCE,
        during.findFeature(Feature.MEETINGS).orElseThrow().status());
    assertEquals(ComplianceStatus.LICENSED,
        during.findFeature(Feature.CUSTOMIZATION).orElseThrow().status());

    scheduler.advance(TrialRecord.LENGTH);
    LicenseStatus after = m.status();
    assertEquals(ComplianceStatus.UNLICENSED,
        after.findFeature(Feature.MEETINGS).orElseThrow().status());
    assertEquals("Enforcement active, high enforcement in 30 days",
        after.findEnforcement("c1", Feature.MEETINGS).orElseThrow().message());
    assertEquals("Not available",
        after.findEnforcement("c1", Feature.RECORDING_OR_STREAMING).orElseThrow().message());
    assertEquals("Not available",
        after.findEnforcement("c1", Feature.CUSTOMIZATION).orElseThrow().message());
    // the trial is remembered across restarts
    assertEquals(TrialAvailability.ALREADY_USED, monitor().trialAvailability(Feature.MEETINGS));
  }

  @Test
  void trial_clusterInEarlierTrialElsewhere_notOffered() {
    LicenseMonitor m = monitor();
    m.addClustersInEarlierTrial(Feature.CUSTOMIZATION, Set.of("c1"));
    assertEquals(TrialAvailability.CLUSTER_IN_EARLIER_TRIAL,
        m.trialAvailability(Feature.CUSTOMIZATION));
    assertEquals(TrialAvailability.OFFERED, m.trialAvailability(Feature.RECORDING_OR_STREAMING));
  }

  @Test
  void noLicensingMode_collectsNothingAndReportsNoStatus() {
    history(T0.minus(DAY), 1, 1);
    LicenseMonitor m = monitor();
    m.setMode(LicensingMode.NO_LICENSING);
    assertEquals(0, m.collectNow().samplesAdded());
    assertTrue(bridges.get("b1").requests.isEmpty());
    assertTrue(m.status().features().isEmpty());
    assertEquals(LicensingMode.NO_LICENSING, monitor().state().mode());
  }

  @Test
  void reports_zipAndChart_fromCollectedUsage() throws Exception {
    history(T0.minus(DAY.multipliedBy(3)), 3, 2);
    LicenseMonitor m = monitor();
    m.collectNow();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    m.writeLicenseData(out);
    int entries = 0;
    try (ZipInputStream z = new ZipInputStream(new java.io.ByteArrayInputStream(out.toByteArray()))) {
      while (z.getNextEntry() != null) {
        entries++;
      }
    }
    assertEquals(3, entries);
    UtilizationSeries s = m.utilization(AllocationType.SMP, LocalDate.parse("2026-05-29"),
        LocalDate.parse("2026-05-31"));
    assertEquals(3, s.points().size());
    assertTrue(m.utilizationChart(AllocationType.SMP, LocalDate.parse("2026-05-30"),
        LocalDate.parse("2026-05-30")).startsWith("<?xml"));
  }

  @Test
  void builder_missingParts_isRejected() {
    assertThrows(IllegalStateException.class, () -> LicenseMonitor.builder().build());
    assertThrows(IllegalArgumentException.class,
        () -> LicenseMonitor.builder().retention(Duration.ofDays(30)));
  }

  /** Seed 001: the audit trail covers license allocations and trials (who, what, when, outcome). */
  @Test
  void allocationsTrialsAndMode_areAudited() {
    io.mmsdk.admin.audit.AuditTrail audit = io.mmsdk.admin.audit.AuditTrail.inMemory(scheduler);
    LicenseMonitor m = LicenseMonitor.builder().scheduler(scheduler).registry(registry)
        .usageSources(b -> bridges.get(b.id())).usageStore(store)
        .stateStore(LicenseStateStore.file(dir.resolve("state"))).notifications(notifications)
        .audit(audit, "admin").build();
    m.startTrial(Feature.MEETINGS);
    assertThrows(TrialNotAvailableException.class, () -> m.startTrial(Feature.MEETINGS));
    m.setAllocations(Allocations.builder().allocate(AllocationType.SMP, 5).build());
    m.setMode(LicensingMode.NO_LICENSING);
    List<io.mmsdk.admin.audit.AuditEvent> events = audit.events();
    assertEquals(List.of("licensing.trial", "licensing.trial", "licensing.allocations",
        "licensing.mode"), events.stream().map(io.mmsdk.admin.audit.AuditEvent::action).toList());
    assertTrue(events.get(0).detail().startsWith("outcome: succeeded;"));
    assertTrue(events.get(1).detail().contains("ALREADY_USED"), events.get(1).detail());
    assertTrue(events.get(1).detail().startsWith("outcome: refused;"));
    assertTrue(events.stream().allMatch(e -> e.actor().equals("admin")));
  }

  /**
   * Seed 001, Overview notifications: "The credentials provided for server Server 1 are
   * incorrect." and an unreachable Call Bridge, each raised by the collection that sees it and
   * cleared when the bridge answers again.
   */
  @Test
  void collectNow_wrongCredentialsOrUnreachable_notificationsRaisedAndCleared() {
    io.mmsdk.cms.CmsRequest get = new io.mmsdk.cms.CmsRequest("GET", "/api/v1/clusterLicensing");
    bridges.get("b1").failure = new io.mmsdk.cms.CmsAuthenticationException(get, 401, "", "401");
    bridges.get("b2").failure = new io.mmsdk.cms.CmsConnectionException(get, "refused", null);
    LicenseMonitor m = monitor();
    m.collectNow();
    var credentials = notifications.find("callbridge.credentials.b1").orElseThrow();
    assertEquals(Severity.ERROR, credentials.severity());
    assertTrue(credentials.message().contains("credentials provided for server cb-b1"),
        credentials.message());
    assertFalse(credentials.message().contains("secret"));
    assertTrue(notifications.find("callbridge.unreachable.b2").isPresent());
    bridges.get("b1").failure = null;
    bridges.get("b2").failure = null;
    m.collectNow();
    assertTrue(notifications.find("callbridge.credentials.b1").isEmpty());
    assertTrue(notifications.find("callbridge.unreachable.b2").isEmpty());
  }
}
