package io.mmsdk.licensing.smart;

import io.mmsdk.licensing.UsageReport;
import java.util.Objects;
import java.util.Optional;

/**
 * One request to the Smart Software Manager (through the Smart Agent).
 *
 * @param kind what is asked
 * @param secret the registration token or a reservation code; never shown by {@link #toString()}
 * @param force for {@link Kind#REGISTER}: register even if this instance is already registered
 * @param usageReport for {@link Kind#USAGE_REPORT}: the report; {@code null} for other kinds
 */
public record SmartRequest(Kind kind, String secret, boolean force, UsageReport usageReport) {

  /**
   * Checks the arguments; {@code secret} is empty for kinds that carry none.
   *
   * @param kind what is asked
   * @param secret the registration token or a reservation code; never shown by {@link #toString()}
   * @param force for {@link Kind#REGISTER}: register even if this instance is already registered
   * @param usageReport for {@link Kind#USAGE_REPORT}: the report; {@code null} for other kinds
   */
  public SmartRequest {
    Objects.requireNonNull(kind, "kind == null");
    Objects.requireNonNull(secret, "secret == null");
    if ((kind == Kind.USAGE_REPORT) != (usageReport != null)) {
      throw new IllegalArgumentException(
          "a usage report goes with kind USAGE_REPORT and only with it; got kind " + kind);
    }
  }

  /**
   * Returns a request of {@code kind} that carries no usage report.
   *
   * @param kind what is asked; not {@link Kind#USAGE_REPORT}
   * @param secret the registration token or a reservation code, or empty
   * @param force for {@link Kind#REGISTER}: register even if this instance is already registered
   */
  public SmartRequest(Kind kind, String secret, boolean force) {
    this(kind, secret, force, null);
  }

  /**
   * {@return the daily usage report request for {@code report}}
   *
   * @param report the day's report; not null
   */
  public static SmartRequest usageReport(UsageReport report) {
    return new SmartRequest(Kind.USAGE_REPORT, "", false,
        Objects.requireNonNull(report, "report == null"));
  }

  /** {@return the usage report of a {@link Kind#USAGE_REPORT} request} */
  public Optional<UsageReport> findUsageReport() {
    return Optional.ofNullable(usageReport);
  }

  @Override
  public String toString() {
    return "SmartRequest[kind=" + kind + ", secret=" + (secret.isEmpty() ? "" : "<redacted>")
        + ", force=" + force + (usageReport == null ? "" : ", usageReport=" + usageReport) + "]";
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
    /**
     * Install a Reservation Authorization Code; on an update the reply carries a confirmation code.
     */
    INSTALL_AUTHORIZATION_CODE,
    /** Generate a Reservation Return Code, returning the reserved licenses. */
    RESERVATION_RETURN,
    /** Send the daily usage report; Cisco SSM answers whether the deployment is in compliance. */
    USAGE_REPORT
  }
}
