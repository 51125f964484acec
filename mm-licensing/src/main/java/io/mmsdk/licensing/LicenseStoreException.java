package io.mmsdk.licensing;

import io.mmsdk.common.MmSdkException;

/** Thrown when licensing data cannot be read from or written to its store. The cause is kept. */
public final class LicenseStoreException extends MmSdkException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception for a store implementation (a file or database store).
   *
   * @param message what failed and what to do about it
   * @param cause the underlying failure, or null
   */
  public LicenseStoreException(String message, Throwable cause) {
    super(message, cause);
  }

  LicenseStoreException(String message) {
    super(message);
  }
}
