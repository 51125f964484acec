package io.mmsdk.licensing;

import io.mmsdk.common.MmSdkException;

/** Thrown when a trial is started that is not offered; {@link #reason()} says why. */
public final class TrialNotAvailableException extends MmSdkException {
  private static final long serialVersionUID = 1L;
  private final transient Feature type;
  /** Why no trial is available. */
  private final TrialAvailability reason;

  TrialNotAvailableException(Feature type, TrialAvailability reason) {
    super("A " + type + " trial cannot be started: " + reason
        + ". Trials are offered once per deployment, only while the feature is unlicensed and no"
        + " connected cluster took part in an earlier trial of the same type; add licenses instead.");
    this.type = type;
    this.reason = reason;
  }

  /** {@return the trial type that was asked for} */
  public Feature type() {
    return type;
  }

  /** {@return why the trial is not offered} */
  public TrialAvailability reason() {
    return reason;
  }
}
