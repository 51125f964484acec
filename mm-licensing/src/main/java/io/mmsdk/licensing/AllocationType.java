package io.mmsdk.licensing;

/**
 * A license type an administrator allocates a number of licenses for, and the usage that counts
 * against it.
 */
public enum AllocationType {
  /** Personal Multiparty Plus: counts {@link LicenseType#PMP}. Part of {@link Feature#MEETINGS}. */
  PMP("pmp"),
  /**
   * Shared Multiparty Plus: counts the sum of {@link LicenseType#SMP_AUDIO_ONLY}, {@link
   * LicenseType#SMP_POINT_TO_POINT} and {@link LicenseType#SMP_FULL}. Part of {@link
   * Feature#MEETINGS}.
   */
  SMP("smp"),
  /**
   * Recording or streaming: counts the sum of {@link LicenseType#RECORDING} and {@link
   * LicenseType#STREAMING}. The whole of {@link Feature#RECORDING_OR_STREAMING}.
   */
  RECORDING_OR_STREAMING("recording_or_streaming");

  private final String columnName;

  AllocationType(String columnName) {
    this.columnName = columnName;
  }

  /** {@return the column name used in the CSV files of {@code license-data.zip}} */
  public String columnName() {
    return columnName;
  }

  /** {@return the feature whose compliance this license type decides} */
  public Feature feature() {
    return this == RECORDING_OR_STREAMING ? Feature.RECORDING_OR_STREAMING : Feature.MEETINGS;
  }

  /**
   * {@return the usage that counts against this license type in {@code values}}
   *
   * @param values one interval's usage per license type
   */
  public double usageOf(UsageValues values) {
    switch (this) {
      case PMP:
        return values.pmp();
      case SMP:
        return values.smpAudioOnly() + values.smpPointToPoint() + values.smpFull();
      default:
        return values.recording() + values.streaming();
    }
  }
}
