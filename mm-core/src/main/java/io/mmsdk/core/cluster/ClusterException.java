package io.mmsdk.core.cluster;

import io.mmsdk.common.MmSdkException;

/** The root of errors raised by the cluster registry. */
public class ClusterException extends MmSdkException {
  private static final long serialVersionUID = 1L;

  /** Creates an exception with a message that says what was wrong and what to do. */
  public ClusterException(String message) {
    super(message);
  }

  /** Creates an exception with a message and its cause. */
  public ClusterException(String message, Throwable cause) {
    super(message, cause);
  }
}
