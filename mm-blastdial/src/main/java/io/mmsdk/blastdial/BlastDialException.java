package io.mmsdk.blastdial;

import io.mmsdk.common.MmSdkException;

/** The root of exceptions thrown by mm-blastdial. */
public class BlastDialException extends MmSdkException {
  private static final long serialVersionUID = 1L;

  /** Creates an exception with a message that says what was wrong and what to do. */
  public BlastDialException(String message) {
    super(message);
  }

  /** Creates an exception with a message and its cause. */
  public BlastDialException(String message, Throwable cause) {
    super(message, cause);
  }
}
