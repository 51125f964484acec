package io.mmsdk.provisioning;

import static java.util.Objects.requireNonNull;

import io.mmsdk.cms.CmsClient;
import io.mmsdk.cms.CmsNotFoundException;
import io.mmsdk.cms.api.LdapSync;
import io.mmsdk.cms.api.LdapSyncParameters;
import io.mmsdk.cms.api.User;
import io.mmsdk.cms.api.Users;
import io.mmsdk.cms.core.CmsObject;
import io.mmsdk.cms.core.CmsResources;
import io.mmsdk.cms.core.Form;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link CmsGateway} over a cms-api-client {@link CmsClient} connected to one Call Bridge: the
 * families of {@link CmsKind} through the client's generic layer, users and LDAP syncs through its
 * typed API. Lists read each object in full ({@code GET /<collection>/<id>}) because list replies
 * carry only some fields. The client is not closed by this gateway.
 */
public final class CmsClientGateway implements CmsGateway {

  private final CmsClient client;

  private CmsClientGateway(CmsClient client) {
    this.client = client;
  }

  /**
   * {@return a gateway that uses {@code client}; the caller keeps ownership of the client}
   *
   * @param client a client of one Call Bridge of the cluster to provision; not null
   */
  public static CmsClientGateway create(CmsClient client) {
    return new CmsClientGateway(requireNonNull(client, "client == null"));
  }

  private CmsResources resources(CmsKind kind, String parentId) {
    if (kind.hasParent()) {
      requireNonNull(parentId, "parentId == null for " + kind.collection());
    }
    return kind.resources(client, parentId);
  }

  @Override
  public List<CmsObject> list(CmsKind kind, String parentId) {
    CmsResources r = resources(kind, parentId);
    List<CmsObject> out = new ArrayList<>();
    for (CmsObject listed : r.list()) {
      r.find(listed.id()).ifPresent(out::add);
    }
    return out;
  }

  @Override
  public String create(CmsKind kind, String parentId, Form form) {
    return resources(kind, parentId).create(form);
  }

  @Override
  public void update(CmsKind kind, String parentId, String id, Form form) {
    resources(kind, parentId).update(id, form);
  }

  @Override
  public void delete(CmsKind kind, String parentId, String id) {
    try {
      resources(kind, parentId).delete(id);
    } catch (CmsNotFoundException e) {
      // already gone: the goal of a delete is reached
    }
  }

  @Override
  public List<User> users() {
    Users users = client.api().users();
    List<User> out = new ArrayList<>();
    for (User listed : users.list()) {
      users.find(listed.id()).ifPresent(out::add);
    }
    return out;
  }

  @Override
  public String startLdapSync() {
    return client.api().ldapSyncs().create(
        LdapSyncParameters.builder().removeWhenFinished(Boolean.toString(false)).build());
  }

  @Override
  public LdapSync ldapSync(String id) {
    return client.api().ldapSyncs().get(id);
  }

  @Override
  public void deleteLdapSync(String id) {
    try {
      client.api().ldapSyncs().delete(id);
    } catch (CmsNotFoundException e) {
      // already removed
    }
  }

  @Override
  public String toString() {
    return "CmsClientGateway[" + client.apiBase() + "]";
  }
}
