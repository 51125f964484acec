package io.mmsdk.core.cluster;

import io.mmsdk.core.internal.Props;
import io.mmsdk.core.internal.TrustProps;
import java.util.ArrayList;
import java.util.List;

/**
 * Converts clusters to and from the key=value text documents that the {@link
 * ClusterStore#file(java.nio.file.Path) file store} writes and backups embed. The documents hold
 * the Call Bridges' API passwords: protect what you write.
 */
public final class ClusterCodec {
  private ClusterCodec() {}

  /**
   * Encodes {@code clusters}, API passwords included.
   *
   * @param clusters the clusters, in order
   * @return the document's bytes (UTF-8)
   */
  public static byte[] encode(List<Cluster> clusters) {
    return document(clusters).toBytes();
  }

  /**
   * Decodes what {@link #encode} wrote; an empty document is no clusters.
   *
   * @param document the document's bytes
   * @return the clusters, in order
   * @throws ClusterException if the document is damaged
   */
  public static List<Cluster> decode(byte[] document) {
    try {
      return decode(Props.parse(document));
    } catch (IllegalArgumentException e) {
      throw new ClusterException("Cluster data is damaged: " + e.getMessage()
          + ". Use a document written by ClusterCodec or restore a backup.", e);
    }
  }

  private static Props document(List<Cluster> clusters) {
    Props p = Props.create().put("version", 1).put("clusters", clusters.size());
    for (int i = 0; i < clusters.size(); i++) {
      Cluster c = clusters.get(i);
      String k = "cluster." + i;
      p.put(k + ".id", c.id()).put(k + ".name", c.name()).put(k + ".manageMeetings", c.manageMeetings());
      p.put(k + ".bridges", c.callBridges().size());
      for (int j = 0; j < c.callBridges().size(); j++) {
        CallBridge b = c.callBridges().get(j);
        String bk = k + ".bridge." + j;
        p.put(bk + ".id", b.id())
            .put(bk + ".name", b.name())
            .put(bk + ".address", b.address().authority())
            .put(bk + ".username", b.credentials().username())
            .put(bk + ".password", b.credentials().password());
        TrustProps.put(p, bk + ".trust", b.trust());
      }
    }
    return p;
  }

  static List<Cluster> decode(Props p) {
    if (p.isEmpty()) {
      return List.of();
    }
    int version = p.getInt("version", -1);
    if (version != 1) {
      throw new IllegalArgumentException("unsupported cluster data version " + version + " (expected 1)");
    }
    int n = p.getInt("clusters", 0);
    List<Cluster> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      String k = "cluster." + i;
      Cluster.Builder cb =
          Cluster.builder().id(p.require(k + ".id")).name(p.require(k + ".name"))
              .manageMeetings(p.getBoolean(k + ".manageMeetings", true));
      int m = p.getInt(k + ".bridges", 0);
      for (int j = 0; j < m; j++) {
        String bk = k + ".bridge." + j;
        cb.addCallBridge(
            CallBridge.builder()
                .id(p.require(bk + ".id"))
                .name(p.require(bk + ".name"))
                .address(p.require(bk + ".address"))
                .credentials(p.require(bk + ".username"), p.require(bk + ".password"))
                .trust(TrustProps.get(p, bk + ".trust", "Call Bridge '" + p.require(bk + ".name") + "'"))
                .build());
      }
      out.add(cb.build());
    }
    return out;
  }
}
