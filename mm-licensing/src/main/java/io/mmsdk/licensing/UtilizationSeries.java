package io.mmsdk.licensing;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The utilization graph of the Licenses page for one license type over a date range: one point per
 * 5-minute cluster bin for a one-day range, one daily peak per day otherwise. Immutable.
 *
 * @param type the license type shown
 * @param from the first UTC date, inclusive
 * @param to the last UTC date, inclusive
 * @param resolution the spacing of the points
 * @param points the points, oldest first; intervals or days without data are left out
 */
public record UtilizationSeries(
    AllocationType type,
    LocalDate from,
    LocalDate to,
    Resolution resolution,
    List<Point> points) {

  /**
   * Checks the arguments and copies the list.
   *
   * @param type the license type shown
   * @param from the first UTC date, inclusive
   * @param to the last UTC date, inclusive
   * @param resolution the spacing of the points
   * @param points the points, oldest first; intervals or days without data are left out
   */
  public UtilizationSeries {
    Objects.requireNonNull(type, "type == null");
    Objects.requireNonNull(from, "from == null");
    Objects.requireNonNull(to, "to == null");
    Objects.requireNonNull(resolution, "resolution == null");
    points = List.copyOf(Objects.requireNonNull(points, "points == null"));
  }

  /**
   * {@return the series of {@code type} from {@code from} to {@code to} (UTC dates, inclusive)}
   *
   * @param bins the cluster bins to take the daily peaks from
   * @param type the license type
   * @param from the first UTC date
   * @param to the last UTC date, inclusive
   * @throws IllegalArgumentException if {@code to} is before {@code from}
   */
  public static UtilizationSeries of(
      ClusterBins bins, AllocationType type, LocalDate from, LocalDate to) {
    Objects.requireNonNull(bins, "bins == null");
    Objects.requireNonNull(type, "type == null");
    Objects.requireNonNull(from, "from == null");
    Objects.requireNonNull(to, "to == null");
    if (to.isBefore(from)) {
      throw new IllegalArgumentException(
          "date range ends before it starts: from " + from + " to " + to + "; pass from <= to");
    }
    List<Point> points = new ArrayList<>();
    if (from.equals(to)) {
      Instant start = from.atStartOfDay(ZoneOffset.UTC).toInstant();
      for (ClusterBin b : bins.bins(start, start.plusSeconds(86_400))) {
        points.add(new Point(b.start(), b.usage(type)));
      }
      return new UtilizationSeries(type, from, to, Resolution.FIVE_MINUTES, points);
    }
    for (DailyPeak p : bins.dailyPeaks()) {
      if (!p.date().isBefore(from) && !p.date().isAfter(to)) {
        points.add(new Point(p.date().atStartOfDay(ZoneOffset.UTC).toInstant(), p.peak(type)));
      }
    }
    return new UtilizationSeries(type, from, to, Resolution.DAILY_PEAK, points);
  }

  /** {@return the largest value in the series, or 0 if it is empty} */
  public double max() {
    double m = 0;
    for (Point p : points) {
      m = Math.max(m, p.value());
    }
    return m;
  }

  /** The spacing of the points. */
  public enum Resolution {
    /** One point per 5-minute cluster bin (raw bin value). */
    FIVE_MINUTES,
    /** One point per UTC day: the peak after 3-point median smoothing. */
    DAILY_PEAK
  }

  /**
   * One point of the series.
   *
   * @param time the start of the bin or day (UTC)
   * @param value the licenses used
   */
  public record Point(Instant time, double value) {
    /**
     * Checks the arguments.
     *
     * @param time the start of the bin or day (UTC)
     * @param value the licenses used
     */
    public Point {
      Objects.requireNonNull(time, "time == null");
    }
  }
}
