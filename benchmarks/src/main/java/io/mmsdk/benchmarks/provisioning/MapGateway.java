package io.mmsdk.benchmarks.provisioning;

import io.mmsdk.provisioning.CmsGateway;
import io.mmsdk.provisioning.CmsKind;
import io.mmsdk.provisioning.CmsUser;
import io.mmsdk.provisioning.LdapSyncStatus;
import io.mmsdk.provisioning.ServerObject;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An in-memory CMS used to set up benchmark state without network cost. */
final class MapGateway implements CmsGateway {
  private final Map<CmsKind, Map<String, ServerObject>> objects = new EnumMap<>(CmsKind.class);
  private int next;

  MapGateway() {
    for (CmsKind k : CmsKind.values()) {
      objects.put(k, new LinkedHashMap<>());
    }
  }

  @Override
  public List<ServerObject> list(CmsKind kind, String parentId) {
    List<ServerObject> out = new ArrayList<>();
    for (ServerObject o : objects.get(kind).values()) {
      if (!kind.hasParent() || o.parentId().equals(parentId)) {
        out.add(o);
      }
    }
    return out;
  }

  @Override
  public String create(CmsKind kind, String parentId, Map<String, String> form) {
    String id = "id-" + (next++);
    Map<String, String> fields = new LinkedHashMap<>(form);
    fields.remove("password");
    objects.get(kind).put(id, new ServerObject(kind, id, parentId, fields));
    return id;
  }

  @Override
  public void update(CmsKind kind, String parentId, String id, Map<String, String> form) {
    Map<String, String> fields = new LinkedHashMap<>(objects.get(kind).get(id).fields());
    fields.putAll(form);
    objects.get(kind).put(id, new ServerObject(kind, id, parentId, fields));
  }

  @Override
  public void delete(CmsKind kind, String parentId, String id) {
    objects.get(kind).remove(id);
  }

  @Override
  public List<CmsUser> users() {
    return List.of();
  }

  @Override
  public String startLdapSync() {
    return "sync";
  }

  @Override
  public LdapSyncStatus ldapSync(String id) {
    return new LdapSyncStatus(id, "complete", null, 0, 0);
  }

  @Override
  public void deleteLdapSync(String id) {}
}
