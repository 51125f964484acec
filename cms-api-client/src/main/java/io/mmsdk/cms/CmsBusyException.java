package io.mmsdk.cms;

/** The server is temporarily busy (HTTP 503); retry the request later. */
public class CmsBusyException extends CmsServiceException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception; see {@link CmsServiceException#CmsServiceException}.
   *
   * @param request the request that failed
   * @param status the HTTP status code
   * @param rawFailureReason the element name inside {@code <failureDetails>}, or null if none
   * @param message what went wrong and what to do about it
   */
  public CmsBusyException(CmsRequest request, int status, String rawFailureReason, String message) {
    super(request, status, rawFailureReason, message);
  }

  /**
   * Creates an exception with the failure reason's attributes; see {@link CmsServiceException}.
   *
   * @param request the request that failed (method and path; never credentials)
   * @param status the HTTP status of the reply
   * @param rawFailureReason the element name inside {@code <failureDetails>}, or null if none
   * @param failureAttributes that element's attributes, such as {@code parameter="uri"}
   * @param message what went wrong and what to do
   */
  public CmsBusyException(CmsRequest request, int status, String rawFailureReason,
      java.util.Map<String, String> failureAttributes, String message) {
    super(request, status, rawFailureReason, failureAttributes, message);
  }
}
