package io.mmsdk.admin.access;

import io.mmsdk.common.MmSdkException;

/** A permission grant broke a rule of the meeting-permission model (the message says which). */
public final class PermissionException extends MmSdkException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception whose message names the rule, the user or group, and what to do.
   *
   * @param message what went wrong and what to do about it
   */
  public PermissionException(String message) {
    super(message);
  }
}
