package io.mmsdk.common;

/**
 * The root of every exception mm-sdk throws. It is unchecked; each module throws typed subclasses
 * that callers can branch on, and every message says what was wrong and what to do about it.
 *
 * <p>Messages and causes never contain secrets such as passwords, tokens or backup keys.
 */
public class MmSdkException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception with a message that says what went wrong and how to fix it.
   *
   * @param message what went wrong and what to do about it
   */
  public MmSdkException(String message) {
    super(message);
  }

  /**
   * Creates an exception with a message and the underlying cause, which is kept.
   *
   * @param message what went wrong and what to do about it
   * @param cause the underlying failure, or null
   */
  public MmSdkException(String message, Throwable cause) {
    super(message, cause);
  }
}
