package io.mmsdk.licensing;

import java.io.OutputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The windows of stored usage that {@link LicenseMonitor} reads: the compliance window, one day's
 * peaks, the {@code license-data.zip} window and a utilization range. Each window reaches a day
 * beyond its ends where the daily peaks need the neighbouring bins. Thread-safe, as the store is.
 */
final class UsageWindows {
  private final UsageStore usage;

  UsageWindows(UsageStore usage) {
    this.usage = usage;
  }

  /** {@return the daily peaks of the compliance window: {@link Compliance#WINDOW_DAYS} up to now} */
  List<DailyPeak> compliancePeaks(Instant now) {
    Instant from = startOfDay(LocalDate.ofInstant(now, ZoneOffset.UTC)
        .minusDays(Compliance.WINDOW_DAYS));
    return UsageCalculator.bin(usage.samples(from, now.plusSeconds(1))).dailyPeaks();
  }

  /** {@return each license type's smoothed daily peak on the UTC {@code date}, 0 without data} */
  Map<AllocationType, Double> dayPeaks(LocalDate date) {
    Map<AllocationType, Double> peaks = new EnumMap<>(AllocationType.class);
    for (AllocationType t : AllocationType.values()) {
      peaks.put(t, 0.0);
    }
    for (DailyPeak p : bins(date, date).dailyPeaks()) {
      if (p.date().equals(date)) {
        for (AllocationType t : AllocationType.values()) {
          peaks.put(t, p.peak(t));
        }
      }
    }
    return peaks;
  }

  /** Writes {@code license-data.zip} of the last 90 days (plus today) to {@code out}. */
  void writeLicenseData(OutputStream out, Instant now) {
    Instant from = startOfDay(LocalDate.ofInstant(now, ZoneOffset.UTC)
        .minusDays(Compliance.WINDOW_DAYS - 1L));
    LicenseReports.writeLicenseData(out, usage.samples(from, now.plusSeconds(1)), now);
  }

  /** {@return the utilization series of {@code type} for the UTC dates {@code from..to}} */
  UtilizationSeries utilization(AllocationType type, LocalDate from, LocalDate to) {
    return UtilizationSeries.of(bins(from, to), type, from, to);
  }

  private ClusterBins bins(LocalDate from, LocalDate to) {
    return UsageCalculator.bin(usage.samples(startOfDay(from.minusDays(1)),
        startOfDay(to.plusDays(2))));
  }

  private static Instant startOfDay(LocalDate date) {
    return date.atStartOfDay(ZoneOffset.UTC).toInstant();
  }
}
