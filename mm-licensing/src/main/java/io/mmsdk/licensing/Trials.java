package io.mmsdk.licensing;

import java.time.Instant;
import java.util.Collection;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** Pure trial rules of section 19.1. Stateless and thread-safe. */
public final class Trials {
  private Trials() {}

  /**
   * {@return whether a trial of {@code type} may be started now} One trial of each type exists per
   * deployment, shared by all clusters; it is never offered when the feature is licensed, when this
   * deployment used it before, when a running trial already grants the feature, or when any
   * connected cluster was connected to any deployment during an earlier trial of that type.
   *
   * <p>One exception to "not offered when licensed" (seed 21.6.3.4): "If you are in high
   * enforcement alarm mode, Meeting Management allows one time 90 day trial to silence alarm". A
   * licensed but overused deployment whose meetings are at high enforcement is offered the Meetings
   * trial, if it was not used before.
   *
   * @param type the trial type
   * @param allocations the current allocations
   * @param trials every trial this deployment ever started
   * @param connectedClusterIds the clusters connected now
   * @param clustersInEarlierTrials clusters known (e.g. from their own records or an earlier
   *     deployment) to have been connected during an earlier trial of {@code type}
   * @param highEnforcement true if meetings are at high enforcement (Alarm 3) on a connected
   *     cluster
   * @param now the current time
   */
  public static TrialAvailability availability(
      Feature type,
      Allocations allocations,
      Collection<TrialRecord> trials,
      Set<String> connectedClusterIds,
      Set<String> clustersInEarlierTrials,
      boolean highEnforcement,
      Instant now) {
    Objects.requireNonNull(type, "type == null");
    Objects.requireNonNull(allocations, "allocations == null");
    Objects.requireNonNull(trials, "trials == null");
    Objects.requireNonNull(connectedClusterIds, "connectedClusterIds == null");
    Objects.requireNonNull(clustersInEarlierTrials, "clustersInEarlierTrials == null");
    Objects.requireNonNull(now, "now == null");
    if (allocations.isLicensed(type) && !(type == Feature.MEETINGS && highEnforcement)) {
      return TrialAvailability.LICENSED;
    }
    for (TrialRecord t : trials) {
      if (t.feature() == type) {
        return TrialAvailability.ALREADY_USED;
      }
    }
    for (String c : connectedClusterIds) {
      if (clustersInEarlierTrials.contains(c)) {
        return TrialAvailability.CLUSTER_IN_EARLIER_TRIAL;
      }
    }
    if (findActive(type, trials, now).isPresent()) {
      return TrialAvailability.COVERED_BY_ACTIVE_TRIAL;
    }
    return TrialAvailability.OFFERED;
  }

  /**
   * Starts a trial of {@code type} at {@code now} for the connected clusters; the arguments are
   * those of {@link #availability}.
   *
   * @param type the trial type
   * @param allocations the current allocations
   * @param trials every trial this deployment ever started
   * @param connectedClusterIds the clusters connected now; the trial covers them
   * @param clustersInEarlierTrials clusters known to have been in an earlier trial of {@code type}
   * @param highEnforcement true if meetings are at high enforcement on a connected cluster
   * @param now the trial's start
   * @return the new trial, 90 days from {@code now}
   * @throws TrialNotAvailableException if {@link #availability} is not {@code OFFERED}
   */
  public static TrialRecord start(
      Feature type,
      Allocations allocations,
      Collection<TrialRecord> trials,
      Set<String> connectedClusterIds,
      Set<String> clustersInEarlierTrials,
      boolean highEnforcement,
      Instant now) {
    TrialAvailability a = availability(type, allocations, trials, connectedClusterIds,
        clustersInEarlierTrials, highEnforcement, now);
    if (a != TrialAvailability.OFFERED) {
      throw new TrialNotAvailableException(type, a);
    }
    return new TrialRecord(type, now, connectedClusterIds);
  }

  /**
   * {@return the running trial that grants {@code feature} at {@code now}, if any}
   *
   * @param feature the feature
   * @param trials every trial this deployment ever started
   * @param now the time to check
   */
  public static Optional<TrialRecord> findActive(
      Feature feature, Collection<TrialRecord> trials, Instant now) {
    for (TrialRecord t : trials) {
      if (t.covers(feature) && t.isActiveAt(now)) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }

  /**
   * {@return the most recent trial granting {@code feature} that has ended by {@code now}, if any}
   *
   * @param feature the feature
   * @param trials every trial this deployment ever started
   * @param now the time to check
   */
  public static Optional<TrialRecord> findEnded(
      Feature feature, Collection<TrialRecord> trials, Instant now) {
    TrialRecord latest = null;
    for (TrialRecord t : trials) {
      if (t.covers(feature) && !now.isBefore(t.end())
          && (latest == null || t.end().isAfter(latest.end()))) {
        latest = t;
      }
    }
    return Optional.ofNullable(latest);
  }
}
