package io.mmsdk.cdr;

import io.mmsdk.common.MmSdkException;

/** A batch could not be written to or read from a {@link CdrStore}. */
public final class CdrStoreException extends MmSdkException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception with a message that says what failed and what to do.
   *
   * @param message what went wrong and what to do about it
   * @param cause the underlying failure, or null
   */
  public CdrStoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
