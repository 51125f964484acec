package io.mmsdk.licensing;

import io.mmsdk.core.cluster.Cluster;
import io.mmsdk.core.cluster.ClusterRegistry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * {@link LicenseMonitor}'s trials over its saved state: which trial is offered, starting one for
 * every connected cluster, and the clusters known to have been in an earlier trial. Applies the
 * pure rules of {@link Trials} and returns the next state; the monitor saves it under its lock.
 */
final class TrialOffers {
  private final ClusterRegistry registry;

  TrialOffers(ClusterRegistry registry) {
    this.registry = registry;
  }

  /**
   * A started trial and the state that records it.
   *
   * @param trial the trial, with its times and clusters
   * @param state the state to save
   */
  record Started(TrialRecord trial, LicenseState state) {}

  /** {@return whether a trial of {@code type} can be started, given the current {@code status}} */
  TrialAvailability availability(LicenseState state, Feature type, LicenseStatus status,
      Instant now) {
    return Trials.availability(type, state.allocations(), state.trials(), connectedClusterIds(),
        state.clustersInEarlierTrials().getOrDefault(type, Set.of()),
        meetingsAtHighEnforcement(status), now);
  }

  /**
   * Starts a trial of {@code type} at {@code now} for every connected cluster.
   *
   * @throws TrialNotAvailableException if the trial is not offered
   */
  Started start(LicenseState state, Feature type, LicenseStatus status, Instant now) {
    TrialRecord t = Trials.start(type, state.allocations(), state.trials(), connectedClusterIds(),
        state.clustersInEarlierTrials().getOrDefault(type, Set.of()),
        meetingsAtHighEnforcement(status), now);
    List<TrialRecord> all = new ArrayList<>(state.trials());
    all.add(t);
    return new Started(t, state.withTrials(all));
  }

  /** {@return {@code state} recording {@code clusterIds} as connected during a trial of {@code type}} */
  static LicenseState withClustersInEarlierTrial(LicenseState state, Feature type,
      Set<String> clusterIds) {
    Objects.requireNonNull(type, "type == null");
    Map<Feature, Set<String>> m = new EnumMap<>(Feature.class);
    m.putAll(state.clustersInEarlierTrials());
    Set<String> s = new LinkedHashSet<>(m.getOrDefault(type, Set.of()));
    s.addAll(Objects.requireNonNull(clusterIds, "clusterIds == null"));
    m.put(type, s);
    return state.withClustersInEarlierTrials(m);
  }

  /** Seed 21.6.3.4: meetings at high enforcement (Alarm 3) on some cluster. */
  private static boolean meetingsAtHighEnforcement(LicenseStatus status) {
    for (Map<Feature, Enforcement> e : status.enforcement().values()) {
      Enforcement m = e.get(Feature.MEETINGS);
      if (m != null && m.level() == EnforcementLevel.ALARM_3_HIGH_ENFORCEMENT) {
        return true;
      }
    }
    return false;
  }

  private Set<String> connectedClusterIds() {
    Set<String> ids = new LinkedHashSet<>();
    for (Cluster c : registry.clusters()) {
      ids.add(c.id());
    }
    return ids;
  }
}
