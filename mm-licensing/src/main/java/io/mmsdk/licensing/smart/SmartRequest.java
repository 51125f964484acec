package io.mmsdk.licensing.smart;

import java.util.Objects;

/**
 * One request to the Smart Software Manager (through the Smart Agent).
 *
 * @param kind what is asked
 * @param secret the registration token or a reservation code; never shown by {@link #toString()}
 * @param force for {@link Kind#REGISTER}: register even if this instance is already registered
 */
public record SmartRequest(Kind kind, String secret, boolean force) {

  /**
   * Checks the arguments; {@code secret} is empty for kinds that carry none.
   *
   * @param kind what is asked
   * @param secret the registration token or a reservation code; never shown by {@link #toString()}
   * @param force for {@link Kind#REGISTER}: register even if this instance is already registered
   */
  public SmartRequest {
    Objects.requireNonNull(kind, "kind == null");
    Objects.requireNonNull(secret, "secret == null");
  }

  @Override
  public String toString() {
    return "SmartRequest[kind=" + kind + ", secret=" + (secret.isEmpty() ? "" : "<redacted>")
        + ", force=" + force + "]";
  }

  /** The kinds of request. */
  public enum Kind {
    /** Register with a token from the Smart Account. */
    REGISTER,
    /** Renew the authorization (daily at 00:00 UTC, or on demand). */
    RENEW_AUTHORIZATION,
    /** Renew the registration (every 6 months, or on demand). */
    RENEW_REGISTRATION,
    /** Deregister this instance. */
    DEREGISTER,
    /** Generate a Reservation Request Code (SLR/PLR). */
    RESERVATION_REQUEST,
    /** Cancel a pending reservation request. */
    CANCEL_RESERVATION_REQUEST,
    /** Install a Reservation Authorization Code; on an update the reply carries a confirmation code. */
    INSTALL_AUTHORIZATION_CODE,
    /** Generate a Reservation Return Code, returning the reserved licenses. */
    RESERVATION_RETURN
  }
}
