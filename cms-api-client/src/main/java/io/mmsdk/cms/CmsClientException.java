package io.mmsdk.cms;

import static java.util.Objects.requireNonNull;

import io.mmsdk.common.MmSdkException;

/**
 * The client side of a request failed: it could not be sent, it timed out, or the reply could not
 * be read. Subclasses say which; the cause is always kept.
 */
public class CmsClientException extends MmSdkException {
  private static final long serialVersionUID = 1L;

  /** The request that could not be completed. */
  private final CmsRequest request;

  /**
   * Creates an exception for {@code request}, keeping {@code cause}.
   *
   * @param request the request that failed
   * @param message what went wrong and what to do about it
   * @param cause the underlying failure, or null
   */
  public CmsClientException(CmsRequest request, String message, Throwable cause) {
    super(message, cause);
    this.request = requireNonNull(request, "request == null");
  }

  /** {@return the request that failed} */
  public CmsRequest request() {
    return request;
  }
}
