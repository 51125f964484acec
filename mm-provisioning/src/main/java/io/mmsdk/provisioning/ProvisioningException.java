package io.mmsdk.provisioning;

import io.mmsdk.common.MmSdkException;

/** Base of the exceptions thrown by mm-provisioning. */
public class ProvisioningException extends MmSdkException {
  private static final long serialVersionUID = 1L;

  /** Creates an exception with a message that says what went wrong and what to do. */
  public ProvisioningException(String message) {
    super(message);
  }

  /** Creates an exception with a message and its cause. */
  public ProvisioningException(String message, Throwable cause) {
    super(message, cause);
  }
}
