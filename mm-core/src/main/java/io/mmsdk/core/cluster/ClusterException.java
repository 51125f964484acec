package io.mmsdk.core.cluster;

import io.mmsdk.common.MmSdkException;

/** The root of errors raised by the cluster registry. */
public class ClusterException extends MmSdkException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception with a message that says what was wrong and what to do.
   *
   * @param message what went wrong and what to do about it
   */
  public ClusterException(String message) {
    super(message);
  }

  /**
   * Creates an exception with a message and its cause.
   *
   * @param message what went wrong and what to do about it
   * @param cause the underlying failure, or null
   */
  public ClusterException(String message, Throwable cause) {
    super(message, cause);
  }
}
