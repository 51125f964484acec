package io.mmsdk.licensing;

import static io.mmsdk.licensing.Samples.smp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class UsageCalculatorTest {

  @Test
  void bin_twoSamplesOfOneHostInOneBin_takesTheLarger() {
    ClusterBins b = UsageCalculator.bin(List.of(
        smp("h1", "2026-03-01T10:00:10Z", 2),
        smp("h1", "2026-03-01T10:04:50Z", 5)));
    assertEquals(1, b.bins().size());
    assertEquals(5, b.bins().get(0).values().smpFull());
    assertEquals(1, b.bins().get(0).hosts());
    assertEquals(Instant.parse("2026-03-01T10:00:00Z"), b.bins().get(0).start());
  }

  @Test
  void bin_severalHosts_sumsPerHostValues() {
    ClusterBins b = UsageCalculator.bin(List.of(
        smp("h1", "2026-03-01T10:01:00Z", 0.333),
        smp("h2", "2026-03-01T10:02:00Z", 0.333),
        smp("h3", "2026-03-01T10:03:00Z", 0.334),
        smp("h3", "2026-03-01T10:03:30Z", 0.1)));
    ClusterBin bin = b.bins().get(0);
    assertEquals(1.0, bin.values().smpFull(), 1e-9);
    assertEquals(3, bin.hosts());
  }

  @Test
  void bin_binEdge_sampleAtExactly5MinutesStartsTheNextBin() {
    ClusterBins b = UsageCalculator.bin(List.of(
        smp("h1", "2026-03-01T10:04:59Z", 1), smp("h1", "2026-03-01T10:05:00Z", 3)));
    assertEquals(2, b.bins().size());
    assertEquals(Instant.parse("2026-03-01T10:05:00Z"), b.bins().get(1).start());
    assertEquals(3, b.bins().get(1).values().smpFull());
  }

  @Test
  void bin_missingBins_areLeftOutOfBins() {
    ClusterBins b = UsageCalculator.bin(List.of(
        smp("h1", "2026-03-01T10:00:00Z", 1), smp("h1", "2026-03-01T10:20:00Z", 1)));
    assertEquals(2, b.bins().size());
  }

  @Test
  void bin_empty_isEmpty() {
    ClusterBins b = UsageCalculator.bin(List.of());
    assertTrue(b.isEmpty());
    assertEquals(List.of(), b.dailyPeaks());
  }

  @Test
  void bin_spanTooLong_isRejected() {
    List<UsageSample> s = List.of(
        smp("h1", "2025-01-01T00:00:00Z", 1), smp("h1", "2026-03-01T00:00:00Z", 1));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> UsageCalculator.bin(s));
    assertTrue(e.getMessage().contains("at most 400 days"), e.getMessage());
  }

  @Test
  void usageValues_negative_isRejected() {
    assertThrows(IllegalArgumentException.class, () -> new UsageValues(-1, 0, 0, 0, 0, 0));
    assertThrows(IllegalArgumentException.class,
        () -> new UsageValues(0, Double.NaN, 0, 0, 0, 0));
  }

  @Test
  void usageSample_hostWithComma_isRejected() {
    assertThrows(IllegalArgumentException.class,
        () -> smp("a,b", "2026-03-01T00:00:00Z", 1));
  }

  static Stream<Arguments> smoothingCases() {
    return Stream.of(
        // a single-bin spike is removed by the median
        Arguments.of(new double[] {1, 1, 9, 1, 1}, 1.0),
        // two consecutive high bins survive
        Arguments.of(new double[] {1, 1, 9, 9, 1}, 9.0),
        // the first and the last bin are kept as they are
        Arguments.of(new double[] {7, 1, 1, 1, 1}, 7.0),
        Arguments.of(new double[] {1, 1, 1, 1, 6}, 6.0),
        // a single dip is filled
        Arguments.of(new double[] {4, 4, 0, 4, 4}, 4.0),
        Arguments.of(new double[] {2}, 2.0));
  }

  @ParameterizedTest
  @MethodSource("smoothingCases")
  void dailyPeaks_threePointMedian_table(double[] series, double expectedPeak) {
    List<UsageSample> s = new ArrayList<>();
    Instant t = Instant.parse("2026-03-01T12:00:00Z");
    for (int i = 0; i < series.length; i++) {
      s.add(new UsageSample("h1", t.plusSeconds(300L * i), new UsageValues(0, 0, 0, series[i], 0, 0)));
    }
    List<DailyPeak> peaks = UsageCalculator.bin(s).dailyPeaks();
    assertEquals(1, peaks.size());
    assertEquals(expectedPeak, peaks.get(0).byType().smpFull());
    assertEquals(expectedPeak, peaks.get(0).smp());
  }

  @Test
  void dailyPeaks_missingBinBetweenHighBins_countsAsZeroThenSmoothedBack() {
    // 10:00=5, 10:05 missing, 10:10=5, 10:15=0 -> smoothed 10:05 = median(5,0,5) = 5
    ClusterBins b = UsageCalculator.bin(List.of(
        smp("h1", "2026-03-01T10:00:00Z", 5), smp("h1", "2026-03-01T10:10:00Z", 5),
        smp("h1", "2026-03-01T10:15:00Z", 0), smp("h1", "2026-03-01T10:20:00Z", 0)));
    assertEquals(5, b.dailyPeaks().get(0).smp());
  }

  @Test
  void dailyPeaks_missingBinsAroundLoneSample_removeIt() {
    ClusterBins b = UsageCalculator.bin(List.of(
        smp("h1", "2026-03-01T10:00:00Z", 1), smp("h1", "2026-03-01T10:10:00Z", 8),
        smp("h1", "2026-03-01T10:20:00Z", 1)));
    assertEquals(1, b.dailyPeaks().get(0).smp());
  }

  @Test
  void dailyPeaks_dayEdgesInUtc_splitAtMidnight() {
    ClusterBins b = UsageCalculator.bin(List.of(
        smp("h1", "2026-03-01T23:50:00Z", 3), smp("h1", "2026-03-01T23:55:00Z", 3),
        smp("h1", "2026-03-01T23:59:59Z", 3),
        smp("h1", "2026-03-02T00:00:00Z", 1), smp("h1", "2026-03-02T00:05:00Z", 1),
        smp("h1", "2026-03-02T00:10:00Z", 1)));
    List<DailyPeak> p = b.dailyPeaks();
    assertEquals(LocalDate.parse("2026-03-01"), p.get(0).date());
    assertEquals(3, p.get(0).smp());
    assertEquals(LocalDate.parse("2026-03-02"), p.get(1).date());
    // 00:00 smoothed = median(3, 1, 1) = 1: the day before does not leak into the new day
    assertEquals(1, p.get(1).smp());
  }

  @Test
  void dailyPeaks_bridgeSilentForADay_otherHostsStillCountAndDayIsPresent() {
    List<UsageSample> s = new ArrayList<>();
    s.addAll(Samples.day("h1", "2026-03-01", 0, 4, 0));
    s.addAll(Samples.day("h2", "2026-03-01", 0, 3, 0));
    s.addAll(Samples.day("h1", "2026-03-02", 0, 4, 0)); // h2 silent all day
    s.addAll(Samples.day("h1", "2026-03-03", 0, 4, 0));
    s.addAll(Samples.day("h2", "2026-03-03", 0, 3, 0));
    List<DailyPeak> p = UsageCalculator.bin(s).dailyPeaks();
    assertEquals(3, p.size());
    assertEquals(7, p.get(0).smp());
    assertEquals(4, p.get(1).smp());
    assertEquals(7, p.get(2).smp());
  }

  @Test
  void dailyPeaks_dayWithoutAnySample_isLeftOut() {
    List<UsageSample> s = new ArrayList<>();
    s.addAll(Samples.day("h1", "2026-03-01", 0, 4, 0));
    s.addAll(Samples.day("h1", "2026-03-03", 0, 4, 0));
    List<DailyPeak> p = UsageCalculator.bin(s).dailyPeaks();
    assertEquals(List.of(LocalDate.parse("2026-03-01"), LocalDate.parse("2026-03-03")),
        p.stream().map(DailyPeak::date).toList());
  }

  @Test
  void dailyPeaks_derivedSums_areSmoothedAsSums() {
    // aud spikes in bin 1, full in bin 3: each category's own peak survives nowhere, the sum is 1
    List<UsageSample> s = List.of(
        Samples.all("h1", "2026-03-01T10:00:00Z", 0, 1, 0, 0, 1, 0),
        Samples.all("h1", "2026-03-01T10:05:00Z", 0, 0, 0, 1, 0, 1),
        Samples.all("h1", "2026-03-01T10:10:00Z", 0, 1, 0, 0, 1, 0),
        Samples.all("h1", "2026-03-01T10:15:00Z", 0, 0, 0, 1, 0, 1));
    DailyPeak p = UsageCalculator.bin(s).dailyPeaks().get(0);
    assertEquals(1, p.smp());
    assertEquals(1, p.recordingOrStreaming());
    assertEquals(1, p.peak(AllocationType.SMP));
    assertEquals(1, p.peak(AllocationType.RECORDING_OR_STREAMING));
  }

  @Test
  void bin_anyInputOrder_givesTheSameBins() {
    java.util.Random r = new java.util.Random(7);
    List<UsageSample> sorted = new ArrayList<>();
    Instant t = Instant.parse("2026-03-01T00:00:00Z");
    for (int i = 0; i < 600; i++) {
      for (int h = 0; h < 5; h++) {
        sorted.add(new UsageSample("h" + h, t.plusSeconds(100L * i + h),
            new UsageValues(r.nextInt(4), r.nextInt(3) * 0.5, 0.333, r.nextInt(9), 1, 0)));
      }
    }
    List<UsageSample> shuffled = new ArrayList<>(sorted);
    java.util.Collections.shuffle(shuffled, r);
    ClusterBins a = UsageCalculator.bin(sorted);
    ClusterBins b = UsageCalculator.bin(shuffled);
    assertEquals(a.bins(), b.bins());
    assertEquals(a.dailyPeaks(), b.dailyPeaks());
    assertEquals(5, a.bins().get(0).hosts());
  }

  @Test
  void median_allOrders() {
    assertEquals(2, ClusterBins.median(1, 2, 3));
    assertEquals(2, ClusterBins.median(3, 2, 1));
    assertEquals(2, ClusterBins.median(2, 3, 1));
    assertEquals(2, ClusterBins.median(1, 3, 2));
  }
}
