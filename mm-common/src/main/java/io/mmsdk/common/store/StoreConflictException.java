package io.mmsdk.common.store;

import io.mmsdk.common.MmSdkException;

/**
 * A store that saves a whole state at a time refused a save because another store instance (in
 * this or another process sharing the database) saved that state since this instance last read or
 * saved it. Nothing was saved, so the other save is not overwritten unseen. Load the state again,
 * apply the change to what was loaded, and save that.
 */
public final class StoreConflictException extends MmSdkException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception with a message naming the store and what to do.
   *
   * @param message which state was saved by whom meanwhile, and to load it again
   */
  public StoreConflictException(String message) {
    super(message);
  }
}
