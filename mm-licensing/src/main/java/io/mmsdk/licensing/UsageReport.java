package io.mmsdk.licensing;

import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * The daily usage report sent to Cisco SSM (seed 2.6: "Meeting Management sends daily usage
 * reports to Cisco SSM, and Cisco SSM then reports back whether the deployment is in compliance").
 *
 * @param date the UTC date reported
 * @param peaks the smoothed daily peak of each license type on that date (0 without data)
 * @param activeCallBridgeNodes the Call Bridges without a traditional activation key, reported as
 *     the free "Active Call Bridge Node" license (seed 21.6)
 */
public record UsageReport(LocalDate date, Map<AllocationType, Double> peaks,
    int activeCallBridgeNodes) {

  /**
   * Checks the arguments and copies the map.
   *
   * @param date the UTC date reported; not null
   * @param peaks the smoothed daily peak per license type; copied, not null
   * @param activeCallBridgeNodes the Call Bridges without a traditional activation key, 0 or more
   * @throws IllegalArgumentException if {@code activeCallBridgeNodes} is negative
   */
  public UsageReport {
    Objects.requireNonNull(date, "date == null");
    Map<AllocationType, Double> copy = new EnumMap<>(AllocationType.class);
    copy.putAll(Objects.requireNonNull(peaks, "peaks == null"));
    peaks = Collections.unmodifiableMap(copy);
    if (activeCallBridgeNodes < 0) {
      throw new IllegalArgumentException(
          "activeCallBridgeNodes must be >= 0; got " + activeCallBridgeNodes);
    }
  }
}
