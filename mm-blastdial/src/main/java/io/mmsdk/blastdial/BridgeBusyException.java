package io.mmsdk.blastdial;

/**
 * Thrown by a {@link CallBridgeGateway} when the Call Bridge answered HTTP 503 ("temporarily
 * busy"). Blast dial backs off and sends the request again; the attempt is not counted.
 */
public final class BridgeBusyException extends BlastDialException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception; {@code message} names the bridge and request (no secrets).
   *
   * @param message what went wrong and what to do about it
   */
  public BridgeBusyException(String message) {
    super(message);
  }

  /**
   * Creates the exception with the client's failure as cause.
   *
   * @param message what went wrong and what to do about it
   * @param cause the underlying failure, or null
   */
  public BridgeBusyException(String message, Throwable cause) {
    super(message, cause);
  }
}
