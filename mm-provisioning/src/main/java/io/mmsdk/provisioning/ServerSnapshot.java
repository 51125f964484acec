package io.mmsdk.provisioning;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every provisioning object read from a cluster at one moment, foreign ones included. Immutable;
 * lookups by id are constant time, so planning stays linear in the number of objects.
 */
public final class ServerSnapshot {

  private final Map<CmsKind, List<ServerObject>> objects;
  private final Map<CmsKind, Map<String, ServerObject>> byId = new EnumMap<>(CmsKind.class);
  private final Instant readAt;

  /**
   * Creates a snapshot from objects by type (missing types are empty) read at {@code readAt}.
   *
   * @param objects the objects read, by type; copied, not null
   * @param readAt when they were read
   */
  public ServerSnapshot(Map<CmsKind, List<ServerObject>> objects, Instant readAt) {
    Map<CmsKind, List<ServerObject>> copy = new EnumMap<>(CmsKind.class);
    for (CmsKind k : CmsKind.values()) {
      List<ServerObject> list = objects.get(k);
      copy.put(k, list == null ? List.of() : List.copyOf(list));
      Map<String, ServerObject> index = new HashMap<>();
      copy.get(k).forEach(o -> index.put(o.id(), o));
      byId.put(k, index);
    }
    this.objects = Collections.unmodifiableMap(copy);
    this.readAt = java.util.Objects.requireNonNull(readAt, "readAt == null");
  }

  /** {@return all objects by type} */
  public Map<CmsKind, List<ServerObject>> objects() {
    return objects;
  }

  /** {@return when the read finished} */
  public Instant readAt() {
    return readAt;
  }

  /**
   * {@return the objects of {@code kind}}
   *
   * @param kind the type of object
   */
  public List<ServerObject> of(CmsKind kind) {
    return objects.get(kind);
  }

  /**
   * {@return the object of {@code kind} with {@code id}, if present}
   *
   * @param kind the type of object
   * @param id the object's id
   */
  public Optional<ServerObject> find(CmsKind kind, String id) {
    return Optional.ofNullable(byId.get(kind).get(id));
  }

  /**
   * {@return whether {@code other} holds the same objects (ids, parents and field values) of every
   * type, whatever the order they were listed in and when they were read}
   *
   * @param other the snapshot to compare with; not null
   */
  public boolean sameObjects(ServerSnapshot other) {
    java.util.Objects.requireNonNull(other, "other == null");
    for (CmsKind k : CmsKind.values()) {
      if (!new java.util.HashSet<>(objects.get(k)).equals(new java.util.HashSet<>(other.of(k)))) {
        return false;
      }
    }
    return true;
  }

  /**
   * Reads every provisioning object through {@code gateway}.
   *
   * @param gateway the gateway to read through; not null
   * @param readAt the time to record as the read time
   * @return the objects of every provisioning type
   */
  public static ServerSnapshot read(CmsGateway gateway, Instant readAt) {
    Map<CmsKind, List<ServerObject>> map = new EnumMap<>(CmsKind.class);
    for (CmsKind k : CmsKind.values()) {
      if (k != CmsKind.ACCESS_METHOD_TEMPLATE) {
        map.put(k, gateway.list(k, null));
      }
    }
    List<ServerObject> methods = new ArrayList<>();
    for (ServerObject t : map.get(CmsKind.CO_SPACE_TEMPLATE)) {
      methods.addAll(gateway.list(CmsKind.ACCESS_METHOD_TEMPLATE, t.id()));
    }
    map.put(CmsKind.ACCESS_METHOD_TEMPLATE, methods);
    return new ServerSnapshot(map, readAt);
  }

  @Override
  public String toString() {
    StringBuilder out = new StringBuilder("ServerSnapshot[").append(readAt);
    objects.forEach((k, v) -> out.append(", ").append(k.collection()).append('=').append(v.size()));
    return out.append(']').toString();
  }
}
