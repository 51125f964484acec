package io.mmsdk.admin.audit;

import io.mmsdk.common.MmSdkException;

/** The audit trail could not be read or written. */
public final class AuditException extends MmSdkException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception with a message and cause.
   *
   * @param message what went wrong and what to do about it
   * @param cause the underlying failure, or null
   */
  public AuditException(String message, Throwable cause) {
    super(message, cause);
  }
}
