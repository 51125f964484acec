package io.mmsdk.cms;

import static java.util.Objects.requireNonNull;

import io.mmsdk.common.MmSdkException;

/**
 * The client side of a request failed: it could not be sent, it timed out, or the reply could not
 * be read. Subclasses say which; the cause is always kept.
 */
public class CmsClientException extends MmSdkException {
  private static final long serialVersionUID = 1L;

  private final CmsRequest request;

  /** Creates an exception for {@code request}, keeping {@code cause}. */
  public CmsClientException(CmsRequest request, String message, Throwable cause) {
    super(message, cause);
    this.request = requireNonNull(request, "request == null");
  }

  /** Returns the request that failed. */
  public CmsRequest request() {
    return request;
  }
}
