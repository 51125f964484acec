package io.mmsdk.licensing;

import java.time.Instant;
import java.util.Objects;

/**
 * One host-reported usage snapshot: what one Call Bridge reported in one {@code MPLicenseUsage}
 * entry. Host ids are the CMS {@code hostId} values, unique across clusters.
 *
 * @param hostId the Call Bridge host id, not blank
 * @param time the UTC time the snapshot was generated
 * @param values the usage per license type
 */
public record UsageSample(String hostId, Instant time, UsageValues values) {

  /**
   * Checks the arguments.
   *
   * @param hostId the Call Bridge host id, not blank
   * @param time the UTC time the snapshot was generated
   * @param values the usage per license type
   */
  public UsageSample {
    Objects.requireNonNull(hostId, "hostId == null");
    Objects.requireNonNull(time, "time == null");
    Objects.requireNonNull(values, "values == null");
    if (hostId.isBlank() || hostId.indexOf(',') >= 0 || hostId.indexOf('\n') >= 0) {
      throw new IllegalArgumentException(
          "hostId must be a non-blank CMS host id without commas or line breaks; got '"
              + hostId + "'");
    }
  }
}
