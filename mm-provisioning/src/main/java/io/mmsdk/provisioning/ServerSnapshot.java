package io.mmsdk.provisioning;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every provisioning object read from a cluster at one moment, foreign ones included.
 *
 * @param objects objects by type
 * @param readAt when the read finished
 */
public record ServerSnapshot(Map<CmsKind, List<ServerObject>> objects, Instant readAt) {

  /** Copies {@code objects}; missing types are empty. */
  public ServerSnapshot {
    Map<CmsKind, List<ServerObject>> copy = new EnumMap<>(CmsKind.class);
    for (CmsKind k : CmsKind.values()) {
      List<ServerObject> list = objects.get(k);
      copy.put(k, list == null ? List.of() : List.copyOf(list));
    }
    objects = java.util.Collections.unmodifiableMap(copy);
  }

  /** Returns the objects of {@code kind}. */
  public List<ServerObject> of(CmsKind kind) {
    return objects.get(kind);
  }

  /** Returns the object of {@code kind} with {@code id}, if present. */
  public Optional<ServerObject> find(CmsKind kind, String id) {
    return objects.get(kind).stream().filter(o -> o.id().equals(id)).findFirst();
  }

  /** Reads every provisioning object through {@code gateway}. */
  public static ServerSnapshot read(CmsGateway gateway, Instant readAt) {
    Map<CmsKind, List<ServerObject>> map = new EnumMap<>(CmsKind.class);
    for (CmsKind k : CmsKind.values()) {
      if (k == CmsKind.ACCESS_METHOD_TEMPLATE) {
        continue;
      }
      map.put(k, gateway.list(k, null));
    }
    List<ServerObject> methods = new java.util.ArrayList<>();
    for (ServerObject t : map.get(CmsKind.CO_SPACE_TEMPLATE)) {
      methods.addAll(gateway.list(CmsKind.ACCESS_METHOD_TEMPLATE, t.id()));
    }
    map.put(CmsKind.ACCESS_METHOD_TEMPLATE, methods);
    return new ServerSnapshot(map, readAt);
  }
}
