package io.mmsdk.licensing;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * The licenses an administrator entered per license type, as on the Licenses page. A feature is
 * {@link ComplianceStatus#UNLICENSED} only while none of its types has a count above 0 ("You have
 * not allocated any licenses"); a type left blank next to an allocated one counts as 0, so any use
 * of it is overuse. {@link #findAllocated} still tells blank from 0 for display. Immutable.
 */
public final class Allocations {
  private final Map<AllocationType, Long> counts;
  private final boolean customizationLicense;
  private final boolean customizationEnabled;

  private Allocations(Builder b) {
    this.counts = Map.copyOf(b.counts);
    this.customizationLicense = b.customizationLicense;
    this.customizationEnabled = b.customizationEnabled;
  }

  /** {@return allocations with every type blank and no customization license} */
  public static Allocations none() {
    return builder().build();
  }

  /** {@return a new builder with every type blank} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return a builder holding these allocations} */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.counts.putAll(counts);
    b.customizationLicense = customizationLicense;
    b.customizationEnabled = customizationEnabled;
    return b;
  }

  /**
   * {@return the number of licenses entered for {@code type}, or empty if it was left blank}
   *
   * @param type the license type
   */
  public OptionalLong findAllocated(AllocationType type) {
    Long v = counts.get(Objects.requireNonNull(type, "type == null"));
    return v == null ? OptionalLong.empty() : OptionalLong.of(v);
  }

  /** {@return true if the allocation says "Yes" for customization} */
  public boolean hasCustomizationLicense() {
    return customizationLicense;
  }

  /** {@return true if customization is turned on in this deployment} */
  public boolean isCustomizationEnabled() {
    return customizationEnabled;
  }

  /**
   * {@return true if the feature has licenses: for meetings any PMP or SMP count above 0, for
   * recording or streaming a count above 0, for customization a "Yes" allocation}
   *
   * @param feature meetings, recording/streaming or customization
   */
  public boolean isLicensed(Feature feature) {
    switch (Objects.requireNonNull(feature, "feature == null")) {
      case MEETINGS:
        return counts.getOrDefault(AllocationType.PMP, 0L) > 0
            || counts.getOrDefault(AllocationType.SMP, 0L) > 0;
      case RECORDING_OR_STREAMING:
        return counts.getOrDefault(AllocationType.RECORDING_OR_STREAMING, 0L) > 0;
      default:
        return customizationLicense;
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Allocations a
        && a.counts.equals(counts)
        && a.customizationLicense == customizationLicense
        && a.customizationEnabled == customizationEnabled;
  }

  @Override
  public int hashCode() {
    return Objects.hash(counts, customizationLicense, customizationEnabled);
  }

  @Override
  public String toString() {
    Map<AllocationType, Long> ordered = new EnumMap<>(AllocationType.class);
    ordered.putAll(counts);
    return "Allocations{" + ordered + ", customizationLicense="
        + customizationLicense + ", customizationEnabled=" + customizationEnabled + "}";
  }

  /** Builds {@link Allocations}. Not thread-safe. */
  public static final class Builder {
    private final Map<AllocationType, Long> counts = new EnumMap<>(AllocationType.class);
    private boolean customizationLicense;
    private boolean customizationEnabled;

    private Builder() {}

    /**
     * Sets the number of licenses for {@code type}; 0 means "none", not blank.
     *
     * @param type the license type
     * @param count how many licenses, 0 or more (0 means none, which is not blank)
     * @return this builder
     * @throws IllegalArgumentException if {@code count} is negative
     */
    public Builder allocate(AllocationType type, long count) {
      Objects.requireNonNull(type, "type == null");
      if (count < 0) {
        throw new IllegalArgumentException(
            "count for " + type + " must be >= 0 (enter 0 if you have none); got " + count);
      }
      counts.put(type, count);
      return this;
    }

    /**
     * Makes {@code type} blank again (not entered).
     *
     * @param type the license type to blank
     * @return this builder
     */
    public Builder clear(AllocationType type) {
      counts.remove(Objects.requireNonNull(type, "type == null"));
      return this;
    }

    /**
     * Sets whether the deployment has a customization license ("Yes"/"No" allocation).
     *
     * @param licensed whether the deployment has a customization license ("Yes"/"No" allocation)
     * @return this builder
     */
    public Builder customizationLicense(boolean licensed) {
      this.customizationLicense = licensed;
      return this;
    }

    /**
     * Sets whether customization (customized layouts) is turned on.
     *
     * @param enabled whether customization (customized layouts) is turned on
     * @return this builder
     */
    public Builder customizationEnabled(boolean enabled) {
      this.customizationEnabled = enabled;
      return this;
    }

    /** {@return the allocations} */
    public Allocations build() {
      return new Allocations(this);
    }
  }
}
