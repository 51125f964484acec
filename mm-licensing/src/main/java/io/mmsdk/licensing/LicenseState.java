package io.mmsdk.licensing;

import java.time.Instant;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Everything licensing must remember across restarts besides usage samples. Immutable.
 *
 * @param mode the licensing mode
 * @param allocations the allocations entered
 * @param trials every trial this deployment started, at most one of each type (seed 19.1: "You
 *     get one trial of each type per Meeting Management deployment")
 * @param clustersInEarlierTrials per trial type, clusters known to have been connected to some
 *     deployment during an earlier trial of that type (entered by the host application, e.g. when
 *     a cluster moves in from another deployment)
 * @param enforcementSince when the current enforcement condition of each feature began, per
 *     cluster id
 */
public record LicenseState(
    LicensingMode mode,
    Allocations allocations,
    List<TrialRecord> trials,
    Map<Feature, Set<String>> clustersInEarlierTrials,
    Map<String, Map<Feature, Instant>> enforcementSince) {

  /** The state of a new deployment: Smart Licensing, nothing allocated, no trials. */
  public static final LicenseState INITIAL =
      new LicenseState(LicensingMode.SMART, Allocations.none(), List.of(), Map.of(), Map.of());

  /**
   * Checks the arguments and copies the collections.
   *
   * @param mode the licensing mode
   * @param allocations the allocations entered
   * @param trials every trial this deployment started, at most one of each type
   * @param clustersInEarlierTrials per trial type, clusters known to have been connected to some
   *     deployment during an earlier trial of that type (entered by the host application, e.g. when
   *     a cluster moves in from another deployment)
   * @param enforcementSince when the current enforcement condition of each feature began, per
   *     cluster id
   * @throws IllegalArgumentException if {@code trials} holds two trials of one type
   */
  public LicenseState {
    Objects.requireNonNull(mode, "mode == null");
    Objects.requireNonNull(allocations, "allocations == null");
    trials = List.copyOf(Objects.requireNonNull(trials, "trials == null"));
    Set<Feature> types = EnumSet.noneOf(Feature.class);
    for (TrialRecord t : trials) {
      if (!types.add(t.feature())) {
        throw new IllegalArgumentException("Two " + t.feature() + " trials: a deployment gets one"
            + " trial of each type (seed 19.1), so a second is never started; keep the first.");
      }
    }
    Map<Feature, Set<String>> c = new EnumMap<>(Feature.class);
    Objects.requireNonNull(clustersInEarlierTrials, "clustersInEarlierTrials == null")
        .forEach((k, v) -> c.put(k, Set.copyOf(v)));
    clustersInEarlierTrials = Map.copyOf(c);
    Map<String, Map<Feature, Instant>> e = new java.util.HashMap<>();
    Objects.requireNonNull(enforcementSince, "enforcementSince == null")
        .forEach((k, v) -> e.put(k, Map.copyOf(v)));
    enforcementSince = Map.copyOf(e);
  }

  /**
   * {@return a copy with {@code mode}}
   *
   * @param mode the licensing mode
   */
  public LicenseState withMode(LicensingMode mode) {
    return new LicenseState(mode, allocations, trials, clustersInEarlierTrials, enforcementSince);
  }

  /**
   * {@return a copy with {@code allocations}}
   *
   * @param allocations the allocations entered
   */
  public LicenseState withAllocations(Allocations allocations) {
    return new LicenseState(mode, allocations, trials, clustersInEarlierTrials, enforcementSince);
  }

  /**
   * {@return a copy with {@code trials}}
   *
   * @param trials every trial this deployment started, at most one of each type
   * @throws IllegalArgumentException if {@code trials} holds two trials of one type
   */
  public LicenseState withTrials(List<TrialRecord> trials) {
    return new LicenseState(mode, allocations, trials, clustersInEarlierTrials, enforcementSince);
  }

  /**
   * {@return a copy with {@code clustersInEarlierTrials}}
   *
   * @param clusters per trial type, the clusters connected during an earlier trial; copied
   */
  public LicenseState withClustersInEarlierTrials(Map<Feature, Set<String>> clusters) {
    return new LicenseState(mode, allocations, trials, clusters, enforcementSince);
  }

  /**
   * {@return a copy with {@code enforcementSince}}
   *
   * @param since per cluster and feature, when its enforcement condition began; copied
   */
  public LicenseState withEnforcementSince(Map<String, Map<Feature, Instant>> since) {
    return new LicenseState(mode, allocations, trials, clustersInEarlierTrials, since);
  }
}
