package io.mmsdk.licensing;

import io.mmsdk.core.cluster.Cluster;
import io.mmsdk.core.cluster.ClusterRegistry;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Evaluates {@link LicenseMonitor}'s status: compliance per feature over the window's daily peaks,
 * then each cluster's enforcement from the time its condition began (the enforcement clocks kept in
 * {@link LicenseState#enforcementSince()}), showing every change through {@link LicensingAlerts}.
 * Pure apart from the notifications; the caller saves the clocks it returns.
 */
final class EnforcementClocks {
  private final ClusterRegistry registry;
  private final EnforcementPolicy policy;
  private final LicensingAlerts alerts;

  EnforcementClocks(ClusterRegistry registry, EnforcementPolicy policy, LicensingAlerts alerts) {
    this.registry = registry;
    this.policy = policy;
    this.alerts = alerts;
  }

  /**
   * The status at {@code now} and the enforcement clocks it leaves.
   *
   * @param status the status to report
   * @param since per cluster, when each feature's enforcement condition began
   */
  record Evaluation(LicenseStatus status, Map<String, Map<Feature, Instant>> since) {}

  /** Evaluates {@code state} (not in {@link LicensingMode#NO_LICENSING}) over {@code peaks}. */
  Evaluation evaluate(LicenseState state, List<DailyPeak> peaks, Instant now) {
    Map<Feature, FeatureCompliance> features =
        Compliance.evaluateAll(peaks, state.allocations(), state.trials(), now);
    Map<String, Map<Feature, Instant>> since = new HashMap<>(state.enforcementSince());
    Map<String, Map<Feature, Enforcement>> enforcement = new HashMap<>();
    for (Cluster cluster : registry.clusters()) {
      Map<Feature, Instant> clusterSince = new EnumMap<>(Feature.class);
      clusterSince.putAll(since.getOrDefault(cluster.id(), Map.of()));
      Map<Feature, Enforcement> result = new EnumMap<>(Feature.class);
      for (FeatureCompliance c : features.values()) {
        EnforcementCondition cond = EnforcementPolicy.condition(c);
        Instant start;
        if (cond == EnforcementCondition.NONE) {
          clusterSince.remove(c.feature());
          start = now;
        } else if (cond == EnforcementCondition.TRIAL_ENDED_UNLICENSED) {
          start = Trials.findEnded(c.feature(), state.trials(), now).orElseThrow().end();
          clusterSince.put(c.feature(), start);
        } else {
          start = clusterSince.computeIfAbsent(c.feature(), f -> now);
        }
        Enforcement e = policy.evaluate(c.feature(), cond, start, now);
        result.put(c.feature(), e);
        alerts.enforcement(cluster, c.feature(), e);
      }
      enforcement.put(cluster.id(), result);
      if (clusterSince.isEmpty()) {
        since.remove(cluster.id());
      } else {
        since.put(cluster.id(), clusterSince);
      }
    }
    return new Evaluation(new LicenseStatus(now, state.mode(), features, enforcement), since);
  }
}
