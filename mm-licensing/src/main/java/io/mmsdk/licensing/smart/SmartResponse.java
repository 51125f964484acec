package io.mmsdk.licensing.smart;

import java.util.Objects;
import java.util.Optional;

/**
 * The Smart Software Manager's answer.
 *
 * @param accepted true if the request succeeded
 * @param code a code produced by the request (reservation request, confirmation or return code),
 *     or empty
 * @param failureReason why it was refused, or empty when accepted
 * @param reservation for an installed Reservation Authorization Code: what it reserves (the
 *     transport decodes the code); {@code null} otherwise
 */
public record SmartResponse(boolean accepted, String code, String failureReason,
    Reservation reservation) {

  /**
   * Checks the arguments.
   *
   * @param accepted true if the request succeeded
   * @param code a code produced by the request (reservation request, confirmation or return code),
   *     or empty
   * @param failureReason why it was refused, or empty when accepted
   * @param reservation what an installed Reservation Authorization Code reserves, or {@code null}
   */
  public SmartResponse {
    Objects.requireNonNull(code, "code == null");
    Objects.requireNonNull(failureReason, "failureReason == null");
  }

  /**
   * Returns an answer that carries no reservation.
   *
   * @param accepted true if the request succeeded
   * @param code a code the request produced, or empty
   * @param failureReason why it was refused, or empty when accepted
   */
  public SmartResponse(boolean accepted, String code, String failureReason) {
    this(accepted, code, failureReason, null);
  }

  /**
   * {@return the accepted answer to an installed Reservation Authorization Code reserving {@code
   * reservation}; {@code code} is the confirmation code of an update, or empty}
   *
   * @param reservation what the code reserves; not null
   * @param code the Reservation Confirmation Code of an SLR update, or empty
   */
  public static SmartResponse reserved(Reservation reservation, String code) {
    return new SmartResponse(true, Objects.requireNonNull(code, "code == null"), "",
        Objects.requireNonNull(reservation, "reservation == null"));
  }

  /** {@return what an installed authorization code reserves, if this answer carries it} */
  public Optional<Reservation> findReservation() {
    return Optional.ofNullable(reservation);
  }

  /** {@return an accepted answer without a code} */
  public static SmartResponse ok() {
    return new SmartResponse(true, "", "");
  }

  /**
   * {@return an accepted answer carrying {@code code}}
   *
   * @param code a code produced by the request (reservation request, confirmation or return code),
   *     or empty
   */
  public static SmartResponse ok(String code) {
    return new SmartResponse(true, Objects.requireNonNull(code, "code == null"), "");
  }

  /**
   * {@return a refusal with {@code reason}}
   *
   * @param reason why SSM refused, for people; not empty
   */
  public static SmartResponse refused(String reason) {
    return new SmartResponse(false, "", Objects.requireNonNull(reason, "reason == null"));
  }

  @Override
  public String toString() {
    return "SmartResponse[accepted=" + accepted + ", code=" + (code.isEmpty() ? "" : "<redacted>")
        + ", failureReason=" + failureReason
        + (reservation == null ? "" : ", reservation=" + reservation) + "]";
  }
}
