package io.mmsdk.licensing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mmsdk.cms.CmsClient;
import io.mmsdk.cms.RetryPolicy;
import io.mmsdk.cms.core.Form;
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
import io.mmsdk.testkit.SimulatedCluster;
import io.mmsdk.testkit.core.ClusterOptions;
import io.mmsdk.testkit.core.SimulatedClock;
import io.mmsdk.testkit.junit5.SimulatedClusterExtension;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The monitor against a simulated two-bridge cluster over HTTP on loopback, on the cluster's
 * clock: usage before the test starts is seeded into {@code MPLicenseUsage}, usage during it comes
 * from meetings running on the bridges (each bridge snapshots every 5 minutes), and failures are
 * the simulator's (a stopped bridge, HTTP errors, a wrong API password).
 */
class LicenseMonitorTest {
  private static final Instant T0 = Instant.parse("2026-06-01T00:00:00Z");
  private static final Duration DAY = Duration.ofDays(1);

  @RegisterExtension
  final SimulatedClusterExtension cms = SimulatedClusterExtension.builder()
      .options(ClusterOptions.builder().callBridges(2).https(false)
          .clock(SimulatedClock.startingAt(T0)).pageLimit("MPLicenseUsage", 1000).build())
      .build();

  @TempDir Path dir;
  private SimulatedCluster sim;
  private CmsClient api;
  private SimulatedClock scheduler;
  private ClusterRegistry registry;
  private Notifications notifications;
  private CmsUsageSources cmsSources;
  /** What the monitor asked each bridge's source, by registry bridge id, in order. */
  private final Map<String, List<String>> asked = new ConcurrentHashMap<>();
  /** The host ids of the simulated bridges 0 and 1 ({@code MPLicenseUsage/knownHosts}). */
  private String h1;
  private String h2;
  private UsageStore store;
  private LicenseStateStore stateStore;

  @BeforeEach
  void setUp(SimulatedCluster sim, CmsClient api) {
    this.sim = sim;
    this.api = api;
    scheduler = sim.clock();
    h1 = sim.callBridge(0).hostId();
    h2 = sim.callBridge(1).hostId();
    registry = ClusterRegistry.inMemory();
    registry.add(cluster(sim.apiPassword()));
    notifications = Notifications.create(scheduler);
    // The simulator speaks plain HTTP: each client goes to the registered address with the
    // registered credentials. No retries: the monitor falls back to the cluster's other bridge.
    cmsSources = CmsUsageSources.create(b -> CmsClient.builder()
        .baseUrl("http://" + b.address().authority())
        .credentials(b.credentials().username(), b.credentials().password())
        .retryPolicy(RetryPolicy.none()).clock(scheduler).build());
    store = UsageStore.file(dir.resolve("usage"));
  }

  @AfterEach
  void tearDown() {
    store.close();
    cmsSources.close();
    if (stateStore != null) {
      stateStore.close();
    }
  }

  /** Cluster c1 "Oslo": b1 on simulated bridge 0 with API password {@code b1Password}, b2 on 1. */
  private Cluster cluster(String b1Password) {
    return Cluster.builder().id("c1").name("Oslo")
        .addCallBridge(bridge("b1", 0, b1Password))
        .addCallBridge(bridge("b2", 1, sim.apiPassword())).build();
  }

  private CallBridge bridge(String id, int index, String password) {
    URI base = URI.create(sim.callBridge(index).baseUrl());
    return CallBridge.builder().id(id).name("cb-" + id)
        .address(base.getHost() + ":" + base.getPort())
        .credentials(sim.apiUsername(), password).build();
  }

  /** The real source of {@code bridge}, recording what the monitor asks of it. */
  private UsageSource source(CallBridge bridge) {
    UsageSource real = cmsSources.apply(bridge);
    List<String> log = asked(bridge.id());
    return new UsageSource() {
      @Override
      public List<String> knownHosts() {
        log.add("knownHosts");
        return real.knownHosts();
      }

      @Override
      public List<UsageSample> usage(String hostId, Instant start, Instant end) {
        log.add("usage " + hostId + " " + start + " " + end);
        return real.usage(hostId, start, end);
      }

      @Override
      public boolean hasActivation() {
        return real.hasActivation();
      }

      @Override
      public MultipartyUsage multipartyUsage() {
        return real.multipartyUsage();
      }
    };
  }

  private List<String> asked(String bridgeId) {
    return asked.computeIfAbsent(bridgeId, k -> new CopyOnWriteArrayList<>());
  }

  private LicenseMonitor.Builder builder() {
    return LicenseMonitor.builder()
        .scheduler(scheduler)
        .registry(registry)
        .usageSources(this::source)
        .usageStore(store)
        .notifications(notifications);
  }

  /** Returns a new monitor on the state directory, closing the state store an earlier one used (a restart). */
  private LicenseMonitor monitor() {
    if (stateStore != null) {
      stateStore.close();
    }
    stateStore = LicenseStateStore.file(dir.resolve("state"));
    return builder().stateStore(stateStore).build();
  }

  /**
   * Seeds 5-minute SMP snapshots of {@code smpFull} on h1 from {@code from} for {@code days}, all
   * before T0: the cluster's usage history (either bridge serves it).
   */
  private void history(Instant from, int days, double smpFull) {
    for (int i = 0; i < days * 288; i++) {
      sim.addLicenseUsage(h1, from.plus(Duration.ofMinutes(5L * i)),
          Map.of("smpFull", String.format(Locale.ROOT, "%.2f", smpFull)));
    }
  }

  /** Starts a coSpace meeting on bridge 0 for each name, with one participant; returns the spaces. */
  private List<String> meetings(String... names) {
    List<String> spaces = new java.util.ArrayList<>();
    for (String name : names) {
      String space = space(name);
      sim.callBridge(0).join(space, name.toLowerCase(Locale.ROOT) + "@example.com", name);
      spaces.add(space);
    }
    return spaces;
  }

  private String space(String name) {
    return api.coSpaces().create(Form.builder().set("name", name).build());
  }

  @Test
  void collectNow_firstContact_backfills90DaysThenReadsIncrementally() {
    history(T0.minus(DAY.multipliedBy(100)), 100, 1);
    LicenseMonitor m = monitor();
    CollectionResult r = m.collectNow();
    assertEquals(List.of(h1, h2), r.hostsCollected());
    assertEquals(90 * 288, r.samplesAdded());
    assertEquals("usage " + h1 + " 2026-03-03T00:00:00Z 2026-06-01T00:00:00Z", asked("b1").get(1));
    // b2 is asked for hosts, but every host was already read from b1 this round
    assertEquals(List.of("knownHosts"), asked("b2"));

    // both bridges snapshot every 5 minutes: 00:05 .. 02:00 is 24 new samples per host
    scheduler.advance(Duration.ofHours(2));
    CollectionResult r2 = m.collectNow();
    assertEquals(2 * 24, r2.samplesAdded());
    assertTrue(asked("b1").contains("usage " + h1 + " 2026-05-31T23:55:00Z 2026-06-01T02:00:00Z"),
        asked("b1").toString());
    // h2 had nothing stored yet, so it is still read from the backfill on
    assertTrue(asked("b1").contains("usage " + h2 + " 2026-03-03T02:00:00Z 2026-06-01T02:00:00Z"),
        asked("b1").toString());
  }

  @Test
  void collectNow_oneBridgeFailing_collectsFromOtherAndRaisesNotification() {
    history(T0.minus(DAY), 1, 1);
    sim.callBridge(0).faults().failNext(1, 500);
    LicenseMonitor m = monitor();
    CollectionResult r = m.collectNow();
    assertEquals(List.of("b1"), r.unreachableBridgeIds());
    assertEquals(288, r.samplesAdded());
    var n = notifications.find("licensing.unreachable.b1").orElseThrow();
    assertEquals(Severity.WARNING, n.severity());
    assertTrue(n.message().contains("cb-b1"), n.message());
    assertFalse(n.message().contains(sim.apiPassword()));

    scheduler.advance(Duration.ofMinutes(5));
    m.collectNow();
    assertTrue(notifications.find("licensing.unreachable.b1").isEmpty());
  }

  @Test
  void collectNow_multipartyUsage_sumsWeightedCallsOverTheCluster() {
    meetings("Alice");
    // a meeting both bridges host counts half on each
    String shared = space("Shared");
    sim.callBridge(0).join(shared, "bob@example.com", "Bob");
    sim.callBridge(1).join(shared, "carol@example.com", "Carol");
    LicenseMonitor m = monitor();
    m.collectNow();
    assertEquals(2.0, m.currentSharedLicenseDemand("c1"), 1e-9);
    assertEquals(1.5, m.multipartyUsage().get("b1").weightedCallsWithoutPersonalLicense());
    assertEquals(0.5, m.multipartyUsage().get("b2").weightedCallsWithoutPersonalLicense());
  }

  @Test
  void start_collectsEvery5MinutesUntilClosed() {
    LicenseMonitor m = monitor().start();
    scheduler.advance(Duration.ofMinutes(10));
    assertEquals(3, asked("b1").stream().filter("knownHosts"::equals).count());
    m.close();
    scheduler.advance(Duration.ofHours(1));
    assertEquals(3, asked("b1").stream().filter("knownHosts"::equals).count());
  }

  @Test
  void status_meetingsOveruse_walksAlarm1ToAlarm3ThenClearsWithLicenses() {
    // SMP 2 in use for the last 20 days, and two meetings running from now on; 1 license
    history(T0.minus(DAY.multipliedBy(20)), 20, 2);
    meetings("Ops", "Sales");
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
    // one call recorded all of yesterday
    for (int i = 0; i < 288; i++) {
      sim.addLicenseUsage(h1, T0.minus(DAY).plus(Duration.ofMinutes(5L * i)), Map.of("rec", "1"));
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
    history(T0.minus(DAY.multipliedBy(20)), 20, 2);
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
    LicenseMonitor m = builder().stateStore(LicenseStateStore.file(dir.resolve("state")))
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
    meetings("Ops", "Sales", "Support"); // SMP 3 all day
    RecordingTransport t = new RecordingTransport();
    SmartLicensing smart = SmartLicensing.create(t, scheduler, notifications);
    smart.register("tok", false).toCompletableFuture().get();
    LicenseMonitor m = builder().stateStore(LicenseStateStore.file(dir.resolve("state")))
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
   * license key" as the "Active Call Bridge Node" license. The key is the cluster's ({@code
   * /clusterLicensing}), so both bridges of a cluster without one are counted.
   */
  @Test
  void status_clusterWithoutActivationKey_noEnforcement_bridgesReportedAsActiveCallBridgeNodes() {
    history(T0.minus(DAY), 1, 1);
    sim.setLicenseFeature("callBridge", "noLicense", "");
    LicenseMonitor m = monitor();
    m.setAllocations(Allocations.builder()
        .allocate(AllocationType.PMP, 10).allocate(AllocationType.SMP, 10).build());
    m.collectNow();
    LicenseStatus s = m.status();
    assertEquals(EnforcementLevel.NONE,
        s.findEnforcement("c1", Feature.MEETINGS).orElseThrow().level());
    UsageReport r = m.usageReport(LocalDate.parse("2026-05-31"));
    assertEquals(2, r.activeCallBridgeNodes());
    assertEquals(1.0, r.peaks().get(AllocationType.SMP), 1e-9);
    assertEquals(0.0, r.peaks().get(AllocationType.PMP), 1e-9);
  }

  /** Even during a trial a cluster without an activation key raises no enforcement. */
  @Test
  void status_trialAndClusterWithoutActivationKey_noEnforcement() {
    sim.setLicenseFeature("callBridge", "noLicense", "");
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
    history(T0.minus(DAY.multipliedBy(30)), 30, 2);
    meetings("Ops", "Sales");
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
    assertTrue(asked("b1").isEmpty(), asked("b1").toString());
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
    LicenseMonitor m = builder().stateStore(LicenseStateStore.file(dir.resolve("state")))
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
    registry.update(cluster("wrong-password"));
    sim.callBridge(1).stop();
    LicenseMonitor m = monitor();
    m.collectNow();
    var credentials = notifications.find("callbridge.credentials.b1").orElseThrow();
    assertEquals(Severity.ERROR, credentials.severity());
    assertTrue(credentials.message().contains("credentials provided for server cb-b1"),
        credentials.message());
    assertFalse(credentials.message().contains("wrong-password"));
    var unreachable = notifications.find("callbridge.unreachable.b2").orElseThrow();
    assertEquals(Severity.ERROR, unreachable.severity());

    // the administrator enters the right password; bridge 1 is started again
    registry.update(cluster(sim.apiPassword()));
    sim.callBridge(1).restart();
    m.collectNow();
    assertTrue(notifications.find("callbridge.credentials.b1").isEmpty());
    assertTrue(notifications.find("callbridge.unreachable.b2").isEmpty());
  }
}
