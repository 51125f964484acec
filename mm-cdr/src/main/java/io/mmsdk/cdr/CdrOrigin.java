package io.mmsdk.cdr;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where a batch came from: the tags in the receiver URI's query string, which identify the
 * cluster. The Call Bridge sends the query string exactly as configured, so registering
 * {@code http://host:port/cdr?cluster=london} on every Call Bridge of cluster {@code london} tags
 * all their batches. The {@code token} parameter is never part of the tags.
 *
 * @param clusterId the value of the {@code cluster} tag, or the empty string if absent
 * @param tags every query parameter except {@code token}, in order
 */
public record CdrOrigin(String clusterId, Map<String, String> tags) {

  /** The query parameter that names the cluster. */
  public static final String CLUSTER_TAG = "cluster";

  /**
   * Checks and copies the components.
   *
   * @param clusterId the value of the {@code cluster} tag, or the empty string if absent
   * @param tags every query parameter except {@code token}, in order
   */
  public CdrOrigin {
    requireNonNull(clusterId, "clusterId == null");
    tags = Collections.unmodifiableMap(new LinkedHashMap<>(tags));
  }

  /**
   * {@return an origin for {@code clusterId} with just the cluster tag}
   *
   * @param clusterId the cluster's id, stored as the {@code cluster} tag; not null
   */
  public static CdrOrigin ofCluster(String clusterId) {
    requireNonNull(clusterId, "clusterId == null");
    return new CdrOrigin(clusterId, Map.of(CLUSTER_TAG, clusterId));
  }

  /**
   * {@return an origin from already decoded tags; the cluster id is the {@code cluster} tag}
   *
   * @param tags the decoded query parameters, without {@code token}, in order; not null
   */
  public static CdrOrigin ofTags(Map<String, String> tags) {
    requireNonNull(tags, "tags == null");
    return new CdrOrigin(tags.getOrDefault(CLUSTER_TAG, ""), tags);
  }
}
