package io.mmsdk.licensing;

/** Why enforcement applies to a feature, as classified by {@link EnforcementPolicy#condition}. */
public enum EnforcementCondition {
  /** Nothing to enforce. */
  NONE,
  /** Out of compliance, or used without licenses: count down from when this began. */
  COUNTDOWN,
  /**
   * A trial ended and the feature has no licenses: enforcement is active at once (meetings start
   * at Alarm 2, the other features are not available).
   */
  TRIAL_ENDED_UNLICENSED
}
