package io.mmsdk.licensing.smart;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What the Licensing settings show under "Smart Software Licensing Status".
 *
 * @param registration the registration status
 * @param authorization the license authorization status
 * @param lastAuthorizationRenewal when authorization was last renewed, or {@code null}
 * @param registeredAt when the current registration was made or renewed, or {@code null}
 * @param confirmationCodePending true after installing an updated reservation until {@link
 *     SmartLicensing#confirmationCodeEntered()}
 * @param reservation what is reserved while "Registered - License Reservation", or {@code null}
 */
public record SmartLicensingStatus(
    Registration registration,
    Authorization authorization,
    Instant lastAuthorizationRenewal,
    Instant registeredAt,
    boolean confirmationCodePending,
    Reservation reservation) {

  /** Not registered, not authorized. */
  public static final SmartLicensingStatus UNREGISTERED = new SmartLicensingStatus(
      Registration.UNREGISTERED, Authorization.NOT_AUTHORIZED, null, null, false);

  /**
   * Checks the enums; only a reserved instance carries a reservation.
   *
   * @param registration the registration status; not null
   * @param authorization the license authorization status; not null
   * @param lastAuthorizationRenewal when authorization was last renewed, or {@code null}
   * @param registeredAt when the current registration was made or renewed, or {@code null}
   * @param confirmationCodePending true while an updated reservation awaits its confirmation code
   * @param reservation what is reserved; non-null only while registered with a license reservation
   * @throws IllegalArgumentException if a reservation goes with another registration status
   */
  public SmartLicensingStatus {
    Objects.requireNonNull(registration, "registration == null");
    Objects.requireNonNull(authorization, "authorization == null");
    if ((registration == Registration.REGISTERED_LICENSE_RESERVATION) != (reservation != null)) {
      throw new IllegalArgumentException("A reservation goes with registration"
          + " REGISTERED_LICENSE_RESERVATION and only with it; got " + registration);
    }
  }

  /**
   * Returns a status without a reservation.
   *
   * @param registration the registration status; not null
   * @param authorization the license authorization status; not null
   * @param lastAuthorizationRenewal when authorization was last renewed, or {@code null}
   * @param registeredAt when the current registration was made or renewed, or {@code null}
   * @param confirmationCodePending true while an updated reservation awaits its confirmation code
   */
  public SmartLicensingStatus(Registration registration, Authorization authorization,
      Instant lastAuthorizationRenewal, Instant registeredAt, boolean confirmationCodePending) {
    this(registration, authorization, lastAuthorizationRenewal, registeredAt,
        confirmationCodePending, null);
  }

  /** {@return the reservation (PLR or SLR with its quantities), if licenses are reserved} */
  public Optional<Reservation> findReservation() {
    return Optional.ofNullable(reservation);
  }

  /** {@return when authorization was last renewed, if ever} */
  public Optional<Instant> findLastAuthorizationRenewal() {
    return Optional.ofNullable(lastAuthorizationRenewal);
  }

  /** {@return when the registration was made or last renewed, if registered} */
  public Optional<Instant> findRegisteredAt() {
    return Optional.ofNullable(registeredAt);
  }

  /** Registration status. */
  public enum Registration {
    /** Not registered (initial state, or after deregistering or returning a reservation). */
    UNREGISTERED,
    /** Registered online with a token. */
    REGISTERED,
    /** A Reservation Request Code was generated; waiting for the authorization code. */
    LICENSE_RESERVATION_PENDING,
    /** "Registered - License Reservation". */
    REGISTERED_LICENSE_RESERVATION
  }

  /** License authorization status. */
  public enum Authorization {
    /** No authorization. */
    NOT_AUTHORIZED,
    /** Authorized online. */
    AUTHORIZED,
    /** "Authorized - Reserved". */
    AUTHORIZED_RESERVED
  }
}
