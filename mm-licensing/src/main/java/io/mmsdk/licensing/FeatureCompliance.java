package io.mmsdk.licensing;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The license status of one feature, with the usage behind it. Immutable.
 *
 * @param feature the feature
 * @param status its license status
 * @param usage per license type of the feature (empty for customization)
 * @param trialState whether a trial granting the feature runs, has ended, or never ran
 * @param usedWithoutLicense true if the feature was used (usage above 0, or customization turned
 *     on) on a day outside trials in the last 90 while it has no licenses
 */
public record FeatureCompliance(
    Feature feature,
    ComplianceStatus status,
    List<TypeUsage> usage,
    TrialState trialState,
    boolean usedWithoutLicense) {

  /**
   * Checks the arguments and copies the list.
   *
   * @param feature the feature
   * @param status its license status
   * @param usage per license type of the feature (empty for customization)
   * @param trialState whether a trial granting the feature runs, has ended, or never ran
   * @param usedWithoutLicense true if the feature was used (usage above 0, or customization turned
   *     on) on a day outside trials in the last 90 while it has no licenses
   */
  public FeatureCompliance {
    Objects.requireNonNull(feature, "feature == null");
    Objects.requireNonNull(status, "status == null");
    usage = List.copyOf(Objects.requireNonNull(usage, "usage == null"));
    Objects.requireNonNull(trialState, "trialState == null");
  }

  /**
   * {@return the usage of {@code type}, if it belongs to this feature}
   *
   * @param type the license type
   */
  public Optional<TypeUsage> findUsage(AllocationType type) {
    return usage.stream().filter(u -> u.type() == type).findFirst();
  }

  /** Whether a trial granting a feature runs, has ended, or never ran. */
  public enum TrialState {
    /** No trial granting the feature was ever started. */
    NONE,
    /** A trial granting the feature runs now. */
    ACTIVE,
    /** A trial granting the feature ended and none runs now. */
    ENDED
  }
}
