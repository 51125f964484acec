package io.mmsdk.cms;

/** Single-object nodes that are read with {@link CmsClient#read(SystemResource)}. */
public enum SystemResource {
  /** {@code GET /system/status}: version, uptime, call leg counters. */
  STATUS("system/status"),
  /** {@code GET /system/licensing}: license file features of this server. */
  LICENSING("system/licensing"),
  /** {@code GET /system/multipartyLicensing}: current multiparty license use. */
  MULTIPARTY_LICENSING("system/multipartyLicensing"),
  /** {@code GET /clusterLicensing} (3.0+): cluster license status and expiry per feature. */
  CLUSTER_LICENSING("clusterLicensing"),
  /** {@code GET /system/profiles}: the top-level profiles. */
  PROFILES("system/profiles"),
  /** {@code GET /system/database}: database cluster state. */
  DATABASE("system/database");

  private final String path;

  SystemResource(String path) {
    this.path = path;
  }

  /** {@return the path under {@code /api/v1}} */
  public String path() {
    return path;
  }
}
