package io.mmsdk.examples.demo;

import io.mmsdk.core.cluster.ClusterRegistry;
import io.mmsdk.core.notify.Notifications;
import io.mmsdk.common.time.Scheduler;
import io.mmsdk.licensing.AllocationType;
import io.mmsdk.licensing.Allocations;
import io.mmsdk.licensing.CmsUsageSources;
import io.mmsdk.licensing.CollectionResult;
import io.mmsdk.licensing.FeatureCompliance;
import io.mmsdk.licensing.LicenseMonitor;
import io.mmsdk.licensing.LicenseStateStore;
import io.mmsdk.licensing.LicenseStatus;
import io.mmsdk.licensing.TypeUsage;
import io.mmsdk.jdbc.JdbcDatabase;
import io.mmsdk.jdbc.JdbcStores;
import io.mmsdk.licensing.UsageStore;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Step: collect license usage from every registered Call Bridge, print each feature's compliance
 * and write {@code license-data.zip} and an SVG utilization chart.
 */
final class LicensingStep {
  private LicensingStep() {}

  /** What the step produced. */
  record Outcome(Map<String, String> compliance, List<Path> files) {}

  static Outcome run(Progress progress, Scheduler scheduler, ClusterRegistry registry, Allocations allocations,
      Path outputDirectory, Path stateDirectory) {
    progress.step("License usage and compliance (mm-licensing)");
    Map<String, String> compliance = new LinkedHashMap<>();
    // Usage samples and the license state go into the demo's embedded database (the CDR step's mm-sdk.db).
    try (JdbcDatabase database = JdbcDatabase.sqlite(stateDirectory.resolve("mm-sdk.db"));
         UsageStore usage = JdbcStores.usage(database);
         LicenseStateStore state = JdbcStores.licenseState(database, "demo");
         CmsUsageSources sources = CmsUsageSources.create();
         LicenseMonitor monitor = LicenseMonitor.builder()
             .scheduler(scheduler)
             .registry(registry)
             .usageSources(sources)
             .usageStore(usage)
             .stateStore(state)
             .notifications(Notifications.create(scheduler))
             .build()) {
      monitor.setAllocations(allocations);
      CollectionResult collected = monitor.collectNow();
      progress.line("collected %d usage samples from %d host(s); unreachable bridges: %s", collected.samplesAdded(),
          collected.hostsCollected().size(), collected.unreachableBridgeIds().isEmpty() ? "none"
              : collected.unreachableBridgeIds());
      LicenseStatus status = monitor.status();
      for (FeatureCompliance f : status.features().values()) {
        compliance.put(f.feature().name(), f.status().label());
        progress.line("%-24s %s", f.feature(), f.status().label());
        for (TypeUsage u : f.usage()) {
          progress.line("  %-22s 90-day peak %6.2f of %s allocated, %d days over", u.type(), u.ninetyDayPeak(),
              u.allocationEntered() ? String.valueOf(u.allocatedCount()) : "(blank)", u.overDays());
        }
      }
      Path zip = outputDirectory.resolve("license-data.zip");
      Path chart = outputDirectory.resolve("smp-usage.svg");
      try (OutputStream out = Files.newOutputStream(zip)) {
        monitor.writeLicenseData(out);
        LocalDate today = LocalDate.ofInstant(scheduler.now(), ZoneOffset.UTC);
        Files.writeString(chart, monitor.utilizationChart(AllocationType.SMP, today.minusDays(29), today));
      } catch (IOException e) {
        throw new UncheckedIOException("Could not write the license files to " + outputDirectory, e);
      }
      return new Outcome(compliance, List.of(zip, chart));
    }
  }
}
