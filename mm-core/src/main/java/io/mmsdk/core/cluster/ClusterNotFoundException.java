package io.mmsdk.core.cluster;

/** No cluster or Call Bridge is registered under the given id. */
public final class ClusterNotFoundException extends ClusterException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception with a message naming the id that was not found.
   *
   * @param message what went wrong and what to do about it
   */
  public ClusterNotFoundException(String message) {
    super(message);
  }
}
