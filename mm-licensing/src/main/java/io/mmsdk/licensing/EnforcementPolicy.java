package io.mmsdk.licensing;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The enforcement timings, which the seed leaves open, and the pure rules that turn a compliance
 * status into a warning. Immutable and thread-safe.
 *
 * <p>Defaults (chosen by us, not by the seed; see {@code docs/interpretations.md}): meetings go
 * from Alarm 1 to Alarm 2 after 30 days and from Alarm 2 to Alarm 3 after another 30 days;
 * recording or streaming and customization stay available for 30 days.
 */
public final class EnforcementPolicy {
  private final Duration meetingsEnforcementDelay;
  private final Duration meetingsHighEnforcementDelay;
  private final Duration recordingOrStreamingGrace;
  private final Duration customizationGrace;

  private EnforcementPolicy(Builder b) {
    this.meetingsEnforcementDelay = b.meetingsEnforcementDelay;
    this.meetingsHighEnforcementDelay = b.meetingsHighEnforcementDelay;
    this.recordingOrStreamingGrace = b.recordingOrStreamingGrace;
    this.customizationGrace = b.customizationGrace;
  }

  /** {@return the policy with the documented defaults} */
  public static EnforcementPolicy defaults() {
    return builder().build();
  }

  /** {@return a builder holding the defaults} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return how long Alarm 1 lasts before enforcement becomes active (default 30 days)} */
  public Duration meetingsEnforcementDelay() {
    return meetingsEnforcementDelay;
  }

  /** {@return how long Alarm 2 lasts before high enforcement (default 30 days)} */
  public Duration meetingsHighEnforcementDelay() {
    return meetingsHighEnforcementDelay;
  }

  /** {@return how long recording or streaming stays available (default 30 days)} */
  public Duration recordingOrStreamingGrace() {
    return recordingOrStreamingGrace;
  }

  /** {@return how long customization stays available (default 30 days)} */
  public Duration customizationGrace() {
    return customizationGrace;
  }

  /**
   * Classifies {@code c}: meetings and recording or streaming count down when out of compliance or
   * used without licenses; customization counts down when turned on without a license; any feature
   * that is unlicensed after a trial granting it ended is enforced at once.
   *
   * @param c the feature's compliance over the window
   * @return {@code NONE}, {@code COUNTDOWN} or {@code TRIAL_ENDED_UNLICENSED}
   */
  public static EnforcementCondition condition(FeatureCompliance c) {
    Objects.requireNonNull(c, "c == null");
    boolean unlicensed = c.status() == ComplianceStatus.UNLICENSED
        || (c.feature() == Feature.CUSTOMIZATION
            && c.status() == ComplianceStatus.OUT_OF_COMPLIANCE);
    if (unlicensed && c.trialState() == FeatureCompliance.TrialState.ENDED) {
      return EnforcementCondition.TRIAL_ENDED_UNLICENSED;
    }
    if (c.status() == ComplianceStatus.OUT_OF_COMPLIANCE
        || (c.status() == ComplianceStatus.UNLICENSED && c.usedWithoutLicense())) {
      return EnforcementCondition.COUNTDOWN;
    }
    return EnforcementCondition.NONE;
  }

  /**
   * {@return the enforcement of {@code feature} at {@code now} for a condition that has held since
   * {@code since} (for {@code TRIAL_ENDED_UNLICENSED}: since the trial ended)}
   *
   * <p>Activation keys on the Call Bridges play no part: under Smart Licensing "no activation key
   * is required" (seed ch. 19 and 21.6), and traditional licensing is not modelled.
   *
   * @param feature the feature
   * @param condition what has held; its kind picks the countdown
   * @param since when the condition began
   * @param now the current time, not before {@code since}
   */
  public Enforcement evaluate(
      Feature feature, EnforcementCondition condition, Instant since, Instant now) {
    Objects.requireNonNull(feature, "feature == null");
    Objects.requireNonNull(condition, "condition == null");
    Objects.requireNonNull(since, "since == null");
    Objects.requireNonNull(now, "now == null");
    if (condition == EnforcementCondition.NONE) {
      return Enforcement.NONE;
    }
    Duration elapsed = Duration.between(since, now);
    if (elapsed.isNegative()) {
      elapsed = Duration.ZERO;
    }
    if (feature == Feature.MEETINGS) {
      Duration toActive =
          condition == EnforcementCondition.TRIAL_ENDED_UNLICENSED
              ? Duration.ZERO
              : meetingsEnforcementDelay;
      if (elapsed.compareTo(toActive) < 0) {
        return new Enforcement(
            EnforcementLevel.ALARM_1_ENFORCEMENT_PENDING, days(toActive.minus(elapsed)));
      }
      Duration toHigh = toActive.plus(meetingsHighEnforcementDelay);
      if (elapsed.compareTo(toHigh) < 0) {
        return new Enforcement(
            EnforcementLevel.ALARM_2_ENFORCEMENT_ACTIVE, days(toHigh.minus(elapsed)));
      }
      return new Enforcement(EnforcementLevel.ALARM_3_HIGH_ENFORCEMENT, 0);
    }
    if (condition == EnforcementCondition.TRIAL_ENDED_UNLICENSED) {
      return new Enforcement(EnforcementLevel.NOT_AVAILABLE, 0);
    }
    Duration grace =
        feature == Feature.RECORDING_OR_STREAMING ? recordingOrStreamingGrace : customizationGrace;
    if (elapsed.compareTo(grace) < 0) {
      return new Enforcement(EnforcementLevel.AVAILABLE_COUNTDOWN, days(grace.minus(elapsed)));
    }
    return new Enforcement(EnforcementLevel.NOT_AVAILABLE, 0);
  }

  private static long days(Duration remaining) {
    long secs = remaining.getSeconds() + (remaining.getNano() > 0 ? 1 : 0);
    return Math.max(1, (secs + 86_399) / 86_400);
  }

  @Override
  public String toString() {
    return "EnforcementPolicy{meetingsEnforcementDelay=" + meetingsEnforcementDelay
        + ", meetingsHighEnforcementDelay=" + meetingsHighEnforcementDelay
        + ", recordingOrStreamingGrace=" + recordingOrStreamingGrace
        + ", customizationGrace=" + customizationGrace + "}";
  }

  /** Builds an {@link EnforcementPolicy}; starts from the defaults. Not thread-safe. */
  public static final class Builder {
    private Duration meetingsEnforcementDelay = Duration.ofDays(30);
    private Duration meetingsHighEnforcementDelay = Duration.ofDays(30);
    private Duration recordingOrStreamingGrace = Duration.ofDays(30);
    private Duration customizationGrace = Duration.ofDays(30);

    private Builder() {}

    /**
     * Sets how long Alarm 1 lasts before enforcement becomes active; positive.
     *
     * @param d how long Alarm 1 lasts before enforcement becomes active; positive
     * @return this builder
     */
    public Builder meetingsEnforcementDelay(Duration d) {
      this.meetingsEnforcementDelay = positive(d, "meetingsEnforcementDelay");
      return this;
    }

    /**
     * Sets how long Alarm 2 lasts before high enforcement; positive.
     *
     * @param d how long Alarm 2 lasts before high enforcement; positive
     * @return this builder
     */
    public Builder meetingsHighEnforcementDelay(Duration d) {
      this.meetingsHighEnforcementDelay = positive(d, "meetingsHighEnforcementDelay");
      return this;
    }

    /**
     * Sets how long recording or streaming stays available when enforced; positive.
     *
     * @param d how long recording or streaming stays available when enforced; positive
     * @return this builder
     */
    public Builder recordingOrStreamingGrace(Duration d) {
      this.recordingOrStreamingGrace = positive(d, "recordingOrStreamingGrace");
      return this;
    }

    /**
     * Sets how long customization stays available when enforced; positive.
     *
     * @param d how long customization stays available when enforced; positive
     * @return this builder
     */
    public Builder customizationGrace(Duration d) {
      this.customizationGrace = positive(d, "customizationGrace");
      return this;
    }

    /** {@return the policy} */
    public EnforcementPolicy build() {
      return new EnforcementPolicy(this);
    }

    private static Duration positive(Duration d, String name) {
      Objects.requireNonNull(d, name + " == null");
      if (d.isZero() || d.isNegative()) {
        throw new IllegalArgumentException(name + " must be a positive duration; got " + d);
      }
      return d;
    }
  }
}
