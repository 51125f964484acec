package io.mmsdk.meetings.control;

import io.mmsdk.common.MmSdkException;

/**
 * A control was malformed (a blank id, an unregistered Call Bridge, an empty message, a layout the
 * SDK does not know): nothing was sent. The message names the value at fault and what to do.
 */
public final class InvalidControlException extends MmSdkException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception whose message names the value at fault and what to do.
   *
   * @param message what was wrong and how to fix it
   */
  public InvalidControlException(String message) {
    super(message);
  }
}
