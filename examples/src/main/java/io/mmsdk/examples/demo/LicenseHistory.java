package io.mmsdk.examples.demo;

import io.mmsdk.testkit.SimulatedCallBridge;
import io.mmsdk.testkit.SimulatedCluster;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Seeds the simulated bridges with past {@code MPLicenseUsage} entries (every 5 minutes, busier on
 * weekday office hours), so the licensing step has weeks of history to judge compliance on.
 */
final class LicenseHistory {
  private LicenseHistory() {}

  /** Adds {@code days} of history before {@code now} on every bridge; returns the entries added. */
  static int seed(SimulatedCluster cms, Instant now, int days) {
    Random random = new Random(42);
    int added = 0;
    Instant from = now.minus(Duration.ofDays(days));
    for (Instant t = from; t.isBefore(now); t = t.plus(Duration.ofMinutes(5))) {
      ZonedDateTime utc = t.atZone(ZoneOffset.UTC);
      boolean weekday = utc.getDayOfWeek() != DayOfWeek.SATURDAY && utc.getDayOfWeek() != DayOfWeek.SUNDAY;
      boolean office = weekday && utc.getHour() >= 7 && utc.getHour() < 16;
      for (SimulatedCallBridge bridge : cms.callBridges()) {
        double load = office ? 0.5 + random.nextDouble() * 0.5 : random.nextDouble() * 0.1;
        // A few busy all-hands days push shared usage above the allocation.
        if (office && utc.getDayOfMonth() % 9 == 0) {
          load += 0.35;
        }
        cms.addLicenseUsage(bridge.hostId(), t, Map.of(
            "pmp", number(14 * load),
            "smpFull", number(6 * load),
            "smpPtP", number(random.nextInt(3) * load)));
        added++;
      }
    }
    return added;
  }

  private static String number(double v) {
    return String.format(Locale.ROOT, "%.2f", v);
  }
}
