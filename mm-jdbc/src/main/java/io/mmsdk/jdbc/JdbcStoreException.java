package io.mmsdk.jdbc;

import io.mmsdk.common.MmSdkException;

/**
 * The database behind a store could not be reached, opened or migrated. The message names the
 * database (never its password) and what to check; the {@link java.sql.SQLException} is the cause.
 */
public class JdbcStoreException extends MmSdkException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception with a message that says what failed and what to do.
   *
   * @param message what went wrong and what to do about it
   * @param cause the underlying failure, or null
   */
  public JdbcStoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
