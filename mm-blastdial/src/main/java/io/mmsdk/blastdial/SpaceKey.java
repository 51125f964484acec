package io.mmsdk.blastdial;

import static java.util.Objects.requireNonNull;

/**
 * Identifies a space (CMS coSpace) on a cluster.
 *
 * @param clusterId the cluster's identifier in the host application's cluster registry
 * @param spaceId the coSpace id on that cluster
 */
public record SpaceKey(String clusterId, String spaceId) {
  /**
   * Checks the arguments.
   *
   * @param clusterId the cluster's identifier in the host application's cluster registry
   * @param spaceId the coSpace id on that cluster
   */
  public SpaceKey {
    requireNonNull(clusterId, "clusterId == null");
    requireNonNull(spaceId, "spaceId == null");
    if (clusterId.isBlank() || spaceId.isBlank()) {
      throw new IllegalArgumentException(
          "clusterId and spaceId must not be blank, were '" + clusterId + "' and '" + spaceId + "'");
    }
  }

  /**
   * {@return the key of {@code spaceId} on {@code clusterId}}
   *
   * @param clusterId the cluster's identifier in the host application's cluster registry
   * @param spaceId the coSpace id on that cluster
   */
  public static SpaceKey of(String clusterId, String spaceId) {
    return new SpaceKey(clusterId, spaceId);
  }
}
