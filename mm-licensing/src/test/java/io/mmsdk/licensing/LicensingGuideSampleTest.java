package io.mmsdk.licensing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mmsdk.common.tls.TlsTrust;
import io.mmsdk.core.cluster.CallBridge;
import io.mmsdk.core.cluster.Cluster;
import io.mmsdk.core.cluster.ClusterRegistry;
import io.mmsdk.core.notify.Notifications;
import io.mmsdk.testkit.SimulatedCallBridge;
import io.mmsdk.testkit.SimulatedCluster;
import io.mmsdk.testkit.core.ClusterOptions;
import io.mmsdk.testkit.core.SimulatedClock;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The flow of docs/mm-licensing.md ("Collect, check, report") over HTTPS against the simulated
 * cluster, with clients built from the registry's Call Bridges by {@link CmsUsageSources}.
 */
class LicensingGuideSampleTest {
  private static final Instant T0 = Instant.parse("2026-06-01T12:00:00Z");

  @TempDir Path dir;

  @Test
  void guideFlow_overHttps_printsStatusesAndWritesZipAndChart() throws Exception {
    SimulatedClock simClock = SimulatedClock.startingAt(T0);
    try (SimulatedCluster sim = SimulatedCluster.start(ClusterOptions.builder()
        .callBridges(2).https(true).clock(simClock).pageLimit("MPLicenseUsage", 1000).build())) {
      String pem = sim.findCaCertificatePem().orElseThrow();
      ClusterRegistry registry = ClusterRegistry.inMemory();
      Cluster.Builder cluster = Cluster.builder().id("oslo").name("Oslo");
      for (SimulatedCallBridge b : sim.callBridges()) {
        URI base = URI.create(b.baseUrl());
        cluster.addCallBridge(CallBridge.builder().name(b.name())
            .address(base.getHost() + ":" + base.getPort())
            .credentials(sim.apiUsername(), sim.apiPassword())
            .trust(TlsTrust.pemCertificates(pem)).build());
      }
      registry.add(cluster.build());
      for (int i = 0; i < 3 * 288; i++) {
        sim.addLicenseUsage(sim.callBridge(0).hostId(), T0.minusSeconds(300L * i),
            Map.of("smpFull", i % 288 < 100 ? "9.00" : "4.00", "pmp", "3.00"));
      }

      SimulatedClock scheduler = SimulatedClock.startingAt(T0);
      Notifications notifications = Notifications.create(scheduler);
      List<String> printed = new ArrayList<>();
      try (UsageStore usage = UsageStore.file(dir.resolve("usage"));
           CmsUsageSources sources = CmsUsageSources.create();
           LicenseMonitor monitor = LicenseMonitor.builder()
               .scheduler(scheduler)
               .registry(registry)
               .usageSources(sources)
               .usageStore(usage)
               .stateStore(LicenseStateStore.file(dir.resolve("state")))
               .notifications(notifications)
               .build()) {
        monitor.setAllocations(Allocations.builder()
            .allocate(AllocationType.PMP, 50)
            .allocate(AllocationType.SMP, 10)
            .allocate(AllocationType.RECORDING_OR_STREAMING, 0)
            .customizationLicense(false)
            .build());
        monitor.collectNow();
        LicenseStatus status = monitor.status();
        for (FeatureCompliance f : status.features().values()) {
          printed.add(f.feature() + ": " + f.status().label());
        }
        String clusterId = registry.clusters().get(0).id();
        status.findEnforcement(clusterId, Feature.MEETINGS)
            .ifPresent(e -> printed.add("enforcement: " + e.message()));

        try (OutputStream out = Files.newOutputStream(dir.resolve("license-data.zip"))) {
          monitor.writeLicenseData(out);
        }
        Files.writeString(dir.resolve("smp.svg"), monitor.utilizationChart(AllocationType.SMP,
            LocalDate.parse("2026-05-29"), LocalDate.parse("2026-06-01")));
      }
      assertEquals(List.of(
          "MEETINGS: Over 80% threshold",
          "RECORDING_OR_STREAMING: Unlicensed",
          "CUSTOMIZATION: Unlicensed",
          "enforcement: "), printed);
      assertTrue(Files.size(dir.resolve("license-data.zip")) > 1000);
      assertTrue(Files.readString(dir.resolve("smp.svg")).contains("Allocated: 10"));
    }
  }
}
