package io.mmsdk.licensing;

import java.time.Instant;
import java.util.Objects;

/**
 * Cluster-wide usage in one 5-minute interval: per host the largest value it reported inside the
 * interval, summed over hosts.
 *
 * @param start the UTC start of the interval (a multiple of 5 minutes since the epoch)
 * @param values the summed usage per license type
 * @param hosts how many hosts reported at least one sample in the interval
 */
public record ClusterBin(Instant start, UsageValues values, int hosts) {

  /**
   * Checks the arguments.
   *
   * @param start the UTC start of the interval (a multiple of 5 minutes since the epoch)
   * @param values the summed usage per license type
   * @param hosts how many hosts reported at least one sample in the interval
   */
  public ClusterBin {
    Objects.requireNonNull(start, "start == null");
    Objects.requireNonNull(values, "values == null");
  }

  /**
   * {@return the usage that counts against {@code type} in this interval}
   *
   * @param type the license type whose usage to sum
   */
  public double usage(AllocationType type) {
    return values.usage(type);
  }
}
