package io.mmsdk.licensing;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The license status of the deployment at one moment: one compliance per feature (shared by all
 * clusters under Smart Licensing) and the enforcement per cluster and feature. Empty in {@link
 * LicensingMode#NO_LICENSING}.
 *
 * @param at when it was computed
 * @param mode the licensing mode
 * @param features the compliance of each feature, iterating in {@link Feature} order
 * @param enforcement per cluster id, the enforcement of each feature
 */
public record LicenseStatus(
    Instant at,
    LicensingMode mode,
    Map<Feature, FeatureCompliance> features,
    Map<String, Map<Feature, Enforcement>> enforcement) {

  /**
   * Checks the arguments and copies the maps.
   *
   * @param at when it was computed
   * @param mode the licensing mode
   * @param features the compliance of each feature, iterating in {@link Feature} order
   * @param enforcement per cluster id, the enforcement of each feature
   */
  public LicenseStatus {
    Objects.requireNonNull(at, "at == null");
    Objects.requireNonNull(mode, "mode == null");
    features = ordered(features);
    Map<String, Map<Feature, Enforcement>> e = new HashMap<>();
    enforcement.forEach((k, v) -> e.put(k, ordered(v)));
    enforcement = Map.copyOf(e);
  }

  /** Copies into an unmodifiable map iterating in {@link Feature} order. */
  private static <V> Map<Feature, V> ordered(Map<Feature, V> m) {
    return m.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(m));
  }

  /**
   * {@return the compliance of {@code feature}; empty in {@code NO_LICENSING} mode}
   *
   * @param feature the feature
   */
  public Optional<FeatureCompliance> findFeature(Feature feature) {
    return Optional.ofNullable(features.get(feature));
  }

  /**
   * {@return the enforcement of {@code feature} on {@code clusterId}, if the cluster is known}
   *
   * @param clusterId the cluster's id
   * @param feature the feature
   */
  public Optional<Enforcement> findEnforcement(String clusterId, Feature feature) {
    Map<Feature, Enforcement> m = enforcement.get(clusterId);
    return m == null ? Optional.empty() : Optional.ofNullable(m.get(feature));
  }
}
