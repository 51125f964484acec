package io.mmsdk.admin.user;

import io.mmsdk.common.MmSdkException;

/** A user operation broke a rule (the message says which, and what to do). Never contains passwords. */
public class UserException extends MmSdkException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception with a message naming the rule and the value at fault.
   *
   * @param message what went wrong and what to do about it
   */
  public UserException(String message) {
    super(message);
  }

  /**
   * Creates an exception with a message and cause.
   *
   * @param message what went wrong and what to do about it
   * @param cause the underlying failure, or null
   */
  public UserException(String message, Throwable cause) {
    super(message, cause);
  }
}
