package io.mmsdk.cms;

/** The connection or the reply took longer than the configured connect or read timeout. */
public class CmsTimeoutException extends CmsClientException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception for {@code request}, keeping {@code cause}.
   *
   * @param request the request that failed
   * @param message what went wrong and what to do about it
   * @param cause the underlying failure, or null
   */
  public CmsTimeoutException(CmsRequest request, String message, Throwable cause) {
    super(request, message, cause);
  }
}
