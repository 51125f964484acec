package io.mmsdk.licensing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Test helpers that build samples tersely. */
final class Samples {
  private Samples() {}

  static UsageSample smp(String host, String time, double smpFull) {
    return new UsageSample(host, Instant.parse(time), new UsageValues(0, 0, 0, smpFull, 0, 0));
  }

  static UsageSample all(String host, String time, double pmp, double aud, double ptp,
      double full, double rec, double str) {
    return new UsageSample(host, Instant.parse(time), new UsageValues(pmp, aud, ptp, full, rec, str));
  }

  /** One sample per 5 minutes for a whole UTC day, every value {@code smpFull} and {@code pmp}. */
  static List<UsageSample> day(String host, String date, double pmp, double smpFull, double rec) {
    List<UsageSample> out = new ArrayList<>();
    Instant start = Instant.parse(date + "T00:00:30Z");
    for (int i = 0; i < 288; i++) {
      out.add(new UsageSample(host, start.plusSeconds(300L * i),
          new UsageValues(pmp, 0, 0, smpFull, rec, 0)));
    }
    return out;
  }
}
