package io.mmsdk.core.cluster;

/** No cluster or Call Bridge is registered under the given id. */
public final class ClusterNotFoundException extends ClusterException {
  private static final long serialVersionUID = 1L;

  /** Creates an exception with a message naming the id that was not found. */
  public ClusterNotFoundException(String message) {
    super(message);
  }
}
