package io.mmsdk.licensing;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Pure functions from host-reported samples to 5-minute cluster bins. Stateless and thread-safe.
 *
 * <p>How a bin is formed: a sample belongs to the interval {@code [floor(time, 5 min), +5 min)} in
 * UTC. Per host, the bin value of each license type is the <em>largest</em> value that host reported
 * inside the interval (a host normally reports once per interval; the maximum protects against
 * undercounting when clock drift puts two snapshots in one interval). The cluster value is the
 * <em>sum</em> over hosts, which is correct because CMS normalizes each shared call over the Call
 * Bridges it spans. A host without a sample in an interval contributes zero to it.
 */
public final class UsageCalculator {
  /** The longest span of samples one calculation accepts, first to last sample. */
  public static final Duration MAX_SPAN = Duration.ofDays(400);

  private UsageCalculator() {}

  /**
   * Returns the cluster bins of {@code samples}, in any order, from any number of hosts. Samples of
   * several clusters may be mixed: the result is then the deployment-wide sum.
   *
   * @throws IllegalArgumentException if the samples span more than {@link #MAX_SPAN}
   */
  public static ClusterBins bin(Collection<UsageSample> samples) {
    Objects.requireNonNull(samples, "samples == null");
    int n = samples.size();
    if (n == 0) {
      return ClusterBins.EMPTY;
    }
    UsageSample[] all = samples.toArray(new UsageSample[0]);
    long min = Long.MAX_VALUE;
    long max = Long.MIN_VALUE;
    for (UsageSample s : all) {
      long sec = s.time().getEpochSecond();
      min = Math.min(min, sec);
      max = Math.max(max, sec);
    }
    if (max - min > MAX_SPAN.getSeconds()) {
      throw new IllegalArgumentException(
          "samples span " + Duration.ofSeconds(max - min).toDays() + " days; at most "
              + MAX_SPAN.toDays() + " days can be binned at once. Pass only the window you need"
              + " (e.g. the last 90 days).");
    }
    long origin = Math.floorDiv(min, ClusterBins.BIN_SECONDS) * ClusterBins.BIN_SECONDS;
    int count = (int) ((Math.floorDiv(max, ClusterBins.BIN_SECONDS) * ClusterBins.BIN_SECONDS
        - origin) / ClusterBins.BIN_SECONDS + 1);

    // Group samples by host with a counting sort, so each host is processed on its own.
    Map<String, Integer> hostIndex = new HashMap<>();
    int[] hostOf = new int[n];
    int[] bin = new int[n];
    for (int i = 0; i < n; i++) {
      UsageSample s = all[i];
      Integer h = hostIndex.get(s.hostId());
      if (h == null) {
        h = hostIndex.size();
        hostIndex.put(s.hostId(), h);
      }
      hostOf[i] = h;
      bin[i] = (int) ((s.time().getEpochSecond() - origin) / ClusterBins.BIN_SECONDS);
    }
    int hostCount = hostIndex.size();
    int[] start = new int[hostCount + 1];
    for (int i = 0; i < n; i++) {
      start[hostOf[i] + 1]++;
    }
    for (int h = 0; h < hostCount; h++) {
      start[h + 1] += start[h];
    }
    int[] order = new int[n];
    int[] fill = start.clone();
    for (int i = 0; i < n; i++) {
      order[fill[hostOf[i]]++] = i;
    }

    int types = ClusterBins.TYPES;
    double[] cluster = new double[count * types];
    int[] hosts = new int[count];
    double[] hostValues = new double[count * types];
    int[] stamp = new int[count];
    int[] touched = new int[n];
    for (int h = 0; h < hostCount; h++) {
      int mark = h + 1;
      int touchedCount = 0;
      for (int k = start[h]; k < start[h + 1]; k++) {
        int i = order[k];
        int b = bin[i];
        int base = b * types;
        UsageValues v = all[i].values();
        if (stamp[b] != mark) {
          stamp[b] = mark;
          touched[touchedCount++] = b;
          hostValues[base] = v.pmp();
          hostValues[base + 1] = v.smpAudioOnly();
          hostValues[base + 2] = v.smpPointToPoint();
          hostValues[base + 3] = v.smpFull();
          hostValues[base + 4] = v.recording();
          hostValues[base + 5] = v.streaming();
        } else {
          hostValues[base] = Math.max(hostValues[base], v.pmp());
          hostValues[base + 1] = Math.max(hostValues[base + 1], v.smpAudioOnly());
          hostValues[base + 2] = Math.max(hostValues[base + 2], v.smpPointToPoint());
          hostValues[base + 3] = Math.max(hostValues[base + 3], v.smpFull());
          hostValues[base + 4] = Math.max(hostValues[base + 4], v.recording());
          hostValues[base + 5] = Math.max(hostValues[base + 5], v.streaming());
        }
      }
      for (int k = 0; k < touchedCount; k++) {
        int b = touched[k];
        int base = b * types;
        hosts[b]++;
        for (int t = 0; t < types; t++) {
          cluster[base + t] += hostValues[base + t];
        }
      }
    }
    return new ClusterBins(origin, count, cluster, hosts);
  }
}
