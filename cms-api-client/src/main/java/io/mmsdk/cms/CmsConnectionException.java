package io.mmsdk.cms;

/**
 * The request could not be sent or no reply arrived: the host is unknown or unreachable, the
 * connection was refused or reset, or the TLS handshake failed (for example an untrusted certificate
 * or a host name that is not in the certificate's subject alternative names).
 */
public class CmsConnectionException extends CmsClientException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception for {@code request}, keeping {@code cause}.
   *
   * @param request the request that failed
   * @param message what went wrong and what to do about it
   * @param cause the underlying failure, or null
   */
  public CmsConnectionException(CmsRequest request, String message, Throwable cause) {
    super(request, message, cause);
  }
}
