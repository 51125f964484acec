package io.mmsdk.admin.backup;

import io.mmsdk.common.MmSdkException;
import java.util.Objects;

/** A backup could not be created or restored; nothing was changed by a failed restore. */
public final class BackupException extends MmSdkException {
  private static final long serialVersionUID = 1L;

  /** Why the backup failed. */
  public enum Reason {
    /** The file is not an mm-sdk backup, is truncated, or has an unsupported version. */
    NOT_A_BACKUP,
    /**
     * The password is wrong or the file was changed after it was written (these cannot be told
     * apart).
     */
    WRONG_PASSWORD_OR_TAMPERED,
    /** The file decrypted but its content is invalid. */
    INVALID_CONTENT,
    /** The file could not be read or written. */
    IO
  }

  /** Why the backup or restore failed. */
  private final Reason reason;

  /**
   * Creates an exception with a reason, message and optional cause.
   *
   * @param reason what kind of problem it is, for callers to act on
   * @param message what went wrong and what to do, for people
   * @param cause the underlying failure, or null
   */
  public BackupException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = Objects.requireNonNull(reason, "reason == null");
  }

  /** {@return why the backup failed} */
  public Reason reason() {
    return reason;
  }
}
