package io.mmsdk.meetings;

import io.mmsdk.common.MmSdkException;

/**
 * Every CDR receiver slot of a Call Bridge is taken by other tools, so this receiver could not be
 * registered. Nothing was removed: free a slot and install again.
 */
public final class CdrReceiverSlotsFullException extends MmSdkException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception with a message that says what to do.
   *
   * @param message what went wrong and what to do about it
   */
  public CdrReceiverSlotsFullException(String message) {
    super(message);
  }
}
