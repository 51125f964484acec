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
 * UTC. Per host, the bin value of each license type is the <em>largest</em> value that host
 * reported
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
   * {@return the cluster bins of {@code samples}, in any order, from any number of hosts} Samples
   * of
   * several clusters may be mixed: the result is then the deployment-wide sum.
   *
   * @param samples the {@code MPLicenseUsage} snapshots to bin; not null
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

    double[] cluster = new double[count * ClusterBins.TYPES];
    int[] hosts = new int[count];
    if (!binInTimeOrder(all, origin, cluster, hosts)) {
      java.util.Arrays.fill(cluster, 0);
      java.util.Arrays.fill(hosts, 0);
      binGroupedByHost(all, origin, count, cluster, hosts);
    }
    return new ClusterBins(origin, count, cluster, hosts);
  }

  /**
   * The common case, one pass: each host's samples arrive in time order (as stores return them),
   * so a host's running maximum is flushed into the cluster sum when the host moves to a later
   * bin. Returns false, leaving partial sums, as soon as a host goes back to an earlier bin.
   */
  private static boolean binInTimeOrder(
      UsageSample[] all, long origin, double[] cluster, int[] hosts) {
    int types = ClusterBins.TYPES;
    Map<String, Integer> hostIndex = new HashMap<>();
    int[] lastBin = new int[16];
    double[] current = new double[16 * types];
    String lastHost = null;
    int h = -1;
    for (UsageSample s : all) {
      String id = s.hostId();
      // Identity check only skips the map lookup for runs of one host; equal strings still match
      // through the map.
      if (id != lastHost) {
        Integer idx = hostIndex.get(id);
        if (idx == null) {
          idx = hostIndex.size();
          hostIndex.put(id, idx);
          if (idx == lastBin.length) {
            lastBin = java.util.Arrays.copyOf(lastBin, idx * 2);
            current = java.util.Arrays.copyOf(current, idx * 2 * types);
          }
          lastBin[idx] = -1;
        }
        h = idx;
        lastHost = id;
      }
      int b = (int) ((s.time().getEpochSecond() - origin) / ClusterBins.BIN_SECONDS);
      UsageValues v = s.values();
      int base = h * types;
      int last = lastBin[h];
      if (b == last) {
        current[base] = Math.max(current[base], v.pmp());
        current[base + 1] = Math.max(current[base + 1], v.smpAudioOnly());
        current[base + 2] = Math.max(current[base + 2], v.smpPointToPoint());
        current[base + 3] = Math.max(current[base + 3], v.smpFull());
        current[base + 4] = Math.max(current[base + 4], v.recording());
        current[base + 5] = Math.max(current[base + 5], v.streaming());
        continue;
      }
      if (b < last) {
        return false;
      }
      if (last >= 0) {
        flush(current, base, cluster, hosts, last);
      }
      lastBin[h] = b;
      current[base] = v.pmp();
      current[base + 1] = v.smpAudioOnly();
      current[base + 2] = v.smpPointToPoint();
      current[base + 3] = v.smpFull();
      current[base + 4] = v.recording();
      current[base + 5] = v.streaming();
    }
    for (int i = 0; i < hostIndex.size(); i++) {
      flush(current, i * types, cluster, hosts, lastBin[i]);
    }
    return true;
  }

  private static void flush(double[] current, int base, double[] cluster, int[] hosts, int bin) {
    int at = bin * ClusterBins.TYPES;
    hosts[bin]++;
    for (int t = 0; t < ClusterBins.TYPES; t++) {
      cluster[at + t] += current[base + t];
    }
  }

  /** Any order: groups samples by host with a counting sort, then bins each host on its own. */
  private static void binGroupedByHost(
      UsageSample[] all, long origin, int count, double[] cluster, int[] hosts) {
    int n = all.length;
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
  }
}
