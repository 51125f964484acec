package io.mmsdk.provisioning;

import io.mmsdk.common.MmSdkException;

/** Base of the exceptions thrown by mm-provisioning. */
public class ProvisioningException extends MmSdkException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception with a message that says what went wrong and what to do.
   *
   * @param message what went wrong and what to do about it
   */
  public ProvisioningException(String message) {
    super(message);
  }

  /**
   * Creates an exception with a message and its cause.
   *
   * @param message what went wrong and what to do about it
   * @param cause the underlying failure, or null
   */
  public ProvisioningException(String message, Throwable cause) {
    super(message, cause);
  }
}
