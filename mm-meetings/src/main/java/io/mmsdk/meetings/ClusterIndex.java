package io.mmsdk.meetings;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;

/**
 * An index of the tracker's meetings or legs by cluster and id: nested maps, so a lookup builds no
 * {@code cluster|id} key and an entry keeps the id's own string, not a concatenated copy of it.
 * Not thread-safe: guarded by the {@link MeetingTracker}'s lock.
 *
 * @param <V> what is indexed
 */
final class ClusterIndex<V> {
  private final Map<String, Map<String, V>> byCluster = new HashMap<>();

  /** {@return what is indexed under {@code id} in {@code cluster}, or null} */
  V get(String cluster, String id) {
    Map<String, V> ofCluster = byCluster.get(cluster);
    return ofCluster == null ? null : ofCluster.get(id);
  }

  /** Indexes {@code value} under {@code id} in {@code cluster}. */
  void put(String cluster, String id, V value) {
    byCluster.computeIfAbsent(cluster, k -> new HashMap<>()).put(id, value);
  }

  /** Drops what is indexed under {@code id} in {@code cluster}. */
  void remove(String cluster, String id) {
    Map<String, V> ofCluster = byCluster.get(cluster);
    if (ofCluster != null && ofCluster.remove(id) != null && ofCluster.isEmpty()) {
      byCluster.remove(cluster);
    }
  }

  /** Drops {@code id} in {@code cluster} if it indexes {@code value}. */
  void remove(String cluster, String id, V value) {
    Map<String, V> ofCluster = byCluster.get(cluster);
    if (ofCluster != null && ofCluster.remove(id, value) && ofCluster.isEmpty()) {
      byCluster.remove(cluster);
    }
  }

  /** Drops every entry, of every cluster, that {@code drop} selects. */
  void removeIf(Predicate<V> drop) {
    byCluster.values().removeIf(ofCluster -> {
      ofCluster.values().removeIf(drop);
      return ofCluster.isEmpty();
    });
  }

  /** Indexes {@code to} wherever {@code from} is indexed in {@code cluster}. */
  void replaceValue(String cluster, V from, V to) {
    Map<String, V> ofCluster = byCluster.get(cluster);
    if (ofCluster != null) {
      ofCluster.replaceAll((k, v) -> v == from ? to : v);
    }
  }

  /** Drops every entry of {@code cluster} that indexes {@code value}. */
  void removeValue(String cluster, V value) {
    Map<String, V> ofCluster = byCluster.get(cluster);
    if (ofCluster != null && ofCluster.values().removeIf(v -> v == value)
        && ofCluster.isEmpty()) {
      byCluster.remove(cluster);
    }
  }
}
