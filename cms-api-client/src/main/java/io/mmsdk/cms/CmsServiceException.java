package io.mmsdk.cms;

import static java.util.Objects.requireNonNull;

import io.mmsdk.common.MmSdkException;
import java.util.Map;
import java.util.Optional;

/**
 * The Meeting Server answered with an error status. Carries the HTTP status, the CMS failure reason
 * from a {@code <failureDetails>} body (if any) and the request. Typed subclasses cover the cases
 * callers branch on: {@link CmsNotFoundException}, {@link CmsDuplicateException},
 * {@link CmsAuthenticationException} and {@link CmsBusyException}.
 */
public class CmsServiceException extends MmSdkException {
  private static final long serialVersionUID = 1L;

  /** The HTTP status of the reply. */

  private final int status;
  /** The failure reason, {@link FailureReason#UNKNOWN} if none or unknown. */
  private final FailureReason failureReason;
  /** The element name inside {@code <failureDetails>}, or null. */
  private final String rawFailureReason;
  /** The request that failed. */
  private final CmsRequest request;
  /** The failure reason element's attributes. */
  private final Map<String, String> failureAttributes;

  /**
   * Creates an exception.
   *
   * @param rawFailureReason the element name inside {@code <failureDetails>}, or null if none
   * @param request the request that failed (method and path; never credentials)
   * @param status the HTTP status of the reply
   * @param message what went wrong and what to do
   */
  public CmsServiceException(
      CmsRequest request, int status, String rawFailureReason, String message) {
    this(request, status, rawFailureReason, Map.of(), message);
  }

  /**
   * Creates an exception that keeps the attributes of the failure reason's element, for example
   * {@code parameter="uri"} and {@code error="invalidValue"} of a {@code <parameterError>}.
   *
   * @param rawFailureReason the element name inside {@code <failureDetails>}, or null if none
   * @param failureAttributes that element's attributes
   * @param request the request that failed (method and path; never credentials)
   * @param status the HTTP status of the reply
   * @param message what went wrong and what to do
   */
  public CmsServiceException(CmsRequest request, int status, String rawFailureReason,
      Map<String, String> failureAttributes, String message) {
    super(message);
    this.failureAttributes = Map.copyOf(requireNonNull(failureAttributes, "failureAttributes == null"));
    this.request = requireNonNull(request, "request == null");
    this.status = status;
    this.rawFailureReason = rawFailureReason;
    this.failureReason =
        rawFailureReason == null ? null : FailureReason.fromWireName(rawFailureReason);
  }

  /** {@return the HTTP status code, for example 400} */
  public int status() {
    return status;
  }

  /** {@return the typed CMS failure reason, if the reply had a {@code <failureDetails>} body} */
  public Optional<FailureReason> findFailureReason() {
    return Optional.ofNullable(failureReason);
  }

  /** {@return the failure reason exactly as the server sent it, or null if there was none} */
  public String rawFailureReason() {
    return rawFailureReason;
  }

  /**
   * {@return every attribute of the failure reason's element, for example {@code parameter} and
   * {@code error} of {@code <parameterError parameter="uri" error="invalidValue"/>}; empty if none}
   */
  public Map<String, String> failureAttributes() {
    return failureAttributes;
  }

  /** {@return the {@code parameter} attribute: which request parameter the server refused} */
  public Optional<String> findParameter() {
    return Optional.ofNullable(failureAttributes.get("parameter"));
  }

  /**
   * {@return the {@code error} attribute: why the parameter was refused, for example {@code
   * invalidValue}}
   */
  public Optional<String> findError() {
    return Optional.ofNullable(failureAttributes.get("error"));
  }

  /** {@return the request that failed} */
  public CmsRequest request() {
    return request;
  }
}
