package io.mmsdk.licensing.smart;

import io.mmsdk.common.MmSdkException;

/** A Smart Licensing action failed; {@link #isUnreachable()} tells a timeout from a refusal. */
public final class SmartLicensingException extends MmSdkException {
  private static final long serialVersionUID = 1L;
  /** Whether the licensing service could not be reached. */
  private final boolean unreachable;

  /**
   * Creates an exception for a store implementation (a file or database store) that cannot read
   * or save the status; it is not an unreachable licensing service.
   *
   * @param message what failed and what to do about it
   * @param cause the underlying failure, or null
   */
  public SmartLicensingException(String message, Throwable cause) {
    this(message, false, cause);
  }

  SmartLicensingException(String message, boolean unreachable, Throwable cause) {
    super(message, cause);
    this.unreachable = unreachable;
  }

  /** {@return true if Cisco SSM did not answer after every retry} */
  public boolean isUnreachable() {
    return unreachable;
  }
}
