package io.mmsdk.licensing.smart;

import io.mmsdk.common.MmSdkException;

/** A Smart Licensing action failed; {@link #isUnreachable()} tells a timeout from a refusal. */
public final class SmartLicensingException extends MmSdkException {
  private static final long serialVersionUID = 1L;
  /** Whether the licensing service could not be reached. */
  private final boolean unreachable;

  SmartLicensingException(String message, boolean unreachable, Throwable cause) {
    super(message, cause);
    this.unreachable = unreachable;
  }

  /** {@return true if Cisco SSM did not answer after every retry} */
  public boolean isUnreachable() {
    return unreachable;
  }
}
