package io.mmsdk.cms;

import static java.util.Objects.requireNonNull;

import io.mmsdk.cms.core.CmsObject;
import java.time.Duration;

/**
 * The parts of {@code GET /system/status} callers use most, typed. Everything else is in
 * {@link #object()}.
 *
 * @param hostId the Call Bridge host id ("" if absent)
 * @param softwareVersion the parsed software version
 * @param uptime how long the server has been up
 * @param clusterEnabled whether the server is clustered
 * @param object the whole reply
 */
public record SystemStatus(
    String hostId, CmsVersion softwareVersion, Duration uptime, boolean clusterEnabled, CmsObject object) {
  /**
   * Checks the parts.
   *
   * @param hostId the Call Bridge host id ("" if absent)
   * @param softwareVersion the parsed software version
   * @param uptime how long the server has been up
   * @param clusterEnabled whether the server is clustered
   * @param object the whole reply
   */
  public SystemStatus {
    requireNonNull(hostId, "hostId == null");
    requireNonNull(softwareVersion, "softwareVersion == null");
    requireNonNull(uptime, "uptime == null");
    requireNonNull(object, "object == null");
  }

  /**
   * Reads a status object.
   *
   * @param object the whole reply
   * @return the status
   * @throws IllegalArgumentException if {@code softwareVersion} is missing or not a version
   */
  public static SystemStatus of(CmsObject object) {
    String version =
        object.find(CmsFields.SOFTWARE_VERSION)
            .orElseThrow(() -> new IllegalArgumentException("system/status has no <softwareVersion>"));
    return new SystemStatus(
        object.find(CmsFields.HOST_ID).orElse(""),
        CmsVersion.parse(version),
        Duration.ofSeconds(object.find(CmsFields.UPTIME_SECONDS).orElse(0L)),
        object.find(CmsFields.CLUSTER_ENABLED).orElse(false),
        object);
  }
}
