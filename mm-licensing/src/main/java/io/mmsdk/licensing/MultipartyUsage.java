package io.mmsdk.licensing;

import java.time.Instant;
import java.util.Objects;

/**
 * One Call Bridge's instantaneous multiparty license use ({@code /system/multipartyLicensing}).
 * Summing {@link #weightedCallsWithoutPersonalLicense()} over a cluster's bridges gives the number
 * of distinct calls that need an SMP Plus license right now.
 *
 * @param timestamp when the Call Bridge generated the report (UTC)
 * @param callsActive active calls
 * @param weightedCallsActive active calls weighted over the bridges they span
 * @param callsWithoutPersonalLicense active calls without a personal license
 * @param weightedCallsWithoutPersonalLicense the same, weighted
 * @param participantsActive active participants
 * @param personalLicenses personal licenses assigned to users
 */
public record MultipartyUsage(
    Instant timestamp,
    long callsActive,
    double weightedCallsActive,
    long callsWithoutPersonalLicense,
    double weightedCallsWithoutPersonalLicense,
    long participantsActive,
    long personalLicenses) {

  /**
   * Checks the timestamp.
   *
   * @param timestamp when the Call Bridge generated the report (UTC)
   * @param callsActive active calls
   * @param weightedCallsActive active calls weighted over the bridges they span
   * @param callsWithoutPersonalLicense active calls without a personal license
   * @param weightedCallsWithoutPersonalLicense the same, weighted
   * @param participantsActive active participants
   * @param personalLicenses personal licenses assigned to users
   */
  public MultipartyUsage {
    Objects.requireNonNull(timestamp, "timestamp == null");
  }
}
