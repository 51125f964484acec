package io.mmsdk.licensing;

/**
 * A usage category as a Call Bridge reports it in {@code /system/MPLicenseUsage}. Each value is a
 * per-host count; the shared-license categories are already normalized by CMS over the number of
 * Call Bridges a call spans, so summing them over hosts gives the cluster total.
 */
public enum LicenseType {
  /** Personal Multiparty Plus licenses in use ({@code pmp}). */
  PMP("pmp", "pmp"),
  /** Shared Multiparty Plus audio-only calls ({@code smpAud}). */
  SMP_AUDIO_ONLY("smpAud", "smp_audio_only"),
  /** Shared Multiparty Plus point-to-point calls that are not audio-only ({@code smpPtP}). */
  SMP_POINT_TO_POINT("smpPtP", "smp_point_to_point"),
  /** Shared Multiparty Plus calls that are neither audio-only nor point-to-point ({@code smpFull}). */
  SMP_FULL("smpFull", "smp_full"),
  /** Calls being recorded ({@code rec}). */
  RECORDING("rec", "recording"),
  /** Calls being streamed ({@code str}). */
  STREAMING("str", "streaming");

  private final String cmsName;
  private final String columnName;

  LicenseType(String cmsName, String columnName) {
    this.cmsName = cmsName;
    this.columnName = columnName;
  }

  /** {@return the element name CMS uses in an {@code MPLicenseUsage} entry, for example {@code smpAud}} */
  public String cmsName() {
    return cmsName;
  }

  /** {@return the column name used in the CSV files of {@code license-data.zip}} */
  public String columnName() {
    return columnName;
  }
}
