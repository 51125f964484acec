package io.mmsdk.licensing;

import io.mmsdk.common.time.Scheduler;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Seed 2.6: "Meeting Management sends daily usage reports to Cisco SSM". At every 00:00 UTC the
 * report of the UTC day that just ended goes to the {@link SmartRegistration}, only in {@link
 * LicensingMode#SMART}, only from the elected collector (two reports would count usage twice) and
 * only while registered online. A report that is not accepted is logged; the next day's is sent
 * anyway.
 */
final class DailyUsageReports {
  // Logged under the monitor's name, as before the monitor was split.
  private static final Logger log = LoggerFactory.getLogger(LicenseMonitor.class);

  private final Scheduler scheduler;
  private final SmartRegistration smart;
  private final CollectorElection election;
  private final BooleanSupplier smartMode;
  private final Function<LocalDate, UsageReport> reports;

  DailyUsageReports(Scheduler scheduler, SmartRegistration smart, CollectorElection election,
      BooleanSupplier smartMode, Function<LocalDate, UsageReport> reports) {
    this.scheduler = scheduler;
    this.smart = smart;
    this.election = election;
    this.smartMode = smartMode;
    this.reports = reports;
  }

  /** Schedules the report at the coming 00:00 UTC and every day after; cancel to stop. */
  Scheduler.Cancellable start() {
    Instant now = scheduler.now();
    Instant midnight = LocalDate.ofInstant(now, ZoneOffset.UTC).plusDays(1)
        .atStartOfDay(ZoneOffset.UTC).toInstant();
    return scheduler.scheduleRepeating(Duration.between(now, midnight), Duration.ofDays(1),
        this::send);
  }

  private void send() {
    Instant now = scheduler.now();
    if (!smartMode.getAsBoolean()) {
      return;
    }
    if (!election.tryLead(now)) {
      return; // the collector reports; two reports would count usage twice
    }
    if (!smart.isRegisteredOnline()) {
      return;
    }
    LocalDate yesterday = LocalDate.ofInstant(now, ZoneOffset.UTC).minusDays(1);
    smart.sendUsageReport(reports.apply(yesterday)).whenComplete((st, e) -> {
      if (e != null) {
        log.warn("The daily usage report for {} was not accepted: {}", yesterday, e.toString());
      }
    });
  }
}
