package io.mmsdk.cms;

/**
 * The reply was larger than the client's size limit ({@link CmsClient.Builder#maxReplySize(long)})
 * and was not read further, so no reply can exhaust memory. {@link #limit()} gives the limit.
 */
public class CmsReplyTooLargeException extends CmsClientException {
  private static final long serialVersionUID = 1L;

  /** The limit that tripped, in bytes. */

  private final long limit;

  /**
   * Creates an exception for {@code request}, keeping {@code cause}.
   *
   * @param request the request whose reply was too large
   * @param message what happened and which limit to raise
   * @param limit the limit that tripped, in bytes
   * @param cause the underlying failure, or null
   */
  public CmsReplyTooLargeException(CmsRequest request, String message, long limit, Throwable cause) {
    super(request, message, cause);
    this.limit = limit;
  }

  /** {@return the size limit in bytes that the reply passed} */
  public long limit() {
    return limit;
  }
}
