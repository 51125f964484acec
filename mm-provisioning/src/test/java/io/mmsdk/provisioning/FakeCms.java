package io.mmsdk.provisioning;

import io.mmsdk.cms.CmsElement;
import io.mmsdk.cms.CmsObject;
import io.mmsdk.cms.Form;
import io.mmsdk.cms.api.LdapSync;
import io.mmsdk.cms.api.User;
import io.mmsdk.common.MmSdkException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A small stateful fake of the CMS provisioning collections, with fault injection. Records every
 * write so tests can assert requests (including that passwords are sent but never read back).
 */
final class FakeCms implements CmsGateway {

  /** One stored object: its id, parent coSpaceTemplate id (access method templates) and fields. */
  record Stored(String id, String parentId, Map<String, String> fields) {}

  /** One scripted state of an LDAP sync. */
  record SyncState(String state, String failureReason, int numUsersImported, int numLdapSourcesComplete) {}

  /** One write request. */
  record Request(String method, CmsKind kind, String parentId, String id, Map<String, String> form) {}

  /** How an injected fault behaves. */
  enum FaultMode {
    /** The request is rejected before it changes anything. */
    REJECT,
    /** The write is applied but the response is lost. */
    LOSE_RESPONSE
  }

  private final Map<CmsKind, Map<String, Stored>> objects = new EnumMap<>(CmsKind.class);
  private final Map<String, String> passwords = new LinkedHashMap<>();
  final List<Request> requests = new ArrayList<>();
  /** How many lists (GETs) were read. */
  int reads;
  final List<User> users = new ArrayList<>();
  private final Map<String, List<SyncState>> syncs = new LinkedHashMap<>();
  private int nextId = 1;
  private Predicate<Request> fault = r -> false;
  private FaultMode faultMode = FaultMode.REJECT;

  FakeCms() {
    for (CmsKind k : CmsKind.values()) {
      objects.put(k, new LinkedHashMap<>());
    }
  }

  /** Fails the first write matching {@code when}, once. */
  void failOnce(FaultMode mode, Predicate<Request> when) {
    this.faultMode = mode;
    boolean[] fired = {false};
    this.fault = r -> {
      if (!fired[0] && when.test(r)) {
        fired[0] = true;
        return true;
      }
      return false;
    };
  }

  /** Adds an object as if another tool created it. */
  String addForeign(CmsKind kind, String parentId, Map<String, String> fields) {
    String id = "foreign-" + (nextId++);
    objects.get(kind).put(id, new Stored(id, parentId, Map.copyOf(fields)));
    return id;
  }

  Map<String, Stored> all(CmsKind kind) {
    return objects.get(kind);
  }

  String password(String ldapServerId) {
    return passwords.get(ldapServerId);
  }

  private List<SyncState> nextSync = List.of();

  /** Scripts the states the next sync reports, one per poll, the last repeating. */
  void scriptNextSync(List<SyncState> states) {
    nextSync = List.copyOf(states);
  }

  private void check(Request r, Runnable write) {
    requests.add(r);
    if (fault.test(r)) {
      if (faultMode == FaultMode.LOSE_RESPONSE) {
        write.run();
        throw new MmSdkException("injected: response to " + r.method() + " " + r.kind().collection() + " lost");
      }
      throw new MmSdkException("injected: " + r.method() + " " + r.kind().collection() + " failed with HTTP 500");
    }
    write.run();
  }

  @Override
  public synchronized List<CmsObject> list(CmsKind kind, String parentId) {
    reads++;
    List<CmsObject> out = new ArrayList<>();
    for (Stored o : objects.get(kind).values()) {
      if (!kind.hasParent() || o.parentId().equals(parentId)) {
        out.add(object(kind.element(), o.id(), o.fields()));
      }
    }
    return out;
  }

  /** {@return an object as CMS replies with it: {@code <element id=...>} with one child per field} */
  static CmsObject object(String element, String id, Map<String, String> fields) {
    List<CmsElement> children = new ArrayList<>();
    fields.forEach((name, text) -> children.add(new CmsElement(name, Map.of(), text, List.of())));
    return CmsObject.of(new CmsElement(element, Map.of("id", id), "", children));
  }

  @Override
  public synchronized String create(CmsKind kind, String parentId, Form request) {
    Map<String, String> form = request.parameters();
    String id = kind.element() + "-" + (nextId++);
    Request r = new Request("POST", kind, parentId, id, Map.copyOf(form));
    check(r, () -> {
      Map<String, String> fields = new LinkedHashMap<>(form);
      String pw = fields.remove("password");
      if (pw != null) {
        passwords.put(id, pw);
      }
      objects.get(kind).put(id, new Stored(id, parentId, Map.copyOf(fields)));
    });
    return id;
  }

  @Override
  public synchronized void update(CmsKind kind, String parentId, String id, Form request) {
    Map<String, String> form = request.parameters();
    Request r = new Request("PUT", kind, parentId, id, Map.copyOf(form));
    check(r, () -> {
      Stored o = objects.get(kind).get(id);
      if (o == null) {
        throw new MmSdkException(kind.element() + "DoesNotExist");
      }
      Map<String, String> fields = new LinkedHashMap<>(o.fields());
      form.forEach((k, v) -> {
        if (k.equals("password")) {
          passwords.put(id, v);
        } else if (v.isEmpty()) {
          fields.remove(k);
        } else {
          fields.put(k, v);
        }
      });
      objects.get(kind).put(id, new Stored(id, parentId, Map.copyOf(fields)));
    });
  }

  @Override
  public synchronized void delete(CmsKind kind, String parentId, String id) {
    Request r = new Request("DELETE", kind, parentId, id, Map.of());
    check(r, () -> {
      objects.get(kind).remove(id);
      if (kind == CmsKind.CO_SPACE_TEMPLATE) {
        objects.get(CmsKind.ACCESS_METHOD_TEMPLATE).values().removeIf(m -> m.parentId().equals(id));
      }
    });
  }

  @Override
  public synchronized List<User> users() {
    return List.copyOf(users);
  }

  @Override
  public synchronized String startLdapSync() {
    String id = "sync-" + (nextId++);
    requests.add(new Request("POST", null, null, id, Map.of("removeWhenFinished", "false")));
    List<SyncState> script = new ArrayList<>(
        nextSync.isEmpty() ? List.of(new SyncState("complete", null, 0, 1)) : nextSync);
    nextSync = List.of();
    syncs.put(id, script);
    return id;
  }

  @Override
  public synchronized LdapSync ldapSync(String id) {
    List<SyncState> states = syncs.get(id);
    if (states == null) {
      throw new MmSdkException("ldapSyncDoesNotExist");
    }
    SyncState st = states.size() > 1 ? states.remove(0) : states.get(0);
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("state", st.state());
    if (st.failureReason() != null) {
      fields.put("failureReason", st.failureReason());
    }
    fields.put("numUsersImported", Integer.toString(st.numUsersImported()));
    fields.put("numLdapSourcesComplete", Integer.toString(st.numLdapSourcesComplete()));
    return new LdapSync(object("ldapSync", id, fields));
  }

  @Override
  public synchronized void deleteLdapSync(String id) {
    requests.add(new Request("DELETE", null, null, id, Map.of()));
    syncs.remove(id);
  }
}
