package io.mmsdk.benchmarks.licensing;

import io.mmsdk.licensing.AllocationType;
import io.mmsdk.licensing.Allocations;
import io.mmsdk.licensing.ClusterBins;
import io.mmsdk.licensing.Compliance;
import io.mmsdk.licensing.Feature;
import io.mmsdk.licensing.FeatureCompliance;
import io.mmsdk.licensing.UsageCalculator;
import io.mmsdk.licensing.UsageSample;
import io.mmsdk.licensing.UsageValues;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * 24 Call Bridges × 90 days of 5-minute samples (622,080 host samples, shuffled per host order as
 * a store would return them by time) → 5-minute cluster bins → daily peaks after 3-point median
 * smoothing → the status of every feature. Single-threaded.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-XX:ActiveProcessorCount=1", "-Xmx1g"})
public class LicenseCalculationBenchmark {
  static final int HOSTS = 24;
  static final int DAYS = 90;
  static final Instant NOW = Instant.parse("2026-06-30T23:59:00Z");

  List<UsageSample> samples;
  Allocations allocations;

  @Setup(Level.Trial)
  public void setUp() {
    Random r = new Random(42);
    Instant start = Instant.parse("2026-04-02T00:00:00Z");
    List<UsageSample> s = new ArrayList<>(HOSTS * DAYS * 288);
    for (int i = 0; i < DAYS * 288; i++) {
      for (int h = 0; h < HOSTS; h++) {
        Instant t = start.plusSeconds(300L * i + 20 + r.nextInt(30));
        s.add(new UsageSample("host-" + h, t, new UsageValues(
            r.nextInt(8), r.nextInt(3) * 0.5, r.nextInt(4) * 0.333, r.nextInt(12) * 0.25,
            r.nextInt(2), r.nextInt(2))));
      }
    }
    samples = List.copyOf(s);
    allocations = Allocations.builder()
        .allocate(AllocationType.PMP, 150).allocate(AllocationType.SMP, 60)
        .allocate(AllocationType.RECORDING_OR_STREAMING, 30).customizationLicense(true).build();
  }

  /** Bins, daily peaks and the status of all three features. */
  @Benchmark
  public Map<Feature, FeatureCompliance> binsPeaksAndStatuses() {
    ClusterBins bins = UsageCalculator.bin(samples);
    return Compliance.evaluateAll(bins.dailyPeaks(), allocations, List.of(), NOW);
  }
}
