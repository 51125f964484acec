package io.mmsdk.core.cluster;

import java.util.Objects;

/**
 * A Call Bridge of a cluster that one of its registered bridges lists in {@code /callBridges} but
 * that is not registered yet (seed ch. 7: "the other Call Bridges ... in the cluster are
 * auto-discovered and displayed below so you can easily add them"). Add it with {@link
 * ClusterRegistry#addCallBridge} after entering its API address, credentials and trust: CMS lists
 * only the cluster's own address for each peer, not the API user.
 *
 * @param cmsId the id of its {@code /callBridges} entry
 * @param name its unique name within the CMS cluster
 * @param peerAddress the address CMS lists for it, e.g. {@code https://10.0.0.2:8443}
 * @param suggestedHost the host of {@code peerAddress}, a starting point for its API address
 * @param sipDomain its SIP domain, or empty
 */
public record DiscoveredCallBridge(
    String cmsId, String name, String peerAddress, String suggestedHost, String sipDomain) {

  /**
   * Checks that no component is null.
   *
   * @param cmsId the id of its {@code /callBridges} entry
   * @param name its unique name within the CMS cluster
   * @param peerAddress the address CMS lists for it, e.g. {@code https://10.0.0.2:8443}
   * @param suggestedHost the host of {@code peerAddress}, a starting point for its API address
   * @param sipDomain its SIP domain, or empty
   * @throws NullPointerException if {@code cmsId}, {@code name}, {@code peerAddress}, {@code
   *     suggestedHost} or {@code sipDomain} is null
   */
  public DiscoveredCallBridge {
    Objects.requireNonNull(cmsId, "cmsId == null");
    Objects.requireNonNull(name, "name == null");
    Objects.requireNonNull(peerAddress, "peerAddress == null");
    Objects.requireNonNull(suggestedHost, "suggestedHost == null");
    Objects.requireNonNull(sipDomain, "sipDomain == null");
  }
}
