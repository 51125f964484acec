package io.mmsdk.core.user;

import io.mmsdk.common.MmSdkException;

/** A user operation broke a rule (the message says which, and what to do). Never contains passwords. */
public class UserException extends MmSdkException {
  private static final long serialVersionUID = 1L;

  /** Creates an exception with a message naming the rule and the value at fault. */
  public UserException(String message) {
    super(message);
  }

  /** Creates an exception with a message and cause. */
  public UserException(String message, Throwable cause) {
    super(message, cause);
  }
}
