package io.mmsdk.examples.licensing;

import io.mmsdk.common.time.Scheduler;
import io.mmsdk.common.tls.TlsTrust;
import io.mmsdk.examples.ExampleFlags;
import io.mmsdk.core.cluster.CallBridge;
import io.mmsdk.core.cluster.Cluster;
import io.mmsdk.core.cluster.ClusterRegistry;
import io.mmsdk.core.notify.Notifications;
import io.mmsdk.examples.ExampleFlags;
import io.mmsdk.licensing.AllocationType;
import io.mmsdk.licensing.Allocations;
import io.mmsdk.licensing.CmsUsageSources;
import io.mmsdk.licensing.CollectionResult;
import io.mmsdk.licensing.FeatureCompliance;
import io.mmsdk.licensing.LicenseMonitor;
import io.mmsdk.licensing.LicenseStateStore;
import io.mmsdk.licensing.LicenseStatus;
import io.mmsdk.licensing.TypeUsage;
import io.mmsdk.licensing.UsageStore;
import io.mmsdk.testkit.SimulatedCallBridge;
import io.mmsdk.testkit.SimulatedCluster;
import io.mmsdk.testkit.core.ClusterOptions;
import io.mmsdk.testkit.core.SimulatedClock;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * A license report: collect usage from a Call Bridge, print each feature's compliance and write
 * {@code license-data.zip} and an SVG chart of SMP usage.
 *
 * <pre>
 * LicenseReport [--pmp N] [--smp N] [--rec N] [--out DIR] [--data DIR]
 *               [--cms-url https://cms1.example.com:8443 --cms-user api --cms-password-env CMS_PASSWORD
 *                [--trust-pem ca.pem]]
 * </pre>
 *
 * <p>{@code --pmp/--smp/--rec} are your allocations (omitted = blank, which makes the feature
 * Unlicensed). Usage samples and state are kept in {@code --data} (default {@code license-data/})
 * so the next run only fetches what is new. Without {@code --cms-url} it starts a simulated
 * two-bridge cluster with two weeks of usage history.
 */
public final class LicenseReport {
  private LicenseReport() {}

  /** Runs the example. */
  public static void main(String[] args) throws Exception {
    Map<String, String> flags = ExampleFlags.parse("LicenseReport", args);
    Allocations.Builder allocations = Allocations.builder().customizationLicense(false);
    allocate(allocations, flags, "--pmp", AllocationType.PMP);
    allocate(allocations, flags, "--smp", AllocationType.SMP);
    allocate(allocations, flags, "--rec", AllocationType.RECORDING_OR_STREAMING);
    Path out = Path.of(flags.getOrDefault("--out", "."));
    Files.createDirectories(out);

    ClusterRegistry registry = ClusterRegistry.inMemory();
    SimulatedCluster sim = null;
    Scheduler scheduler = Scheduler.system();
    Path data;
    if (flags.containsKey("--cms-url")) {
      URI url = URI.create(flags.get("--cms-url"));
      String password = System.getenv(ExampleFlags.required("LicenseReport", flags, "--cms-password-env"));
      if (password == null) {
        fail("environment variable " + flags.get("--cms-password-env") + " is not set");
      }
      registry.add(Cluster.builder().name(url.getHost()).addCallBridge(CallBridge.builder()
          .name(url.getHost())
          .address(url.getHost() + (url.getPort() > 0 ? ":" + url.getPort() : ""))
          .credentials(ExampleFlags.required("LicenseReport", flags, "--cms-user"), password)
          .trust(flags.containsKey("--trust-pem")
              ? TlsTrust.pemFile(Path.of(flags.get("--trust-pem")))
              : TlsTrust.systemDefault())
          .build()).build());
      data = Path.of(flags.getOrDefault("--data", "license-data"));
    } else {
      sim = simulatedClusterWithHistory(Clock.systemUTC().instant());
      Cluster.Builder cluster = Cluster.builder().name("Simulated");
      for (SimulatedCallBridge b : sim.callBridges()) {
        URI base = URI.create(b.baseUrl());
        cluster.addCallBridge(CallBridge.builder()
            .name(b.name()).address(base.getHost() + ":" + base.getPort())
            .credentials(sim.apiUsername(), sim.apiPassword())
            .trust(TlsTrust.pemCertificates(sim.findCaCertificatePem().orElseThrow())).build());
      }
      registry.add(cluster.build());
      data = Files.createTempDirectory("license-data-");
      if (!flags.containsKey("--smp")) {
        allocations.allocate(AllocationType.PMP, 20).allocate(AllocationType.SMP, 8)
            .allocate(AllocationType.RECORDING_OR_STREAMING, 0);
      }
      System.out.println("No --cms-url: simulated cluster with 14 days of usage history");
    }

    try (UsageStore usage = UsageStore.file(data.resolve("usage"));
         CmsUsageSources sources = CmsUsageSources.create();
         LicenseMonitor monitor = LicenseMonitor.builder()
             .scheduler(scheduler)
             .registry(registry)
             .usageSources(sources)
             .usageStore(usage)
             .stateStore(LicenseStateStore.file(data.resolve("state")))
             .notifications(Notifications.create(scheduler))
             .build()) {
      monitor.setAllocations(allocations.build());
      CollectionResult collected = monitor.collectNow();
      System.out.println("Collected " + collected.samplesAdded() + " samples from " + collected.hostsCollected().size()
          + " host(s); unreachable: " + collected.unreachableBridgeIds());
      LicenseStatus status = monitor.status();
      for (FeatureCompliance f : status.features().values()) {
        System.out.printf("%-24s %s%n", f.feature(), f.status().label());
        for (TypeUsage u : f.usage()) {
          System.out.printf(Locale.ROOT, "  %-22s 90-day peak %.2f, allocated %s, %d days over%n", u.type(),
              u.ninetyDayPeak(), u.allocationEntered() ? u.allocatedCount() : "(blank)", u.overDays());
        }
      }
      Path zip = out.resolve("license-data.zip");
      try (OutputStream o = Files.newOutputStream(zip)) {
        monitor.writeLicenseData(o);
      }
      LocalDate today = LocalDate.ofInstant(scheduler.now(), ZoneOffset.UTC);
      Path chart = out.resolve("smp-usage.svg");
      Files.writeString(chart, monitor.utilizationChart(AllocationType.SMP, today.minusDays(13), today));
      System.out.println("Wrote " + zip.toAbsolutePath().normalize() + " and " + chart.toAbsolutePath().normalize());
    } finally {
      if (sim != null) {
        sim.close();
      }
    }
  }

  /** Two bridges whose usage history has office-hours peaks over the past 14 days. */
  private static SimulatedCluster simulatedClusterWithHistory(Instant now) {
    SimulatedCluster sim = SimulatedCluster.start(ClusterOptions.builder().callBridges(2).https(true)
        .clock(SimulatedClock.startingAt(now)).pageLimit("MPLicenseUsage", 1000).build());
    Random random = new Random(1);
    for (Instant t = now.minus(Duration.ofDays(14)); t.isBefore(now); t = t.plus(Duration.ofMinutes(5))) {
      int hour = t.atZone(ZoneOffset.UTC).getHour();
      for (SimulatedCallBridge b : sim.callBridges()) {
        double load = hour >= 8 && hour < 17 ? 0.4 + random.nextDouble() * 0.6 : random.nextDouble() * 0.1;
        sim.addLicenseUsage(b.hostId(), t, Map.of(
            "pmp", String.format(Locale.ROOT, "%.2f", 9 * load),
            "smpFull", String.format(Locale.ROOT, "%.2f", 4 * load)));
      }
    }
    return sim;
  }

  private static void allocate(Allocations.Builder a, Map<String, String> flags, String flag, AllocationType type) {
    if (flags.containsKey(flag)) {
      try {
        a.allocate(type, Long.parseLong(flags.get(flag)));
      } catch (NumberFormatException e) {
        fail(flag + " expects a whole number of licenses, was '" + flags.get(flag) + "'");
      }
    }
  }

  private static void fail(String message) {
    ExampleFlags.fail("LicenseReport", message);
  }
}
