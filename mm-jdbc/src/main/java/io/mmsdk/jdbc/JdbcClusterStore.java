package io.mmsdk.jdbc;

import io.mmsdk.common.tls.TlsTrust;
import io.mmsdk.core.cluster.CallBridge;
import io.mmsdk.core.cluster.Cluster;
import io.mmsdk.core.cluster.ClusterException;
import io.mmsdk.core.cluster.ClusterStore;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@link ClusterStore} on a {@link JdbcDatabase}, per scope: one row per cluster ({@code
 * mm_cluster}) and per Call Bridge ({@code mm_call_bridge}, with its address and trust settings),
 * in order, and the bridges' API user names and passwords in {@code mm_call_bridge_credential},
 * a table of their own so that a reporting user can be granted the others without the secrets.
 * The file store protects the passwords with an owner-only file; here the database's access
 * control does ({@link JdbcDatabase#sqlite} creates its file owner-only). No message of this store
 * shows a password. The holder row {@code mm_cluster_state} counts the saves; see {@link
 * WholeStateStore} for how loads and saves stay whole.
 */
final class JdbcClusterStore extends WholeStateStore implements ClusterStore {
  static final String STORE = "clusters";
  static final int VERSION = 1;

  JdbcClusterStore(JdbcDatabase db, String scope) {
    super(db, scope, STORE, VERSION, "mm_cluster_state", "the clusters");
  }

  @Override
  RuntimeException failure(String message, Throwable cause) {
    return new ClusterException(message, cause);
  }

  @Override
  public List<Cluster> load() {
    return readState((c, saved) -> {
      if (!saved) {
        return List.of();
      }
      try {
        return read(c);
      } catch (IllegalArgumentException | ClusterException e) {
        throw damaged(e.getMessage(), e);
      }
    });
  }

  private List<Cluster> read(Connection c) throws SQLException {
    Map<String, String[]> credentials = new HashMap<>();
    try (PreparedStatement p = select(c, "cluster_id, bridge_id, username, password",
        "mm_call_bridge_credential", ""); ResultSet rs = p.executeQuery()) {
      while (rs.next()) {
        credentials.put(rs.getString("cluster_id") + "\n" + rs.getString("bridge_id"),
            new String[] {rs.getString("username"), rs.getString("password")});
      }
    }
    Map<String, List<CallBridge>> bridges = new HashMap<>();
    try (PreparedStatement p = select(c, "cluster_id, bridge_id, name, address, trust_pem,"
        + " trust_pem_file, check_revocation, insecure", "mm_call_bridge",
        "position"); ResultSet rs = p.executeQuery()) {
      while (rs.next()) {
        String cluster = rs.getString("cluster_id");
        String bridge = rs.getString("bridge_id");
        String[] user = credentials.get(cluster + "\n" + bridge);
        if (user == null) {
          throw new IllegalArgumentException("Call Bridge " + bridge + " of cluster " + cluster
              + " has no row in mm_call_bridge_credential");
        }
        String pemFile = rs.getString("trust_pem_file");
        TlsTrust trust = TlsTrust.restore(rs.getString("trust_pem"),
            pemFile == null ? null : Path.of(pemFile), flag(rs, "check_revocation"), flag(rs, "insecure"));
        bridges.computeIfAbsent(cluster, k -> new ArrayList<>()).add(CallBridge.builder()
            .id(bridge).name(rs.getString("name")).address(rs.getString("address"))
            .credentials(user[0], user[1]).trust(trust).build());
      }
    }
    Map<String, Cluster> clusters = new LinkedHashMap<>();
    try (PreparedStatement p = select(c, "cluster_id, name, manage_meetings", "mm_cluster",
        "position"); ResultSet rs = p.executeQuery()) {
      while (rs.next()) {
        String id = rs.getString("cluster_id");
        clusters.put(id, Cluster.builder().id(id).name(rs.getString("name"))
            .manageMeetings(flag(rs, "manage_meetings"))
            .callBridges(bridges.getOrDefault(id, List.of())).build());
      }
    }
    bridges.keySet().removeAll(clusters.keySet());
    if (!bridges.isEmpty()) {
      throw new IllegalArgumentException("Call Bridges of clusters " + bridges.keySet()
          + " that have no row in mm_cluster");
    }
    return List.copyOf(clusters.values());
  }

  @Override
  public void save(List<Cluster> clusters) {
    List<Cluster> all = List.copyOf(Objects.requireNonNull(clusters, "clusters == null"));
    writeState(c -> {
      deleteParts(c, "mm_call_bridge_credential", "mm_call_bridge", "mm_cluster");
      try (PreparedStatement cp = insert(c, "mm_cluster", "cluster_id", "position", "name",
          "manage_meetings");
          PreparedStatement bp = insert(c, "mm_call_bridge", "cluster_id", "bridge_id", "position",
              "name", "address", "trust_pem", "trust_pem_file", "check_revocation",
              "insecure");
          PreparedStatement up = insert(c, "mm_call_bridge_credential", "cluster_id", "bridge_id",
              "username", "password")) {
        int position = 0;
        for (Cluster cluster : all) {
          cp.setString(2, cluster.id());
          cp.setInt(3, position++);
          cp.setString(4, cluster.name());
          cp.setInt(5, cluster.manageMeetings() ? 1 : 0);
          cp.executeUpdate();
          int bridgePosition = 0;
          for (CallBridge b : cluster.callBridges()) {
            TlsTrust t = b.trust();
            bp.setString(2, cluster.id());
            bp.setString(3, b.id());
            bp.setInt(4, bridgePosition++);
            bp.setString(5, b.name());
            bp.setString(6, b.address().authority());
            bp.setString(7, t.findPem().orElse(null));
            bp.setString(8, t.findPemFile().map(Path::toString).orElse(null));
            bp.setInt(9, t.checksRevocation() ? 1 : 0);
            bp.setInt(10, t.isInsecure() ? 1 : 0);
            bp.executeUpdate();
            up.setString(2, cluster.id());
            up.setString(3, b.id());
            up.setString(4, b.credentials().username());
            up.setString(5, b.credentials().password());
            up.executeUpdate();
          }
        }
      }
    });
  }
}
