package io.mmsdk.licensing;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The peak usage of one UTC day after 3-point median smoothing of the 5-minute cluster bins. Each
 * series is smoothed and peaked on its own, so the {@link AllocationType#SMP} peak is the peak of
 * the smoothed SMP sum, which can be lower than the sum of the three SMP category peaks.
 *
 * @param date the UTC date
 * @param byType the peak of each license type
 * @param smp the peak of the SMP sum (audio-only + point-to-point + full)
 * @param recordingOrStreaming the peak of the recording + streaming sum
 */
public record DailyPeak(LocalDate date, UsageValues byType, double smp, double recordingOrStreaming) {

  /**
   * Checks the arguments.
   *
   * @param date the UTC date
   * @param byType the peak of each license type
   * @param smp the peak of the SMP sum (audio-only + point-to-point + full)
   * @param recordingOrStreaming the peak of the recording + streaming sum
   */
  public DailyPeak {
    Objects.requireNonNull(date, "date == null");
    Objects.requireNonNull(byType, "byType == null");
  }

  /**
   * {@return the day's peak for the usage that counts against {@code type}}
   *
   * @param type the license type
   */
  public double peak(AllocationType type) {
    switch (Objects.requireNonNull(type, "type == null")) {
      case PMP:
        return byType.pmp();
      case SMP:
        return smp;
      default:
        return recordingOrStreaming;
    }
  }
}
