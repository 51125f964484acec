package io.mmsdk.licensing;

/** The licensing mode of this instance (section 21.6). */
public enum LicensingMode {
  /** Smart Licensing: this instance computes compliance and reports to Cisco SSM. */
  SMART,
  /**
   * No licensing: the second instance of a resilient pair, whose partner does the licensing. No
   * status is computed and no usage is collected, so usage is never counted twice.
   */
  NO_LICENSING
}
