package io.mmsdk.licensing.smart;

import java.util.Objects;

/**
 * The Smart Software Manager's answer.
 *
 * @param accepted true if the request succeeded
 * @param code a code produced by the request (reservation request, confirmation or return code),
 *     or empty
 * @param failureReason why it was refused, or empty when accepted
 */
public record SmartResponse(boolean accepted, String code, String failureReason) {

  /**
   * Checks the arguments.
   *
   * @param accepted true if the request succeeded
   * @param code a code produced by the request (reservation request, confirmation or return code), or empty
   * @param failureReason why it was refused, or empty when accepted
   */
  public SmartResponse {
    Objects.requireNonNull(code, "code == null");
    Objects.requireNonNull(failureReason, "failureReason == null");
  }

  /** {@return an accepted answer without a code} */
  public static SmartResponse ok() {
    return new SmartResponse(true, "", "");
  }

  /**
   * {@return an accepted answer carrying {@code code}}
   *
   * @param code a code produced by the request (reservation request, confirmation or return code), or empty
   */
  public static SmartResponse ok(String code) {
    return new SmartResponse(true, Objects.requireNonNull(code, "code == null"), "");
  }

  /** {@return a refusal with {@code reason}} */
  public static SmartResponse refused(String reason) {
    return new SmartResponse(false, "", Objects.requireNonNull(reason, "reason == null"));
  }

  @Override
  public String toString() {
    return "SmartResponse[accepted=" + accepted + ", code=" + (code.isEmpty() ? "" : "<redacted>")
        + ", failureReason=" + failureReason + "]";
  }
}
