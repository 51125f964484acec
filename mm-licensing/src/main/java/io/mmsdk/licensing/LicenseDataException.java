package io.mmsdk.licensing;

import io.mmsdk.common.MmSdkException;

/** A Call Bridge reported license data that is well-formed XML but not in the expected shape. */
public final class LicenseDataException extends MmSdkException {
  private static final long serialVersionUID = 1L;

  LicenseDataException(String message) {
    super(message);
  }

  LicenseDataException(String message, Throwable cause) {
    super(message, cause);
  }
}
