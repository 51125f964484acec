package io.mmsdk.blastdial;

import io.mmsdk.common.MmSdkException;

/** The root of exceptions thrown by mm-blastdial. */
public class BlastDialException extends MmSdkException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception with a message that says what was wrong and what to do.
   *
   * @param message what went wrong and what to do about it
   */
  public BlastDialException(String message) {
    super(message);
  }

  /**
   * Creates an exception with a message and its cause.
   *
   * @param message what went wrong and what to do about it
   * @param cause the underlying failure, or null
   */
  public BlastDialException(String message, Throwable cause) {
    super(message, cause);
  }
}
