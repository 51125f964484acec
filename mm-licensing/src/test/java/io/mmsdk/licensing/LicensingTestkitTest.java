package io.mmsdk.licensing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mmsdk.cms.CmsClient;
import io.mmsdk.cms.core.Form;
import io.mmsdk.core.cluster.CallBridge;
import io.mmsdk.core.cluster.Cluster;
import io.mmsdk.core.cluster.ClusterRegistry;
import io.mmsdk.core.notify.Notifications;
import io.mmsdk.testkit.SimulatedCallBridge;
import io.mmsdk.testkit.SimulatedCluster;
import io.mmsdk.testkit.core.ClusterOptions;
import io.mmsdk.testkit.core.SimulatedClock;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end over HTTP against the simulated cluster: 14 days of seeded history (backfill), then
 * live calls on both Call Bridges recorded as 5-minute MPLicenseUsage snapshots by the simulator,
 * collected through cms-api-client, ending out of compliance with Alarm 1.
 */
class LicensingTestkitTest {
  private static final Instant T0 = Instant.parse("2026-06-01T00:00:00Z");

  @TempDir Path dir;
  private SimulatedClock simClock;
  private SimulatedCluster sim;
  private final Map<String, String> baseUrls = new HashMap<>();
  private CmsUsageSources sources;
  private SimulatedClock scheduler;
  private ClusterRegistry registry;
  private UsageStore store;

  @BeforeEach
  void setUp() {
    simClock = SimulatedClock.startingAt(T0);
    sim = SimulatedCluster.start(
        ClusterOptions.builder().callBridges(2).https(false).clock(simClock)
            .pageLimit("MPLicenseUsage", 1000).build());
    scheduler = SimulatedClock.startingAt(T0);
    registry = ClusterRegistry.inMemory();
    Cluster.Builder cluster = Cluster.builder().id("c1").name("Sim cluster");
    for (SimulatedCallBridge b : sim.callBridges()) {
      URI base = URI.create(b.baseUrl());
      cluster.addCallBridge(CallBridge.builder().id(b.id()).name(b.name())
          .address(base.getHost() + ":" + base.getPort())
          .credentials(sim.apiUsername(), sim.apiPassword()).build());
      baseUrls.put(b.id(), b.baseUrl());
    }
    registry.add(cluster.build());
    // the simulator speaks plain HTTP here, so build clients from its base URLs
    sources = CmsUsageSources.create(b -> CmsClient.builder().baseUrl(baseUrls.get(b.id()))
        .credentials(sim.apiUsername(), sim.apiPassword()).clock(simClock).build());
    store = UsageStore.file(dir.resolve("usage"));
  }

  @AfterEach
  void tearDown() {
    store.close();
    sources.close();
    sim.close();
  }

  private void advanceBoth(Duration d) {
    simClock.advance(d);
    scheduler.advance(d);
  }

  @Test
  void collect_backfillPlusLiveCalls_reachesOutOfComplianceWithAlarm1() {
    // 14 days before T0: 2 SMP calls on bridge 0's host, every 5 minutes
    String host0 = sim.callBridge(0).hostId();
    for (int i = 1; i <= 14 * 288; i++) {
      sim.addLicenseUsage(host0, T0.minusSeconds(300L * i), Map.of("smpFull", "2.00"));
    }
    Notifications notifications = Notifications.create(scheduler);
    LicenseMonitor monitor = LicenseMonitor.builder()
        .scheduler(scheduler)
        .registry(registry)
        .usageSources(sources)
        .usageStore(store)
        .stateStore(LicenseStateStore.file(dir.resolve("state")))
        .notifications(notifications)
        .build();
    monitor.setAllocations(Allocations.builder()
        .allocate(AllocationType.PMP, 0).allocate(AllocationType.SMP, 1)
        .allocate(AllocationType.RECORDING_OR_STREAMING, 1).build());

    CollectionResult first = monitor.collectNow();
    assertEquals(14 * 288, first.samplesAdded());
    assertEquals(ComplianceStatus.INSUFFICIENT_LICENSES,
        monitor.status().findFeature(Feature.MEETINGS).orElseThrow().status());

    // one meeting on each bridge for the whole day: 1.00 smpFull per host per snapshot
    CmsClient api = CmsClient.builder().baseUrl(sim.callBridge(0).baseUrl())
        .credentials(sim.apiUsername(), sim.apiPassword()).build();
    String space0 = api.coSpaces().create(Form.builder().set("name", "Ops").build());
    String space1 = api.coSpaces().create(Form.builder().set("name", "Sales").build());
    api.close();
    sim.callBridge(0).join(space0, "alice@example.com", "Alice");
    sim.callBridge(1).join(space1, "bob@example.com", "Bob");
    advanceBoth(Duration.ofHours(23).plusMinutes(59));

    CollectionResult second = monitor.collectNow();
    assertTrue(second.samplesAdded() >= 2 * 287, "added " + second.samplesAdded());
    LicenseStatus status = monitor.status();
    FeatureCompliance meetings = status.findFeature(Feature.MEETINGS).orElseThrow();
    assertEquals(ComplianceStatus.OUT_OF_COMPLIANCE, meetings.status());
    assertEquals(15, meetings.findUsage(AllocationType.SMP).orElseThrow().overDays());
    assertEquals(2.0, meetings.findUsage(AllocationType.SMP).orElseThrow().ninetyDayPeak(), 1e-9);
    assertEquals("Enforcement in 30 days",
        status.findEnforcement("c1", Feature.MEETINGS).orElseThrow().message());
    assertEquals(ComplianceStatus.IN_COMPLIANCE,
        status.findFeature(Feature.RECORDING_OR_STREAMING).orElseThrow().status());

    // live view: two calls, each on one bridge, neither owned by a PMP user
    assertEquals(2.0, monitor.currentSharedLicenseDemand("c1"), 1e-9);

    // the day's 5-minute series shows both bridges' calls summed
    UtilizationSeries day = monitor.utilization(AllocationType.SMP, LocalDate.parse("2026-06-01"),
        LocalDate.parse("2026-06-01"));
    assertEquals(2.0, day.max(), 1e-9);

    // bridge 1 goes down: its peer still serves every host's usage, and a notification is raised
    sim.callBridge(1).stop();
    advanceBoth(Duration.ofMinutes(5));
    CollectionResult third = monitor.collectNow();
    assertEquals(List.of(sim.callBridge(1).id()), third.unreachableBridgeIds());
    assertTrue(notifications.find("callbridge.unreachable." + sim.callBridge(1).id()).isPresent());

    ByteArrayOutputStream zip = new ByteArrayOutputStream();
    monitor.writeLicenseData(zip);
    assertTrue(zip.size() > 1000);
  }
}
