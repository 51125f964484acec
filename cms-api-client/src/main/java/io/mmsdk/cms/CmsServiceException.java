package io.mmsdk.cms;

import static java.util.Objects.requireNonNull;

import io.mmsdk.common.MmSdkException;
import java.util.Optional;

/**
 * The Meeting Server answered with an error status. Carries the HTTP status, the CMS failure reason
 * from a {@code <failureDetails>} body (if any) and the request. Typed subclasses cover the cases
 * callers branch on: {@link CmsNotFoundException}, {@link CmsDuplicateException},
 * {@link CmsAuthenticationException} and {@link CmsBusyException}.
 */
public class CmsServiceException extends MmSdkException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final FailureReason failureReason;
  private final String rawFailureReason;
  private final CmsRequest request;

  /**
   * Creates an exception.
   *
   * @param rawFailureReason the element name inside {@code <failureDetails>}, or null if none
   */
  public CmsServiceException(
      CmsRequest request, int status, String rawFailureReason, String message) {
    super(message);
    this.request = requireNonNull(request, "request == null");
    this.status = status;
    this.rawFailureReason = rawFailureReason;
    this.failureReason =
        rawFailureReason == null ? null : FailureReason.fromWireName(rawFailureReason);
  }

  /** Returns the HTTP status code, for example 400. */
  public int status() {
    return status;
  }

  /** Returns the typed CMS failure reason, if the reply had a {@code <failureDetails>} body. */
  public Optional<FailureReason> findFailureReason() {
    return Optional.ofNullable(failureReason);
  }

  /** Returns the failure reason exactly as the server sent it, or null if there was none. */
  public String rawFailureReason() {
    return rawFailureReason;
  }

  /** Returns the request that failed. */
  public CmsRequest request() {
    return request;
  }
}
