package io.mmsdk.licensing;

/**
 * The license status levels of chapter 19. Meetings and recording or streaming use every level but
 * {@code LICENSED}; customization uses {@code LICENSED}, {@code UNLICENSED} and {@code
 * OUT_OF_COMPLIANCE}.
 */
public enum ComplianceStatus {
  /** Customization only: the deployment has a customization license (or a trial). */
  LICENSED("Licensed"),
  /** Used 80 % or less of the allocated licenses on every day of the last 90. */
  IN_COMPLIANCE("In compliance"),
  /** No licenses allocated (blank or 0), or for customization: no license. */
  UNLICENSED("Unlicensed"),
  /** More than 80 % but not more than 100 % of the allocated licenses used. */
  OVER_80_PERCENT("Over 80% threshold"),
  /** More licenses used than allocated on 1 to 14 of the last 90 days. */
  INSUFFICIENT_LICENSES("Insufficient licenses"),
  /**
   * More licenses used than allocated on 15 or more of the last 90 days; for customization:
   * turned on without a license.
   */
  OUT_OF_COMPLIANCE("Out of compliance");

  private final String label;

  ComplianceStatus(String label) {
    this.label = label;
  }

  /** {@return the label the Licenses page shows, for example {@code "Over 80% threshold"}} */
  public String label() {
    return label;
  }
}
