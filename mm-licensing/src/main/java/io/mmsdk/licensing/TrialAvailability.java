package io.mmsdk.licensing;

/** Whether a trial can be started, and if not, why. */
public enum TrialAvailability {
  /** The trial can be started ("Start trial" is shown). */
  OFFERED,
  /** The feature is licensed, so no trial is offered. */
  LICENSED,
  /** A trial of this type was already used by this deployment. */
  ALREADY_USED,
  /**
   * A connected cluster was connected to some deployment during an earlier trial of this type.
   */
  CLUSTER_IN_EARLIER_TRIAL,
  /** A running trial already grants this feature (e.g. a meetings trial covers customization). */
  COVERED_BY_ACTIVE_TRIAL
}
