package io.mmsdk.licensing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * The 5-minute cluster bins computed from host samples by {@link UsageCalculator#bin}, and the
 * daily peaks derived from them. Immutable and thread-safe.
 *
 * <p>Bins form a continuous grid from the first to the last interval that has a sample. An interval
 * without any sample is <em>missing</em>: it is absent from {@link #bins()} and counts as zero
 * usage
 * in smoothing.
 */
public final class ClusterBins {
  static final int TYPES = LicenseType.values().length;
  static final long BIN_SECONDS = 300;
  static final long DAY_SECONDS = 86_400;
  static final ClusterBins EMPTY = new ClusterBins(0, 0, new double[0], new int[0]);

  private final long originSecond;
  private final int count;
  private final double[] values;
  private final int[] hosts;
  private volatile List<DailyPeak> dailyPeaks;

  ClusterBins(long originSecond, int count, double[] values, int[] hosts) {
    this.originSecond = originSecond;
    this.count = count;
    this.values = values;
    this.hosts = hosts;
  }

  /** {@return true if no sample was given} */
  public boolean isEmpty() {
    return count == 0;
  }

  /** {@return the bins that have at least one host sample, oldest first} */
  public List<ClusterBin> bins() {
    List<ClusterBin> out = new ArrayList<>();
    double[] row = new double[TYPES];
    for (int i = 0; i < count; i++) {
      if (hosts[i] > 0) {
        System.arraycopy(values, i * TYPES, row, 0, TYPES);
        out.add(new ClusterBin(Instant.ofEpochSecond(originSecond + i * BIN_SECONDS),
            UsageValues.of(row), hosts[i]));
      }
    }
    return Collections.unmodifiableList(out);
  }

  /**
   * {@return the bins whose start lies in {@code [from, to)}, oldest first; missing bins are left
   * out}
   *
   * @param from the first bin start included
   * @param to the first bin start excluded; not before {@code from}
   */
  public List<ClusterBin> bins(Instant from, Instant to) {
    Objects.requireNonNull(from, "from == null");
    Objects.requireNonNull(to, "to == null");
    List<ClusterBin> out = new ArrayList<>();
    for (ClusterBin b : bins()) {
      if (!b.start().isBefore(from) && b.start().isBefore(to)) {
        out.add(b);
      }
    }
    return Collections.unmodifiableList(out);
  }

  /**
   * {@return one peak per UTC day that has at least one bin, oldest first} Each series (the six
   * license types, the SMP sum and the recording-or-streaming sum) is smoothed with a 3-point
   * median
   * over the continuous bin grid, missing bins counting as zero and the first and last bin kept as
   * they are; the day's peak is the largest smoothed value among the day's 288 bins.
   */
  public List<DailyPeak> dailyPeaks() {
    List<DailyPeak> result = dailyPeaks;
    if (result == null) {
      result = computeDailyPeaks();
      dailyPeaks = result;
    }
    return result;
  }

  private List<DailyPeak> computeDailyPeaks() {
    if (count == 0) {
      return List.of();
    }
    int series = TYPES + 2;
    double[][] raw = new double[series][count];
    for (int i = 0; i < count; i++) {
      int base = i * TYPES;
      for (int t = 0; t < TYPES; t++) {
        raw[t][i] = values[base + t];
      }
      raw[TYPES][i] = values[base + 1] + values[base + 2] + values[base + 3];
      raw[TYPES + 1][i] = values[base + 4] + values[base + 5];
    }
    long firstDay = Math.floorDiv(originSecond, DAY_SECONDS);
    long lastDay = Math.floorDiv(originSecond + (count - 1) * BIN_SECONDS, DAY_SECONDS);
    int days = (int) (lastDay - firstDay + 1);
    double[][] peaks = new double[days][series];
    boolean[] dayPresent = new boolean[days];
    for (int i = 0; i < count; i++) {
      int day = (int) (Math.floorDiv(originSecond + i * BIN_SECONDS, DAY_SECONDS) - firstDay);
      if (hosts[i] > 0) {
        dayPresent[day] = true;
      }
      double[] peak = peaks[day];
      for (int s = 0; s < series; s++) {
        double[] x = raw[s];
        double v =
            (i == 0 || i == count - 1) ? x[i] : median(x[i - 1], x[i], x[i + 1]);
        if (v > peak[s]) {
          peak[s] = v;
        }
      }
    }
    List<DailyPeak> out = new ArrayList<>();
    double[] row = new double[TYPES];
    for (int d = 0; d < days; d++) {
      if (dayPresent[d]) {
        System.arraycopy(peaks[d], 0, row, 0, TYPES);
        out.add(new DailyPeak(LocalDate.ofEpochDay(firstDay + d), UsageValues.of(row),
            peaks[d][TYPES], peaks[d][TYPES + 1]));
      }
    }
    return Collections.unmodifiableList(out);
  }

  static double median(double a, double b, double c) {
    return Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
  }
}
