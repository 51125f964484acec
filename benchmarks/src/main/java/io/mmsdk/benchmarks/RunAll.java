package io.mmsdk.benchmarks;

import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs every benchmark in reduced form (one fork, short iterations) and writes the README's
 * performance table: the median of the measured iterations for each benchmark, the command that
 * produced it and the machine it ran on, and for sample-time benchmarks (latencies) the 99th and
 * 99.9th percentiles of every sampled operation too. All rows come from one run, so ratios between rows of the
 * same class compare like with like.
 *
 * <p>Usage: {@code RunAll <README.md> [include-regex] [exclude-regex]}. The default exclusions are the
 * paged 100,000-entry directory preview, which takes about a minute per operation on the in-memory
 * directory, and the meeting-history tag query, whose three database set-ups would take the suite
 * past ten minutes on two cores; run them on their own (see the README). Iterations are short
 * (2×0.5 s warm-up, 5×0.8 s measured) for the same reason: the whole suite fits in ten minutes.
 */
public final class RunAll {
  private static final String START = "<!-- bench:start -->";
  private static final String END = "<!-- bench:end -->";

  private RunAll() {}

  /** Runs the suite and rewrites the table between the bench markers in the given README. */
  public static void main(String[] args) throws RunnerException, IOException {
    if (args.length < 1) {
      throw new IllegalArgumentException("usage: RunAll <README.md> [include-regex] [exclude-regex]");
    }
    Path readme = Path.of(args[0]);
    String include = args.length > 1 ? args[1] : "io\\.mmsdk\\.benchmarks\\..*";
    String exclude = args.length > 2 ? args[2] : "PreviewBenchmark\\.preview100k$|MeetingHistoryBenchmark\\.byTag$";
    Options options =
        new OptionsBuilder()
            .include(include)
            .exclude(exclude)
            .forks(1)
            .warmupIterations(2)
            .warmupTime(TimeValue.milliseconds(500))
            .measurementIterations(5)
            .measurementTime(TimeValue.milliseconds(800))
            .shouldFailOnError(true)
            .build();
    OperatingSystemMXBean os =
        (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    double loadBefore = os.getSystemLoadAverage();
    long start = System.nanoTime();
    Collection<RunResult> results = new Runner(options).run();
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    String table = table(results, include, exclude, os, loadBefore, took);
    System.out.println(table);
    String text = Files.readString(readme, StandardCharsets.UTF_8);
    int s = text.indexOf(START);
    int e = text.indexOf(END);
    if (s < 0 || e < s) {
      throw new IllegalStateException(
          readme + " has no " + START + " ... " + END + " section; add one where the table goes");
    }
    Files.writeString(
        readme,
        text.substring(0, s + START.length()) + "\n" + table + text.substring(e),
        StandardCharsets.UTF_8);
  }

  private static String table(Collection<RunResult> results, String include, String exclude,
      OperatingSystemMXBean os, double loadBefore, Duration took) {
    Map<String, String> rows = new TreeMap<>();
    for (RunResult run : results) {
      String name = run.getParams().getBenchmark().replace("io.mmsdk.benchmarks.", "");
      List<String> params = new ArrayList<>();
      for (String key : run.getParams().getParamsKeys()) {
        params.add(key + "=" + run.getParams().getParam(key));
      }
      Result<?> primary = run.getPrimaryResult();
      // The primary result's statistics span every measured iteration of every fork; in sample
      // mode they hold every sampled operation, so their tail is the latency tail.
      var stats = primary.getStatistics();
      boolean sampled = run.getParams().getMode() == Mode.SampleTime;
      rows.put(
          name + params,
          String.format(
              Locale.ROOT,
              "| `%s` | %s | %s | %s %s | %s | %s |",
              name,
              params.isEmpty() ? "" : String.join(", ", params),
              run.getParams().getMode().shortLabel(),
              format(stats.getPercentile(50)),
              primary.getScoreUnit(),
              sampled ? format(stats.getPercentile(99)) + " " + primary.getScoreUnit() : "",
              sampled ? format(stats.getPercentile(99.9)) + " " + primary.getScoreUnit() : ""));
    }
    StringBuilder sb = new StringBuilder();
    sb.append("| benchmark | params | mode | median | p99 | p99.9 |\n|---|---|---|---|---|---|\n");
    rows.values().forEach(r -> sb.append(r).append('\n'));
    sb.append('\n')
        .append("Measured with `./mvnw -q -Pbench-all -DskipTests package` (include `")
        .append(include)
        .append("`, exclude `")
        .append(exclude)
        .append("`; 1 fork, 2×0.5 s warm-up, 5×0.8 s measurement) on ")
        .append(Runtime.getRuntime().availableProcessors())
        .append(" cores, ")
        .append(os.getTotalMemorySize() >> 30)
        .append(" GiB")
        .append(", Java ")
        .append(System.getProperty("java.version"))
        .append(String.format(Locale.ROOT,
            "; the JMH run took %d min %02d s, load average %.1f at its start and %.1f at its end",
            took.toMinutes(), took.toSecondsPart(), loadBefore, os.getSystemLoadAverage()))
        .append(".\n");
    return sb.toString();
  }

  private static String format(double v) {
    if (v >= 100) {
      return String.format(Locale.ROOT, "%,.0f", v);
    }
    return String.format(Locale.ROOT, "%.3g", v);
  }
}
