package io.mmsdk.provisioning;

import static java.util.Objects.requireNonNull;

import io.mmsdk.cms.core.CmsObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every provisioning object read from a cluster at one moment, foreign ones included, in the
 * client's generic view ({@link CmsObject}: every element by name, which the field-level diff
 * compares). Immutable; lookups by id are constant time, so planning stays linear in the number of
 * objects.
 */
public final class ServerSnapshot {

  private final Map<CmsKind, List<CmsObject>> objects;
  private final Map<CmsKind, Map<String, CmsObject>> byId = new EnumMap<>(CmsKind.class);
  private final Map<String, String> parents;
  private final Instant readAt;

  /**
   * Creates a snapshot.
   *
   * @param objects the objects by type (missing types are empty)
   * @param parents the parent coSpaceTemplate id of each access method template, by its id
   * @param readAt when the read finished
   */
  public ServerSnapshot(Map<CmsKind, List<CmsObject>> objects, Map<String, String> parents,
      Instant readAt) {
    Map<CmsKind, List<CmsObject>> copy = new EnumMap<>(CmsKind.class);
    for (CmsKind k : CmsKind.values()) {
      List<CmsObject> list = objects.get(k);
      copy.put(k, list == null ? List.of() : List.copyOf(list));
      Map<String, CmsObject> index = new HashMap<>();
      copy.get(k).forEach(o -> index.put(o.id(), o));
      byId.put(k, index);
    }
    this.objects = Collections.unmodifiableMap(copy);
    this.parents = Map.copyOf(parents);
    this.readAt = requireNonNull(readAt, "readAt == null");
  }

  /** {@return all objects by type} */
  public Map<CmsKind, List<CmsObject>> objects() {
    return objects;
  }

  /** {@return when the read finished} */
  public Instant readAt() {
    return readAt;
  }

  /**
   * {@return the objects of {@code kind}, as read (empty if none)}
   *
   * @param kind the type of object
   */
  public List<CmsObject> of(CmsKind kind) {
    return objects.get(kind);
  }

  /**
   * {@return the object of {@code kind} with {@code id}, if present}
   *
   * @param kind the type of object
   * @param id the object's CMS id
   */
  public Optional<CmsObject> find(CmsKind kind, String id) {
    return Optional.ofNullable(byId.get(kind).get(id));
  }

  /**
   * {@return the coSpaceTemplate id the access method template {@code id} belongs to, if any}
   *
   * @param id the access method template's CMS id; not null
   */
  public Optional<String> findParentId(String id) {
    return Optional.ofNullable(parents.get(requireNonNull(id, "id == null")));
  }

  /** The parent id of {@code o} of {@code kind}, or null for kinds without a parent. */
  String parentIdOf(CmsKind kind, CmsObject o) {
    return kind.hasParent() ? parents.get(o.id()) : null;
  }

  /**
   * {@return whether {@code other} holds the same objects (ids, parents and field values) of every
   * type, whatever the order they were listed in and when they were read}
   *
   * @param other the snapshot to compare with; not null
   */
  public boolean sameObjects(ServerSnapshot other) {
    requireNonNull(other, "other == null");
    for (CmsKind k : CmsKind.values()) {
      if (!new HashSet<>(objects.get(k)).equals(new HashSet<>(other.of(k)))) {
        return false;
      }
    }
    return parents.equals(other.parents);
  }

  /**
   * Reads every provisioning object through {@code gateway}.
   *
   * @param gateway the gateway to read through; not null
   * @param readAt the time to record as the read time
   * @return the objects of every provisioning type
   */
  public static ServerSnapshot read(CmsGateway gateway, Instant readAt) {
    Map<CmsKind, List<CmsObject>> map = new EnumMap<>(CmsKind.class);
    for (CmsKind k : CmsKind.values()) {
      if (!k.hasParent()) {
        map.put(k, gateway.list(k, null));
      }
    }
    List<CmsObject> methods = new ArrayList<>();
    Map<String, String> parents = new HashMap<>();
    for (CmsObject t : map.get(CmsKind.CO_SPACE_TEMPLATE)) {
      for (CmsObject m : gateway.list(CmsKind.ACCESS_METHOD_TEMPLATE, t.id())) {
        methods.add(m);
        parents.put(m.id(), t.id());
      }
    }
    map.put(CmsKind.ACCESS_METHOD_TEMPLATE, methods);
    return new ServerSnapshot(map, parents, readAt);
  }

  @Override
  public String toString() {
    StringBuilder out = new StringBuilder("ServerSnapshot[").append(readAt);
    objects.forEach((k, v) -> out.append(", ").append(k.collection()).append('=').append(v.size()));
    return out.append(']').toString();
  }
}
