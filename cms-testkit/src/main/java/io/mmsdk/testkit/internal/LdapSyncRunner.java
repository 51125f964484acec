package io.mmsdk.testkit.internal;

import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.SearchResult;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.util.ssl.SSLUtil;
import com.unboundid.util.ssl.TrustAllTrustManager;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Not API. Runs {@code POST /ldapSyncs} synchronously: reads each LDAP source's directory, applies its
 * mapping, and creates, updates or removes users, their auto-generated coSpaces (with the owner as a
 * member, shaped by the mapping's {@code coSpaceTemplate}: its profiles and one access method per
 * access method template) and their template assignments. A directory entry matched by several
 * sources is one user; only different entries mapping to one login clash, which fails the sync
 * without changing anything. Attribute names in mappings are case-sensitive, as in CMS.
 */
final class LdapSyncRunner {
  private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();
  private final Engine engine;
  /** LDAP-generated user ids by the source that imported them. */
  private final Map<String, String> userSource = new HashMap<>();
  /** Auto-generated coSpace id per user id. */
  private final Map<String, String> userSpace = new HashMap<>();

  LdapSyncRunner(Engine engine) {
    this.engine = engine;
  }

  /**
   * Starts a sync and returns its id (caller holds the engine lock). With a zero {@link
   * io.mmsdk.testkit.core.ClusterOptions#ldapSyncDuration()} it runs at once; otherwise the record is
   * {@code pending}, {@code inProgress} from half the duration, and the sync runs at its end.
   */
  String sync(Map<String, String> form) {
    String id = UUID.randomUUID().toString();
    boolean keep = "false".equals(form.get("removeWhenFinished"));
    java.time.Duration duration = engine.options.ldapSyncDuration();
    if (duration.isZero()) {
      Map<String, String> state = run(form);
      if (keep) {
        engine.store.put("ldapSyncs", null, id, state);
      }
      return id;
    }
    Map<String, String> form2 = Map.copyOf(form);
    if (keep) {
      engine.store.put("ldapSyncs", null, id, Map.of("state", "pending"));
    }
    engine.clock.schedule(duration.dividedBy(2), () -> {
      synchronized (engine.lock) {
        if (keep && engine.store.find("ldapSyncs", id) != null) {
          engine.store.put("ldapSyncs", null, id, Map.of("state", "inProgress"));
        }
      }
    });
    engine.clock.schedule(duration, () -> {
      synchronized (engine.lock) {
        Map<String, String> state = run(form2);
        if (keep && engine.store.find("ldapSyncs", id) != null) {
          engine.store.put("ldapSyncs", null, id, state);
        }
      }
    });
    return id;
  }

  /** Runs a sync now and returns its final state (caller holds the engine lock). */
  private Map<String, String> run(Map<String, String> form) {
    ObjectStore store = engine.store;
    Map<String, String> state = new LinkedHashMap<>();
    List<StoredObject> sources = new ArrayList<>();
    String onlySource = form.getOrDefault("ldapSource", "");
    String tenant = form.getOrDefault("tenant", "");
    if (!tenant.isEmpty() && store.find("tenants", tenant) == null) {
      state.put("state", "failed");
      state.put("failureReason", "tenantDoesNotExist");
    } else if (!onlySource.isEmpty()) {
      StoredObject s = store.find("ldapSources", onlySource);
      if (s == null) {
        state.put("state", "failed");
        state.put("failureReason", "ldapSourceDoesNotExist");
      } else {
        sources.add(s);
      }
    } else {
      for (StoredObject s : store.all("ldapSources", null)) {
        if (tenant.isEmpty() || tenant.equals(s.get("tenant"))) {
          sources.add(s);
        }
      }
    }
    if (state.isEmpty()) {
      try {
        // Seed 16.6.1: an entry matched by two imports is one user, and Meeting Management
        // "cannot control which user import the user will be associated with": the first source
        // (in list order) that matches the entry takes it.
        List<Desired> desired = new ArrayList<>();
        Set<String> seenEntries = new HashSet<>();
        for (StoredObject source : sources) {
          for (Desired d : read(source)) {
            if (seenEntries.add(d.dn().toLowerCase(Locale.ROOT))) {
              desired.add(d);
            }
          }
        }
        String clash = findClash(desired, sources);
        if (clash != null) {
          state.put("state", "failed");
          state.put("failureReason", "clashOccurred");
        } else {
          apply(desired, sources);
          state.put("state", "complete");
          state.put("numUsersImported", String.valueOf(desired.size()));
          if (!sources.isEmpty()) {
            state.put("numLdapSourcesComplete", String.valueOf(sources.size()));
          }
        }
      } catch (LDAPException | GeneralSecurityException | IllegalArgumentException e) {
        state.put("state", "failed");
        state.put("failureReason", "ldapError");
      }
    }
    return state;
  }

  private record Desired(String sourceId, String dn, Map<String, String> user,
      Map<String, String> space, String templateId) {
    String jid() {
      return user.get("userJid");
    }
  }

  private List<Desired> read(StoredObject source) throws LDAPException, GeneralSecurityException {
    StoredObject server = engine.store.find("ldapServers", source.get("server"));
    StoredObject mapping = engine.store.find("ldapMappings", source.get("mapping"));
    if (server == null || mapping == null) {
      throw new LDAPException(com.unboundid.ldap.sdk.ResultCode.PARAM_ERROR,
          "ldapSource refers to a missing server or mapping");
    }
    int port = Integer.parseInt(server.getOrEmpty("portNumber"));
    List<Desired> out = new ArrayList<>();
    try (LDAPConnection connection = connect(server, port)) {
      String username = server.getOrEmpty("username");
      if (!username.isEmpty()) {
        connection.bind(username, server.getOrEmpty("password"));
      }
      String filter = source.getOrEmpty("filter");
      if (filter.isEmpty()) {
        filter = "(objectClass=*)";
      } else if (!filter.startsWith("(")) {
        filter = "(" + filter + ")";
      }
      SearchResult result = connection.search(source.getOrEmpty("baseDn"), SearchScope.SUB,
          Filter.create(filter));
      for (SearchResultEntry entry : result.getSearchEntries()) {
        // CMS reads attribute names case-sensitively ("The LDAP attribute name is case
        // sensitive"): $samaccountname$ finds nothing where the directory says sAMAccountName.
        Map<String, String> byName = new HashMap<>();
        for (com.unboundid.ldap.sdk.Attribute a : entry.getAttributes()) {
          if (a.getValue() != null) {
            byName.putIfAbsent(a.getName(), a.getValue());
          }
        }
        java.util.function.Function<String, String> attrs = byName::get;
        String jid = MappingExpression.evaluate(mapping.getOrEmpty("jidMapping"), attrs)
            .toLowerCase(Locale.ROOT);
        if (jid.isEmpty() || jid.startsWith("@")) {
          continue;
        }
        Map<String, String> user = new LinkedHashMap<>();
        user.put("userJid", jid);
        putMapped(user, "name", mapping.get("nameMapping"), attrs, false);
        String mail = byName.get("mail");
        if (mail != null) {
          user.put("email", mail);
        }
        putMapped(user, "authenticationId", mapping.get("authenticationIdMapping"), attrs, false);
        putMapped(user, "cdrTag", mapping.get("cdrTagMapping"), attrs, false);
        if (source.get("tenant") != null) {
          user.put("tenant", source.get("tenant"));
        }
        if (source.get("userProfile") != null) {
          user.put("userProfile", source.get("userProfile"));
        }
        Map<String, String> space = new LinkedHashMap<>();
        putMapped(space, "name", mapping.get("coSpaceNameMapping"), attrs, false);
        putMapped(space, "uri", mapping.get("coSpaceUriMapping"), attrs, true);
        putMapped(space, "secondaryUri", mapping.get("coSpaceSecondaryUriMapping"), attrs, true);
        putMapped(space, "callId", mapping.get("coSpaceCallIdMapping"), attrs, false);
        out.add(new Desired(source.id, entry.getDN(), user, space.isEmpty() ? null : space,
            mapping.get("coSpaceTemplate")));
      }
    }
    return out;
  }

  private static LDAPConnection connect(StoredObject server, int port)
      throws LDAPException, GeneralSecurityException {
    String address = server.getOrEmpty("address");
    if ("true".equals(server.get("secure"))) {
      SSLUtil ssl = new SSLUtil(new TrustAllTrustManager());
      return new LDAPConnection(ssl.createSSLSocketFactory(), address, port);
    }
    return new LDAPConnection(address, port);
  }

  private static void putMapped(Map<String, String> into, String field, String expression,
      java.util.function.Function<String, String> attrs, boolean lowerCase) {
    if (expression == null || expression.isEmpty()) {
      return;
    }
    String value = MappingExpression.evaluate(expression, attrs);
    if (!value.isEmpty()) {
      into.put(field, lowerCase ? value.toLowerCase(Locale.ROOT) : value);
    }
  }

  /** Returns a description of the first clash, or null. */
  private String findClash(List<Desired> desired, List<StoredObject> sources) {
    Set<String> jids = new HashSet<>();
    Set<String> uris = new HashSet<>();
    Set<String> callIds = new HashSet<>();
    Set<String> syncedSources = new HashSet<>();
    for (StoredObject s : sources) {
      syncedSources.add(s.id);
    }
    for (Desired d : desired) {
      if (!jids.add(d.jid())) {
        return "duplicate JID " + d.jid();
      }
      StoredObject existing = engine.store.findUserByJid(d.jid());
      if (existing != null && !syncedSources.contains(userSource.get(existing.id))
          && userSource.containsKey(existing.id)) {
        return "JID imported by another source " + d.jid();
      }
    }
    for (Desired d : desired) {
      if (d.space == null) {
        continue;
      }
      for (String field : List.of("uri", "secondaryUri")) {
        String uri = d.space.get(field);
        if (uri != null && (!uris.add(uri) || jids.contains(uri)
            || foreignClash("uri", uri, syncedSources))) {
          return "URI " + uri;
        }
      }
      String callId = d.space.get("callId");
      if (callId != null && (!callIds.add(callId) || foreignClash("callId", callId, syncedSources))) {
        return "call ID " + callId;
      }
    }
    return null;
  }

  /** Whether a value is taken by a coSpace this sync does not own. */
  private boolean foreignClash(String pool, String value, Set<String> syncedSources) {
    Set<String> ours = new HashSet<>();
    userSpace.forEach((userId, spaceId) -> {
      if (syncedSources.contains(userSource.get(userId))) {
        ours.add(spaceId);
      }
    });
    for (String field : pool.equals("uri") ? List.of("uri", "secondaryUri") : List.of("callId")) {
      for (StoredObject o : engine.store.all("coSpaces", null)) {
        if (!ours.contains(o.id) && value.equalsIgnoreCase(o.getOrEmpty(field))) {
          return true;
        }
      }
      for (StoredObject o : engine.store.all("accessMethods", null)) {
        if (!ours.contains(o.parentId) && value.equalsIgnoreCase(o.getOrEmpty(field))) {
          return true;
        }
      }
    }
    return false;
  }

  private void apply(List<Desired> desired, List<StoredObject> sources) {
    ObjectStore store = engine.store;
    Set<String> syncedSources = new HashSet<>();
    for (StoredObject s : sources) {
      syncedSources.add(s.id);
    }
    Set<String> keptUsers = new HashSet<>();
    for (Desired d : desired) {
      StoredObject user = store.findUserByJid(d.jid());
      String userId = user != null ? user.id : UUID.randomUUID().toString();
      Map<String, String> fields = new LinkedHashMap<>(d.user);
      fields.put("autoGenerated", "true");
      store.put("users", null, userId, fields);
      userSource.put(userId, d.sourceId);
      keptUsers.add(userId);
      applySpace(userId, d);
      applyTemplates(userId, d.sourceId);
    }
    for (String userId : new ArrayList<>(userSource.keySet())) {
      if (syncedSources.contains(userSource.get(userId)) && !keptUsers.contains(userId)) {
        removeUser(userId);
      }
    }
  }

  private void applySpace(String userId, Desired d) {
    ObjectStore store = engine.store;
    String spaceId = userSpace.get(userId);
    if (d.space == null) {
      if (spaceId != null) {
        StoredObject old = store.find("coSpaces", spaceId);
        if (old != null) {
          store.remove(store.spec("coSpaces"), old);
        }
        userSpace.remove(userId);
      }
      return;
    }
    if (spaceId == null || store.find("coSpaces", spaceId) == null) {
      spaceId = UUID.randomUUID().toString();
    }
    Map<String, String> fields = new LinkedHashMap<>(d.space);
    fields.put("autoGenerated", "true");
    fields.put("ownerJid", d.jid());
    fields.put("ownerId", userId);
    if (d.user.get("cdrTag") != null) {
      fields.put("cdrTag", d.user.get("cdrTag"));
    }
    StoredObject previous = store.find("coSpaces", spaceId);
    fields.put("secret", previous != null ? previous.getOrEmpty("secret")
        : UUID.randomUUID().toString().replace("-", ""));
    StoredObject template = d.templateId() == null ? null
        : store.find("coSpaceTemplates", d.templateId());
    if (template != null) {
      // The space takes the template's profiles, so template and role setting changes reach
      // existing spaces too.
      for (String profile : List.of("callProfile", "callLegProfile", "dialInSecurityProfile")) {
        if (template.get(profile) != null) {
          fields.put(profile, template.get(profile));
        }
      }
    }
    store.put("coSpaces", null, spaceId, fields);
    userSpace.put(userId, spaceId);
    if (template != null && previous == null) {
      // Roles are added when the space is created; later role additions or removals "do not
      // affect existing spaces".
      createAccessMethods(spaceId, fields.get("uri"), template);
    }
    if (store.all("coSpaceUsers", spaceId).isEmpty()) {
      Map<String, String> member = new LinkedHashMap<>();
      member.put("userJid", d.jid());
      member.put("userId", userId);
      member.put("autoGenerated", "true");
      store.put("coSpaceUsers", spaceId, UUID.randomUUID().toString(), member);
    }
  }

  /**
   * Creates one access method per access method template: the URI is the space's URI user part
   * with the generator's {@code $} replaced by it ({@code $.host} on {@code sally.space} gives
   * {@code sally.space.host}), a unique call ID when the template asks for one.
   */
  private void createAccessMethods(String spaceId, String spaceUri, StoredObject template) {
    ObjectStore store = engine.store;
    for (StoredObject t : store.all("accessMethodTemplates", template.id)) {
      Map<String, String> method = new LinkedHashMap<>();
      method.put("name", t.getOrEmpty("name"));
      String generator = t.getOrEmpty("uriGenerator");
      if (!generator.isEmpty() && spaceUri != null) {
        method.put("uri", generator.replace("$", spaceUri).toLowerCase(Locale.ROOT));
      }
      for (String field : List.of("callLegProfile", "scope", "dialInSecurityProfile")) {
        if (t.get(field) != null && !t.get(field).isEmpty()) {
          method.put(field, t.get(field));
        }
      }
      if ("true".equals(t.get("generateUniqueCallId"))) {
        String callId;
        do {
          callId = String.valueOf(100_000_000 + RANDOM.nextInt(900_000_000));
        } while (store.clash("callId", callId, null) != null);
        method.put("callId", callId);
      }
      method.put("secret", UUID.randomUUID().toString().replace("-", ""));
      store.put("accessMethods", spaceId, UUID.randomUUID().toString(), method);
    }
  }

  private void applyTemplates(String userId, String sourceId) {
    ObjectStore store = engine.store;
    for (StoredObject link : store.all("ldapUserCoSpaceTemplateSources", null)) {
      if (!sourceId.equals(link.get("ldapSource"))) {
        continue;
      }
      String template = link.get("coSpaceTemplate");
      boolean has = store.all("userCoSpaceTemplates", userId).stream()
          .anyMatch(t -> template.equals(t.get("coSpaceTemplate")));
      if (!has) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("coSpaceTemplate", template);
        f.put("autoGenerated", "true");
        store.put("userCoSpaceTemplates", userId, UUID.randomUUID().toString(), f);
      }
    }
  }

  private void removeUser(String userId) {
    ObjectStore store = engine.store;
    String spaceId = userSpace.remove(userId);
    if (spaceId != null) {
      StoredObject space = store.find("coSpaces", spaceId);
      if (space != null) {
        store.remove(store.spec("coSpaces"), space);
      }
    }
    StoredObject user = store.find("users", userId);
    if (user != null) {
      store.remove(store.spec("users"), user);
    }
    userSource.remove(userId);
  }
}
