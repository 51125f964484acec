package io.mmsdk.testkit.internal;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Not API. One generic object store for every configuration collection, applying the rules in
 * {@link CollectionSpec}. Not thread-safe; callers hold the cluster lock.
 *
 * <p>Sized for clusters of hundreds of thousands of objects: each collection (and each parent's
 * children) is kept in insertion order with positional access, so a page and a count cost the page,
 * not the collection; uniqueness checks, look-ups by user JID and "is it referenced" answers come
 * from indexes kept up to date on every change.
 */
public final class ObjectStore {
  private static final Pattern URI_GENERATOR = Pattern.compile("[a-zA-Z0-9._\\-$]*");
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Map<String, CollectionSpec> specs;
  private final ObjectStore shared;
  private final int minimumPasscodeLength;
  /** Objects per spec name (children of all parents together), in insertion order. */
  private final Map<String, OrderedObjects> data = new HashMap<>();
  /** Children per child spec name and parent id, in insertion order. */
  private final Map<String, Map<String, OrderedObjects>> children = new HashMap<>();
  /** Per spec name, the fields whose values are indexed: unique-pool fields, users' JIDs. */
  private final Map<String, List<String>> indexedFields = new HashMap<>();
  /** Holders per spec name and field, by case-folded value. */
  private final Map<String, Map<String, Map<String, List<StoredObject>>>> byValue =
      new HashMap<>();
  /** How many objects refer to each object, per target spec name and id. */
  private final Map<String, Map<String, Integer>> references = new HashMap<>();
  /** Counts changes to the objects and indexes, so that a remembered listing knows it is current. */
  private long changes;
  /** The matches of the last filtered listing, reused by its next pages while nothing changed. */
  private Matches lastMatches;

  ObjectStore(Map<String, CollectionSpec> specs, ObjectStore shared, int minimumPasscodeLength) {
    this.specs = specs;
    this.shared = shared;
    this.minimumPasscodeLength = minimumPasscodeLength;
    for (CollectionSpec spec : specs.values()) {
      List<String> fields = new ArrayList<>();
      spec.uniquePools.forEach((field, pool) -> {
        if (!Rules.PER_PARENT_POOLS.contains(pool)) {
          fields.add(field);
        }
      });
      if ("users".equals(spec.name) && !fields.contains("userJid")) {
        fields.add("userJid");
      }
      indexedFields.put(spec.name, fields);
    }
  }

  CollectionSpec spec(String name) {
    return specs.get(name);
  }

  private OrderedObjects table(String specName) {
    return data.computeIfAbsent(specName, k -> new OrderedObjects());
  }

  /** Returns the objects of a collection, or of one parent when {@code parentId} is not null. */
  private OrderedObjects objects(String specName, String parentId) {
    if (parentId == null) {
      return table(specName);
    }
    OrderedObjects under = children.getOrDefault(specName, Map.of()).get(parentId);
    return under == null ? new OrderedObjects() : under;
  }

  /** Returns all objects of a collection, under {@code parentId} when the collection is a child. */
  List<StoredObject> all(String specName, String parentId) {
    return objects(specName, parentId).all();
  }

  StoredObject find(String specName, String id) {
    return table(specName).get(id);
  }

  /** One page of a listing: the objects on the page and how many objects match in all. */
  record Page(List<StoredObject> objects, int total) {}

  /** The objects of one collection (under one parent) that passed some filters, as of a change. */
  private record Matches(String specName, String parentId, Map<String, String> filters,
      long changes, List<StoredObject> objects) {}

  /**
   * Returns the page at {@code offset} (at most {@code limit} objects) of a collection's objects,
   * under {@code parentId} when the collection is a child, that match {@code query}'s filters (see
   * {@link #matches}). Without filters this costs the page, not the collection. With filters the
   * first page tests every object; the matches are kept, so that the next pages of the same filters
   * (and their total) cost the page for as long as no object changes.
   */
  Page page(CollectionSpec spec, String parentId, Map<String, String> query, int offset,
      int limit) {
    OrderedObjects objects = objects(spec.name, parentId);
    Map<String, String> filters = filters(query);
    if (filters.isEmpty()) {
      return new Page(objects.page(offset, limit), objects.size());
    }
    Matches m = lastMatches;
    if (m == null || m.changes != changes || !m.specName.equals(spec.name)
        || !Objects.equals(m.parentId, parentId) || !m.filters.equals(filters)) {
      List<StoredObject> found = new ArrayList<>();
      for (StoredObject o : objects.all()) {
        if (matches(spec, o, filters)) {
          found.add(o);
        }
      }
      m = new Matches(spec.name, parentId, filters, changes, found);
      lastMatches = m;
    }
    List<StoredObject> all = m.objects;
    List<StoredObject> out = offset >= all.size() || limit <= 0 ? List.of()
        : List.copyOf(all.subList(offset, (int) Math.min(all.size(), (long) offset + limit)));
    return new Page(out, all.size());
  }

  StoredObject require(CollectionSpec spec, String parentId, String id) {
    StoredObject o = find(spec.name, id);
    if (o == null || (parentId != null && !parentId.equals(o.parentId))) {
      throw ApiFailure.notFound(spec.notFound);
    }
    return o;
  }

  /** Checks that the parent of a child collection exists. */
  void requireParent(CollectionSpec spec, String parentId) {
    if (spec.parent != null) {
      require(spec(spec.parent), null, parentId);
    }
  }

  /** Creates an object from POST parameters, enforcing the spec's rules. */
  StoredObject create(CollectionSpec spec, String parentId, Map<String, String> params) {
    if (spec.readOnly) {
      throw ApiFailure.badRequest("invalidOperation");
    }
    requireParent(spec, parentId);
    if (spec.maximum > 0 && table(spec.name).size() >= spec.maximum) {
      throw ApiFailure.badRequest("tooManyCdrReceivers");
    }
    Map<String, String> values = normalize(spec, params);
    for (String field : spec.required) {
      if (values.getOrDefault(field, "").isEmpty()) {
        throw ApiFailure.badRequest("parameterError");
      }
    }
    StoredObject o = new StoredObject(UUID.randomUUID().toString(), parentId);
    o.fields.putAll(spec.defaults);
    validate(spec, o, values);
    apply(o, values);
    derive(spec, o, true);
    add(spec.name, o);
    return o;
  }

  /** Modifies an object from PUT parameters: absent fields stay, empty values unset. */
  void modify(CollectionSpec spec, StoredObject o, Map<String, String> params) {
    if (spec.readOnly) {
      throw ApiFailure.badRequest("invalidOperation");
    }
    Map<String, String> values = normalize(spec, params);
    unindex(spec.name, o);
    try {
      if ("true".equals(values.remove("regenerateSecret")) && spec.generatesSecret) {
        o.fields.put("secret", newSecret());
      }
      validate(spec, o, values);
      apply(o, values);
      derive(spec, o, false);
    } finally {
      index(spec.name, o); // the indexes follow the fields, whether or not the change was valid
    }
  }

  /** Deletes an object and its children. */
  void delete(CollectionSpec spec, StoredObject o) {
    if (spec.readOnly || (spec.protectAutoGenerated && o.isAutoGenerated())) {
      throw ApiFailure.badRequest("invalidOperation");
    }
    remove(spec, o);
  }

  /** Removes an object and its children without the API's protections (LDAP sync uses it). */
  void remove(CollectionSpec spec, StoredObject o) {
    drop(spec.name, o.id);
    for (CollectionSpec child : specs.values()) {
      if (spec.name.equals(child.parent)) {
        OrderedObjects under = children.getOrDefault(child.name, Map.of()).get(o.id);
        if (under != null) {
          for (StoredObject c : under.all()) {
            drop(child.name, c.id);
          }
        }
      }
    }
  }

  /** Inserts or replaces an object directly (used by LDAP sync for auto-generated objects). */
  StoredObject put(String specName, String parentId, String id, Map<String, String> fields) {
    StoredObject o = new StoredObject(id, parentId);
    o.fields.putAll(fields);
    add(specName, o);
    return o;
  }

  /** Adds {@code o} at the end of its collection, or in the place of the object with its id. */
  private void add(String specName, StoredObject o) {
    OrderedObjects table = table(specName);
    StoredObject old = table.get(o.id);
    if (old != null) {
      unindex(specName, old);
      if (!Objects.equals(old.parentId, o.parentId)) {
        removeChild(specName, old);
      }
    }
    table.put(o);
    if (o.parentId != null) {
      children.computeIfAbsent(specName, k -> new HashMap<>())
          .computeIfAbsent(o.parentId, k -> new OrderedObjects()).put(o);
    }
    index(specName, o);
  }

  private void drop(String specName, String id) {
    StoredObject o = table(specName).remove(id);
    if (o != null) {
      unindex(specName, o);
      removeChild(specName, o);
    }
  }

  private void removeChild(String specName, StoredObject o) {
    if (o.parentId == null) {
      return;
    }
    Map<String, OrderedObjects> byParent = children.get(specName);
    OrderedObjects under = byParent == null ? null : byParent.get(o.parentId);
    if (under != null) {
      under.remove(o.id);
      if (under.isEmpty()) {
        byParent.remove(o.parentId);
      }
    }
  }

  private void index(String specName, StoredObject o) {
    changes++;
    for (String field : indexedFields.getOrDefault(specName, List.of())) {
      String v = o.get(field);
      if (v != null && !v.isEmpty()) {
        byValue.computeIfAbsent(specName, k -> new HashMap<>())
            .computeIfAbsent(field, k -> new HashMap<>())
            .computeIfAbsent(fold(v), k -> new ArrayList<>(1)).add(o);
      }
    }
    CollectionSpec spec = specs.get(specName);
    if (spec != null) {
      spec.refs.forEach((field, target) -> {
        String v = o.get(field);
        if (v != null && !v.isEmpty()) {
          references.computeIfAbsent(target, k -> new HashMap<>()).merge(v, 1, Integer::sum);
        }
      });
    }
  }

  private void unindex(String specName, StoredObject o) {
    changes++;
    for (String field : indexedFields.getOrDefault(specName, List.of())) {
      String v = o.get(field);
      if (v != null && !v.isEmpty()) {
        Map<String, List<StoredObject>> values = byValue.get(specName).get(field);
        String key = fold(v);
        List<StoredObject> holders = values.get(key);
        holders.removeIf(h -> h == o);
        if (holders.isEmpty()) {
          values.remove(key);
        }
      }
    }
    CollectionSpec spec = specs.get(specName);
    if (spec != null) {
      spec.refs.forEach((field, target) -> {
        String v = o.get(field);
        if (v != null && !v.isEmpty()) {
          references.get(target).computeIfPresent(v, (k, n) -> n == 1 ? null : n - 1);
        }
      });
    }
  }

  /** Returns the objects of {@code specName} whose {@code field} equals {@code value}, ignoring case. */
  private List<StoredObject> holders(String specName, String field, String value) {
    return byValue.getOrDefault(specName, Map.of()).getOrDefault(field, Map.of())
        .getOrDefault(fold(value), List.of());
  }

  /**
   * Folds case the way {@link String#equalsIgnoreCase} compares characters, so that two values
   * fold equal exactly when they are equal ignoring case.
   */
  private static String fold(String value) {
    char[] out = new char[value.length()];
    for (int i = 0; i < out.length; i++) {
      out[i] = Character.toLowerCase(Character.toUpperCase(value.charAt(i)));
    }
    return new String(out);
  }

  /** Returns the reason a value clashes in a uniqueness pool, or null when it is free. */
  String clash(String pool, String value, String exceptId) {
    for (CollectionSpec s : specs.values()) {
      for (Map.Entry<String, String> u : s.uniquePools.entrySet()) {
        if (!u.getValue().equals(pool)) {
          continue;
        }
        for (StoredObject other : holders(s.name, u.getKey(), value)) {
          if (!other.id.equals(exceptId)) {
            return Rules.POOL_REASONS.get(pool);
          }
        }
      }
    }
    return null;
  }

  private Map<String, String> normalize(CollectionSpec spec, Map<String, String> params) {
    Map<String, String> values = new LinkedHashMap<>(params);
    if (spec.maximum > 0 && values.containsKey("url") && !values.containsKey("uri")) {
      values.put("uri", values.remove("url"));
    }
    return values;
  }

  private void validate(CollectionSpec spec, StoredObject o, Map<String, String> values) {
    for (Map.Entry<String, String> e : values.entrySet()) {
      String field = e.getKey();
      String value = e.getValue();
      if (value.isEmpty()) {
        continue;
      }
      String target = spec.refs.get(field);
      if (target != null) {
        ObjectStore owner = shared != null ? shared : this;
        if (owner.find(target, value) == null) {
          throw ApiFailure.badRequest(owner.spec(target).notFound);
        }
      }
      String pool = spec.uniquePools.get(field);
      if (pool != null) {
        String reason = Rules.PER_PARENT_POOLS.contains(pool)
            ? siblingClash(spec, o, field, value, pool)
            : clash(pool, value, o.id);
        if (reason != null) {
          throw ApiFailure.badRequest(reason);
        }
      }
      if (spec.passcodeFields.contains(field) && value.length() < minimumPasscodeLength) {
        throw ApiFailure.badRequest("passcodeTooShort");
      }
      if (spec.uriGenerators.contains(field)
          && (!URI_GENERATOR.matcher(value).matches() || value.indexOf('$') != value.lastIndexOf('$')
              || value.indexOf('$') < 0)) {
        throw ApiFailure.badRequest("parameterError");
      }
    }
    if ("coSpaceUsers".equals(spec.name) && values.containsKey("userJid")) {
      StoredObject user = findUserByJid(values.get("userJid"));
      if (user == null) {
        throw ApiFailure.badRequest("userDoesNotExist");
      }
      o.fields.put("userId", user.id);
    }
  }

  private String siblingClash(CollectionSpec spec, StoredObject o, String field, String value,
      String pool) {
    for (StoredObject other : all(spec.name, o.parentId)) {
      if (!other.id.equals(o.id) && value.equalsIgnoreCase(other.getOrEmpty(field))) {
        return Rules.POOL_REASONS.get(pool);
      }
    }
    return null;
  }

  StoredObject findUserByJid(String jid) {
    ObjectStore owner = shared != null ? shared : this;
    List<StoredObject> users = owner.holders("users", "userJid", jid);
    return users.isEmpty() ? null : owner.first(users);
  }

  /** Returns the one of {@code objects} that was stored first, as a scan in order would find. */
  private StoredObject first(List<StoredObject> objects) {
    if (objects.size() == 1) {
      return objects.get(0);
    }
    for (StoredObject u : table("users").all()) {
      if (objects.contains(u)) {
        return u;
      }
    }
    return objects.get(0);
  }

  private static void apply(StoredObject o, Map<String, String> values) {
    values.forEach((k, v) -> {
      if (v.isEmpty()) {
        o.fields.remove(k);
      } else {
        o.fields.put(k, v);
      }
    });
  }

  private void derive(CollectionSpec spec, StoredObject o, boolean created) {
    if (spec.generatesSecret && created && !o.fields.containsKey("secret")) {
      o.fields.put("secret", newSecret());
    }
    if ("true".equals(o.fields.remove("requireCallId")) && !o.fields.containsKey("callId")) {
      String callId;
      do {
        callId = String.valueOf(100_000_000 + RANDOM.nextInt(900_000_000));
      } while (clash("callId", callId, null) != null);
      o.fields.put("callId", callId);
    }
    String ownerJid = o.fields.get("ownerJid");
    if (ownerJid != null) {
      StoredObject owner = findUserByJid(ownerJid);
      if (owner != null) {
        o.fields.put("ownerId", owner.id);
      }
    }
  }

  private static String newSecret() {
    byte[] bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** Returns the fields a GET of {@code o} itself shows. */
  Map<String, Object> view(CollectionSpec spec, StoredObject o) {
    Map<String, Object> out = new LinkedHashMap<>();
    o.fields.forEach((k, v) -> {
      if (!spec.writeOnly.contains(k)) {
        out.put(k, v);
      }
    });
    if (spec.countedChild != null) {
      String child = spec.countedChild;
      out.put("num" + Character.toUpperCase(child.charAt(0)) + child.substring(1),
          String.valueOf(objects(child, o.id).size()));
    }
    return out;
  }

  /**
   * Appends {@code o} as an entry of a list page, {@code <element id="...">fields</element>} with
   * the fields {@link CollectionSpec#listsField} allows, written straight from the object: a page
   * builds nothing per object but its text.
   */
  static void appendListed(StringBuilder out, CollectionSpec spec, StoredObject o) {
    out.append('<').append(spec.element).append(" id=\"");
    Xml.appendEscaped(out, o.id);
    out.append("\">");
    int fields = out.length();
    o.fields.forEach((k, v) -> {
      if (spec.listsField(k)) {
        Xml.text(out, k, v);
      }
    });
    if (out.length() == fields) {
      out.setLength(fields - 1);
      out.append("/>");
    } else {
      out.append("</").append(spec.element).append('>');
    }
  }

  /** Returns {@code query}'s non-empty {@code filter} and {@code xFilter} parameters. */
  private static Map<String, String> filters(Map<String, String> query) {
    Map<String, String> out = null;
    for (Map.Entry<String, String> q : query.entrySet()) {
      if ((q.getKey().equals("filter") || q.getKey().endsWith("Filter"))
          && !q.getValue().isEmpty()) {
        if (out == null) {
          out = new HashMap<>();
        }
        out.put(q.getKey(), q.getValue());
      }
    }
    return out == null ? Map.of() : out;
  }

  /**
   * Returns whether {@code o} passes {@code filter} (substring, case-insensitive), the exact
   * {@code xFilter} parameters and {@code usageFilter}.
   */
  private boolean matches(CollectionSpec spec, StoredObject o, Map<String, String> filters) {
    String text = filters.getOrDefault("filter", "").toLowerCase(Locale.ROOT);
    if (!text.isEmpty() && spec.filterFields.stream()
        .noneMatch(f -> o.getOrEmpty(f).toLowerCase(Locale.ROOT).contains(text))) {
      return false;
    }
    if (!matchesFieldFilters(o, filters)) {
      return false;
    }
    String usage = filters.get("usageFilter");
    return usage == null || usage.isEmpty()
        || "referenced".equals(usage) == isReferenced(spec.name, o.id);
  }

  private static boolean matchesFieldFilters(StoredObject o, Map<String, String> query) {
    for (Map.Entry<String, String> q : query.entrySet()) {
      String key = q.getKey();
      if (key.endsWith("Filter") && !key.equals("usageFilter") && !q.getValue().isEmpty()) {
        String field = key.substring(0, key.length() - "Filter".length());
        if (!q.getValue().equalsIgnoreCase(o.getOrEmpty(field))) {
          return false;
        }
      }
    }
    return true;
  }

  private boolean isReferenced(String specName, String id) {
    return references.getOrDefault(specName, Map.of()).containsKey(id);
  }
}
