package io.mmsdk.licensing;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes the 90-day license report {@code license-data.zip} (section 18). Pure apart from writing
 * to the given stream; thread-safe.
 *
 * <p>All three files are UTF-8 CSV with a header row, {@code \n} line ends, times in UTC ISO-8601
 * ({@code 2026-01-01T00:05:00Z}), dates as {@code 2026-01-01}, and counts with exactly three
 * decimals ({@code 1.000}, {@code 0.333}):
 *
 * <ul>
 *   <li>{@code host-reported.csv}: {@code host_id,timestamp_utc,pmp,smp_audio_only,
 *       smp_point_to_point,smp_full,recording,streaming}; one row per sample, by time then host.
 *   <li>{@code cluster-bins.csv}: {@code bin_start_utc,} the six types{@code
 *       ,smp,recording_or_streaming}; one row per 5-minute interval that has a sample.
 *   <li>{@code daily-peaks.csv}: {@code date_utc,} the six types{@code
 *   ,smp,recording_or_streaming};
 *       one row per UTC day with data, peaks after 3-point median smoothing.
 * </ul>
 */
public final class LicenseReports {
  /** The name of the zip file the Licenses page offers. */
  public static final String ZIP_NAME = "license-data.zip";

  private LicenseReports() {}

  /**
   * Writes {@code license-data.zip} to {@code out} (not closed) from the raw samples; the bins and
   * peaks are computed from them. Zip entries carry {@code generatedAt} as their time.
   *
   * @param out where the zip is written; left open
   * @param samples the raw {@code MPLicenseUsage} snapshots to include
   * @param generatedAt the time stamped on every entry
   * @throws java.io.UncheckedIOException if {@code out} fails
   */
  public static void writeLicenseData(
      OutputStream out, Collection<UsageSample> samples, Instant generatedAt) {
    Objects.requireNonNull(out, "out == null");
    Objects.requireNonNull(samples, "samples == null");
    Objects.requireNonNull(generatedAt, "generatedAt == null");
    ClusterBins bins = UsageCalculator.bin(samples);
    try {
      ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
      entry(zip, "host-reported.csv", hostReportedCsv(samples), generatedAt);
      entry(zip, "cluster-bins.csv", clusterBinsCsv(bins), generatedAt);
      entry(zip, "daily-peaks.csv", dailyPeaksCsv(bins), generatedAt);
      zip.finish();
      zip.flush();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(
          "Cannot write " + ZIP_NAME + ": " + e.getMessage(), e);
    }
  }

  private static void entry(ZipOutputStream zip, String name, String text, Instant time)
      throws IOException {
    ZipEntry e = new ZipEntry(name);
    e.setTime(time.toEpochMilli());
    zip.putNextEntry(e);
    zip.write(text.getBytes(StandardCharsets.UTF_8));
    zip.closeEntry();
  }

  /**
   * {@return the text of {@code host-reported.csv}}
   *
   * @param samples the snapshots, one row each
   */
  public static String hostReportedCsv(Collection<UsageSample> samples) {
    List<UsageSample> sorted = new ArrayList<>(samples);
    sorted.sort(Comparator.comparing(UsageSample::time).thenComparing(UsageSample::hostId));
    StringBuilder sb = new StringBuilder(64 + sorted.size() * 80);
    sb.append("host_id,timestamp_utc");
    for (LicenseType t : LicenseType.values()) {
      sb.append(',').append(t.columnName());
    }
    sb.append('\n');
    for (UsageSample s : sorted) {
      sb.append(s.hostId()).append(',').append(s.time());
      appendTypes(sb, s.values());
      sb.append('\n');
    }
    return sb.toString();
  }

  /**
   * {@return the text of {@code cluster-bins.csv}}
   *
   * @param bins the cluster bins, one row each
   */
  public static String clusterBinsCsv(ClusterBins bins) {
    StringBuilder sb = new StringBuilder();
    header(sb, "bin_start_utc");
    for (ClusterBin b : bins.bins()) {
      sb.append(b.start());
      appendTypes(sb, b.values());
      sb.append(',');
      number(sb, b.usage(AllocationType.SMP));
      sb.append(',');
      number(sb, b.usage(AllocationType.RECORDING_OR_STREAMING));
      sb.append('\n');
    }
    return sb.toString();
  }

  /**
   * {@return the text of {@code daily-peaks.csv}}
   *
   * @param bins the cluster bins the daily peaks are computed from
   */
  public static String dailyPeaksCsv(ClusterBins bins) {
    StringBuilder sb = new StringBuilder();
    header(sb, "date_utc");
    for (DailyPeak p : bins.dailyPeaks()) {
      sb.append(p.date());
      appendTypes(sb, p.byType());
      sb.append(',');
      number(sb, p.smp());
      sb.append(',');
      number(sb, p.recordingOrStreaming());
      sb.append('\n');
    }
    return sb.toString();
  }

  private static void header(StringBuilder sb, String first) {
    sb.append(first);
    for (LicenseType t : LicenseType.values()) {
      sb.append(',').append(t.columnName());
    }
    for (AllocationType t : List.of(AllocationType.SMP, AllocationType.RECORDING_OR_STREAMING)) {
      sb.append(',').append(t.columnName());
    }
    sb.append('\n');
  }

  private static void appendTypes(StringBuilder sb, UsageValues v) {
    for (LicenseType t : LicenseType.values()) {
      sb.append(',');
      number(sb, v.value(t));
    }
  }

  /** Appends {@code v} with exactly three decimals, rounding half up, independent of locale. */
  static void number(StringBuilder sb, double v) {
    long milli = Math.round(v * 1000);
    sb.append(milli / 1000).append('.');
    long frac = milli % 1000;
    if (frac < 100) {
      sb.append('0');
    }
    if (frac < 10) {
      sb.append('0');
    }
    sb.append(frac);
  }
}
