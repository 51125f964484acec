package io.mmsdk.licensing;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * A trial this deployment started, with the clusters connected while it ran.
 *
 * @param feature the trial type
 * @param start when the trial started
 * @param clusterIds the clusters connected when it started
 */
public record TrialRecord(Feature feature, Instant start, Set<String> clusterIds) {
  /** How long every trial lasts. */
  public static final Duration LENGTH = Duration.ofDays(90);

  /**
   * Checks the arguments and copies the set.
   *
   * @param feature the trial type
   * @param start when the trial started
   * @param clusterIds the clusters connected when it started
   */
  public TrialRecord {
    Objects.requireNonNull(feature, "feature == null");
    Objects.requireNonNull(start, "start == null");
    clusterIds = Set.copyOf(Objects.requireNonNull(clusterIds, "clusterIds == null"));
  }

  /** {@return when the trial ends (exclusive): {@code start + 90 days}} */
  public Instant end() {
    return start.plus(LENGTH);
  }

  /**
   * {@return true if the trial runs at {@code now}}
   *
   * @param now the time to check
   */
  public boolean isActiveAt(Instant now) {
    return !now.isBefore(start) && now.isBefore(end());
  }

  /**
   * {@return true if this trial grants {@code f}: a meetings trial grants every feature, the others
   * only their own}
   *
   * @param f the feature
   */
  public boolean covers(Feature f) {
    return feature == Feature.MEETINGS || feature == f;
  }
}
