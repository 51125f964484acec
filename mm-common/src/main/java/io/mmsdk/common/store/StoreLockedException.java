package io.mmsdk.common.store;

import io.mmsdk.common.MmSdkException;
import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * A file-backed store could not be opened because another store instance (in this process or
 * another one) holds its lock. The message names the lock file and, when it could be read, the
 * holder's process id. Close the other store, or stop the process holding it, and open again.
 */
public final class StoreLockedException extends MmSdkException {
  private static final long serialVersionUID = 1L;

  private final transient Path lockFile;
  /** The process id the holder recorded in the lock file; 0 when it could not be read. */
  private final long holderPid;

  StoreLockedException(String message, Path lockFile, long holderPid, Throwable cause) {
    super(message, cause);
    this.lockFile = lockFile;
    this.holderPid = holderPid;
  }

  /** {@return the lock file another store instance holds} */
  public Path lockFile() {
    return lockFile;
  }

  /** {@return the process id recorded by the holder, if it could be read} */
  public OptionalLong findHolderPid() {
    return holderPid > 0 ? OptionalLong.of(holderPid) : OptionalLong.empty();
  }

}
