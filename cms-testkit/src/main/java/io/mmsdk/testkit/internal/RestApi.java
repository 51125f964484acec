package io.mmsdk.testkit.internal;

import io.mmsdk.testkit.core.Faults;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;

/**
 * Not API. The HTTP face of one bridge: Basic auth, fault injection, then routing to the generic
 * configuration store or to the live call, system and licensing views.
 */
final class RestApi {
  private final BridgeNode bridge;
  private final Engine engine;

  RestApi(BridgeNode bridge) {
    this.bridge = bridge;
    this.engine = bridge.engine;
  }

  Reply dispatch(Request request) {
    String path = request.path();
    Map<String, String> query = request.query();
    if (path.equals("/events/v1")) {
      return bridge.events.upgrade(query.getOrDefault("authToken", ""));
    }
    if (!path.startsWith("/api/v1/")) {
      return Reply.status(404);
    }
    if (!authorized(request.header("Authorization"))) {
      return Reply.status(401)
          .header("WWW-Authenticate", "Basic realm=\"cms-testkit\"");
    }
    String method = request.method();
    int end = path.length();
    while (end > "/api/v1/".length() && path.charAt(end - 1) == '/') {
      end--;
    }
    String api = path.substring("/api/v1/".length(), end);
    Faults.Action fault = bridge.faults.match(method, api);
    Reply response;
    if (fault != null && fault.kind() == Faults.Kind.DROP) {
      return Reply.disconnect();
    } else if (fault != null && fault.kind() == Faults.Kind.STATUS) {
      response = Reply.status(fault.status());
    } else if (fault != null && fault.kind() == Faults.Kind.FAILURE_REASON) {
      response = xml(400, Xml.failure(fault.reason()));
    } else {
      Map<String, String> form = Forms.parse(request.body());
      try {
        synchronized (engine.lock) {
          response = route(method, api, query, form);
        }
      } catch (ApiFailure f) {
        response = f.status == 404 && f.reason == null
            ? Reply.status(404)
            : xml(f.status, Xml.failure(f.reason, f.attributes));
      }
      if (fault != null && fault.kind() == Faults.Kind.DROP_AFTER_APPLYING) {
        return Reply.disconnect();
      }
    }
    Duration latency = bridge.faults.latency();
    if (!latency.isZero()) {
      response = response.delayed(latency);
    }
    return response;
  }

  private boolean authorized(String header) {
    if (header == null || !header.startsWith("Basic ")) {
      return false;
    }
    String expected = engine.options.apiUsername() + ":" + engine.options.apiPassword();
    try {
      String given = new String(Base64.getDecoder().decode(header.substring(6).trim()),
          StandardCharsets.UTF_8);
      return java.security.MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8),
          expected.getBytes(StandardCharsets.UTF_8));
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private Reply route(String method, String api, Map<String, String> query,
      Map<String, String> form) {
    String[] s = api.split("/");
    switch (s[0]) {
      case "authTokens":
        requireMethod(method, "POST");
        return Reply.status(200)
            .header("X-Cisco-CMS-Auth-Token", bridge.events.newToken());
      case "calls":
      case "callLegs":
      case "participants":
        return new LiveApi(bridge, this).route(method, s, query, form);
      case "ldapSyncs":
        if (method.equals("POST") && s.length == 1) {
          String id = engine.ldap.sync(form);
          return created("/api/v1/ldapSyncs/" + id);
        }
        if (method.equals("DELETE") && s.length == 2) {
          StoredObject sync = engine.store.require(engine.store.spec("ldapSyncs"), null, s[1]);
          if ("inProgress".equals(sync.get("state"))) {
            throw ApiFailure.badRequest("ldapSyncCannotBeCancelled");
          }
          engine.store.remove(engine.store.spec("ldapSyncs"), sync);
          return ok();
        }
        return generic(engine.store, method, s, query, form);
      case "accessQuery":
        requireMethod(method, "POST");
        return accessQuery(form);
      case "clusterLicensing":
        requireMethod(method, "GET");
        return xml(200, Xml.document("clusterLicensing", Map.of(),
            Map.of("features", features(engine.clusterLicenseFeatures))));
      case "system":
        if (s.length >= 2 && !s[1].equals("cdrReceivers")) {
          requireMethod(method, "GET");
          return system(s, query);
        }
        if (s.length >= 2) {
          String[] rest = new String[s.length - 1];
          rest[0] = "system/cdrReceivers";
          System.arraycopy(s, 2, rest, 1, s.length - 2);
          return generic(bridge.local, method, rest, query, form);
        }
        throw ApiFailure.notFound(null);
      default:
        return generic(engine.store, method, s, query, form);
    }
  }

  /**
   * {@code POST /accessQuery}: how a coSpace URI (user part) or call ID is reached. Answers 200 with
   * the full SIP URI and call ID of the matching coSpace; an empty {@code <accessQuery/>} if none.
   */
  private Reply accessQuery(Map<String, String> form) {
    String uri = form.getOrDefault("uri", "");
    String callId = form.getOrDefault("callId", "");
    if (uri.isEmpty() && callId.isEmpty()) {
      throw ApiFailure.badRequest("parameterError");
    }
    Map<String, Object> reply = new LinkedHashMap<>();
    for (StoredObject space : engine.store.all("coSpaces", null)) {
      boolean byUri = !uri.isEmpty() && uri.equals(space.get("uri"));
      boolean byCallId = !callId.isEmpty() && callId.equals(space.get("callId"));
      if (byUri || byCallId) {
        if (space.get("uri") != null) {
          reply.put("uri", space.get("uri") + "@example.com");
        }
        if (space.get("callId") != null) {
          reply.put("callId", space.get("callId"));
        }
        break;
      }
    }
    return xml(200, Xml.document("accessQuery", Map.of(), reply));
  }

  static void requireMethod(String method, String expected) {
    if (!method.equals(expected)) {
      throw new ApiFailure(405, "invalidOperation");
    }
  }

  // ---- generic configuration collections ----

  private Reply generic(ObjectStore store, String method, String[] s,
      Map<String, String> query, Map<String, String> form) {
    CollectionSpec spec = store.spec(s[0]);
    if (spec == null || spec.parent != null) {
      throw ApiFailure.notFound(null);
    }
    String parentId = null;
    String id = s.length >= 2 ? s[1] : null;
    if (s.length >= 3) {
      CollectionSpec child = store.spec(s[2]);
      if (child == null || !spec.name.equals(child.parent) || s.length > 4) {
        throw ApiFailure.notFound(null);
      }
      store.require(spec, null, s[1]);
      parentId = s[1];
      spec = child;
      id = s.length == 4 ? s[3] : null;
    }
    if (id == null) {
      switch (method) {
        case "GET": {
          // Only the page's objects are looked at and written: a page costs the page.
          String plural = plural(spec.name);
          int offset = intParam(query, "offset", 0);
          int limit = pageLimit(plural, query);
          ObjectStore.Page found = store.page(spec, parentId, query, offset, limit);
          Map<String, String> attrs = spec.maximum > 0
              ? Map.of("maximum", String.valueOf(spec.maximum)) : Map.of();
          StringBuilder out = openPage(plural, found.total(), attrs, found.objects().isEmpty());
          for (StoredObject o : found.objects()) {
            ObjectStore.appendListed(out, spec, o);
          }
          return closePage(out, plural, found.objects().isEmpty());
        }
        case "POST": {
          StoredObject o = store.create(spec, parentId, form);
          return created("/api/v1/" + String.join("/", s) + "/" + o.id);
        }
        default:
          throw new ApiFailure(405, "invalidOperation");
      }
    }
    StoredObject o = store.require(spec, parentId, id);
    switch (method) {
      case "GET":
        return xml(200, Xml.document(spec.element, Map.of("id", o.id), store.view(spec, o)));
      case "PUT":
        store.modify(spec, o, form);
        return ok();
      case "DELETE":
        store.delete(spec, o);
        return ok();
      default:
        throw new ApiFailure(405, "invalidOperation");
    }
  }

  static String plural(String specName) {
    int slash = specName.lastIndexOf('/');
    return slash < 0 ? specName : specName.substring(slash + 1);
  }

  /** Renders one page of a collection, capped by the bridge's per-collection page limit. */
  Reply page(String plural, String element, List<Map.Entry<String, Map<String, Object>>> items,
      Map<String, String> query, Map<String, String> extraAttributes) {
    int offset = intParam(query, "offset", 0);
    int limit = pageLimit(plural, query);
    List<Map.Entry<String, Map<String, Object>>> pageItems =
        offset >= items.size() ? List.of() : items.subList(offset, Math.min(items.size(), offset + limit));
    return render(plural, element, items.size(), pageItems, extraAttributes);
  }

  /** Returns the {@code limit} parameter capped by the bridge's page limit for {@code plural}. */
  private int pageLimit(String plural, Map<String, String> query) {
    int cap = engine.options.pageLimit(plural);
    return Math.min(intParam(query, "limit", cap), cap);
  }

  /** Renders a page of {@code total} objects holding {@code pageItems}. */
  private Reply render(String plural, String element, int total,
      List<Map.Entry<String, Map<String, Object>>> pageItems, Map<String, String> extraAttributes) {
    StringBuilder out = openPage(plural, total, extraAttributes, pageItems.isEmpty());
    for (Map.Entry<String, Map<String, Object>> e : pageItems) {
      Xml.element(out, element, Map.of("id", e.getKey()), e.getValue());
    }
    return closePage(out, plural, pageItems.isEmpty());
  }

  /** Starts a page: {@code <plural total="..." attributes>}, self-closed when it is empty. */
  private static StringBuilder openPage(String plural, int total,
      Map<String, String> extraAttributes, boolean empty) {
    StringBuilder out = new StringBuilder(4096).append("<?xml version=\"1.0\"?>\n<")
        .append(plural).append(" total=\"").append(total).append('"');
    extraAttributes.forEach((k, v) -> out.append(' ').append(k).append("=\"").append(v).append('"'));
    return out.append(empty ? "/>" : ">");
  }

  private static Reply closePage(StringBuilder out, String plural, boolean empty) {
    if (!empty) {
      out.append("</").append(plural).append('>');
    }
    return xml(200, out.toString());
  }

  private static int intParam(Map<String, String> query, String name, int fallback) {
    String v = query.get(name);
    if (v == null || v.isEmpty()) {
      return fallback;
    }
    try {
      int n = Integer.parseInt(v);
      if (n < 0) {
        throw ApiFailure.badRequest("parameterError");
      }
      return n;
    } catch (NumberFormatException e) {
      throw ApiFailure.badRequest("parameterError");
    }
  }

  // ---- system and licensing ----

  private Reply system(String[] s, Map<String, String> query) {
    String node = String.join("/", java.util.Arrays.copyOfRange(s, 1, s.length));
    Instant now = engine.clock.instant();
    switch (node) {
      case "status": {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("hostId", bridge.hostId);
        f.put("softwareVersion", engine.options.softwareVersion());
        f.put("uptimeSeconds", String.valueOf(Duration.between(bridge.startedAt, now).toSeconds()));
        f.put("cdrTime", now.truncatedTo(ChronoUnit.SECONDS).toString());
        f.put("activated", "true");
        f.put("clusterEnabled", String.valueOf(engine.bridges.size() > 1));
        f.put("cdrCorrelatorIndex", String.valueOf(bridge.cdr.correlatorIndex()));
        f.put("callLegsActive", String.valueOf(bridge.legs.size()));
        f.put("callLegsCompleted", String.valueOf(bridge.endedLegs.size()));
        return xml(200, Xml.document("status", Map.of(), f));
      }
      case "licensing": {
        Map<String, String[]> features = new LinkedHashMap<>();
        for (String feature : List.of("callBridge", "callBridgeNoEncryption", "webBridge", "turn",
            "recording", "streaming", "personal", "shared")) {
          String[] cluster = engine.clusterLicenseFeatures.get(feature);
          features.put(feature, cluster != null ? cluster : new String[] {"activated", "2026-Mar-31"});
        }
        return xml(200, Xml.document("licensing", Map.of(), Map.of("features", features(features))));
      }
      case "multipartyLicensing":
        return xml(200, Xml.document("multipartyLicensing", Map.of(), multiparty(now)));
      case "MPLicenseUsage":
        return licenseUsage(query);
      case "MPLicenseUsage/knownHosts": {
        List<Map.Entry<String, Map<String, Object>>> hosts = new ArrayList<>();
        java.util.Set<String> ids = new java.util.LinkedHashSet<>();
        for (BridgeNode b : engine.bridges) {
          ids.add(b.hostId);
        }
        ids.addAll(engine.licenseUsage.keySet());
        for (String id : ids) {
          hosts.add(Map.entry(id, Map.of()));
        }
        return page("knownHosts", "host", hosts, query, Map.of());
      }
      default:
        throw ApiFailure.notFound(null);
    }
  }

  private Map<String, Object> multiparty(Instant now) {
    int users = engine.store.all("users", null).size();
    int personal = 0;
    for (StoredObject u : engine.store.all("users", null)) {
      if (engine.hasLicense(u)) {
        personal++;
      }
    }
    int participants = 0;
    int calls = 0;
    double weighted = 0;
    int withoutPersonal = 0;
    double weightedWithout = 0;
    for (LiveCall c : bridge.calls.values()) {
      calls++;
      participants += c.legs.size();
      double w = 1.0 / engine.span(c);
      weighted += w;
      if (!engine.ownerHasLicense(c)) {
        withoutPersonal++;
        weightedWithout += w;
      }
    }
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("timestamp", now.truncatedTo(ChronoUnit.SECONDS).toString());
    f.put("users", String.valueOf(users));
    f.put("personalLicenses", String.valueOf(personal));
    f.put("participantsActive", String.valueOf(participants));
    f.put("callsActive", String.valueOf(calls));
    f.put("weightedCallsActive", String.format(Locale.ROOT, "%.3f", weighted));
    f.put("callsWithoutPersonalLicense", String.valueOf(withoutPersonal));
    f.put("weightedCallsWithoutPersonalLicense", String.format(Locale.ROOT, "%.3f", weightedWithout));
    return f;
  }

  private Reply licenseUsage(Map<String, String> query) {
    String hostId = query.getOrDefault("hostId", "");
    if (hostId.isEmpty()) {
      hostId = bridge.hostId;
    }
    NavigableMap<Instant, Map<String, String>> series =
        engine.licenseUsage.getOrDefault(hostId, new java.util.TreeMap<>());
    Instant start = time(query.get("startTime"), Instant.MIN);
    Instant end = time(query.get("endTime"), Instant.MAX);
    List<Map.Entry<String, Map<String, Object>>> entries = new ArrayList<>();
    for (Map.Entry<Instant, Map<String, String>> e : series.descendingMap().entrySet()) {
      if (e.getKey().isBefore(start) || e.getKey().isAfter(end)) {
        continue;
      }
      entries.add(Map.entry(e.getKey().truncatedTo(ChronoUnit.SECONDS).toString(),
          new LinkedHashMap<>(e.getValue())));
    }
    int cap = engine.options.pageLimit("MPLicenseUsage");
    int offset = intParam(query, "offset", 0);
    int limit = Math.min(intParam(query, "limit", cap), cap);
    StringBuilder out = new StringBuilder("<?xml version=\"1.0\"?>\n<MPLicenseUsage total=\"")
        .append(entries.size()).append('"');
    List<Map.Entry<String, Map<String, Object>>> page = offset >= entries.size() ? List.of()
        : entries.subList(offset, Math.min(entries.size(), offset + limit));
    if (page.isEmpty()) {
      out.append("/>");
    } else {
      out.append('>');
      for (Map.Entry<String, Map<String, Object>> e : page) {
        Xml.element(out, "entry", Map.of("time", e.getKey()), e.getValue());
      }
      out.append("</MPLicenseUsage>");
    }
    return xml(200, out.toString());
  }

  private static Instant time(String value, Instant fallback) {
    if (value == null || value.isEmpty()) {
      return fallback;
    }
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw ApiFailure.badRequest("parameterError");
    }
  }

  private static Map<String, Object> features(Map<String, String[]> features) {
    Map<String, Object> out = new LinkedHashMap<>();
    features.forEach((name, statusExpiry) -> {
      Map<String, Object> f = new LinkedHashMap<>();
      f.put("status", statusExpiry[0]);
      if (!statusExpiry[1].isEmpty()) {
        f.put("expiry", statusExpiry[1]);
      }
      out.put(name, f);
    });
    return out;
  }

  // ---- responses ----

  static Reply xml(int status, String body) {
    return Reply.status(status).header("Content-Type", "text/xml")
        .body(body);
  }

  static Reply ok() {
    return Reply.status(200);
  }

  static Reply created(String location) {
    return Reply.status(200).header("Location", location);
  }
}
