package io.mmsdk.provisioning;

import static java.util.Objects.requireNonNull;

import io.mmsdk.cms.CmsClient;
import io.mmsdk.cms.CmsNotFoundException;
import io.mmsdk.cms.CmsObject;
import io.mmsdk.cms.CmsResources;
import io.mmsdk.cms.Form;
import io.mmsdk.cms.ResourceType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A {@link CmsGateway} over a cms-api-client {@link CmsClient} connected to one Call Bridge. Lists
 * read each object in full ({@code GET /<collection>/<id>}) because list replies carry only some
 * fields. The client is not closed by this gateway.
 */
public final class CmsClientGateway implements CmsGateway {

  private final CmsClient client;

  private static final ResourceType DIAL_IN_SECURITY_PROFILES = ResourceType.custom(
      "dialInSecurityProfiles", "dialInSecurityProfiles", "dialInSecurityProfile");

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
    return switch (kind) {
      case LDAP_SERVER -> client.resources(ResourceType.LDAP_SERVERS);
      case USER_PROFILE -> client.resources(ResourceType.USER_PROFILES);
      case CALL_PROFILE -> client.resources(ResourceType.CALL_PROFILES);
      case CALL_LEG_PROFILE -> client.resources(ResourceType.CALL_LEG_PROFILES);
      case DIAL_IN_SECURITY_PROFILE -> client.resources(DIAL_IN_SECURITY_PROFILES);
      case CO_SPACE_TEMPLATE -> client.resources(ResourceType.CO_SPACE_TEMPLATES);
      case ACCESS_METHOD_TEMPLATE -> client.resources(ResourceType.ACCESS_METHOD_TEMPLATES,
          requireNonNull(parentId, "parentId == null for accessMethodTemplates"));
      case LDAP_MAPPING -> client.resources(ResourceType.LDAP_MAPPINGS);
      case LDAP_SOURCE -> client.resources(ResourceType.LDAP_SOURCES);
      case LDAP_USER_CO_SPACE_TEMPLATE_SOURCE ->
          client.resources(ResourceType.LDAP_USER_CO_SPACE_TEMPLATE_SOURCES);
    };
  }

  private static Form form(Map<String, String> fields) {
    Form.Builder b = Form.builder();
    fields.forEach(b::set);
    return b.build();
  }

  @Override
  public List<ServerObject> list(CmsKind kind, String parentId) {
    CmsResources r = resources(kind, parentId);
    List<ServerObject> out = new ArrayList<>();
    for (CmsObject listed : r.list()) {
      Optional<CmsObject> full = r.find(listed.id());
      full.ifPresent(o -> out.add(new ServerObject(kind, o.id(), parentId, o.fields())));
    }
    return out;
  }

  @Override
  public String create(CmsKind kind, String parentId, Map<String, String> form) {
    return resources(kind, parentId).create(form(form));
  }

  @Override
  public void update(CmsKind kind, String parentId, String id, Map<String, String> form) {
    resources(kind, parentId).update(id, form(form));
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
  public List<CmsUser> users() {
    CmsResources users = client.users();
    List<CmsUser> out = new ArrayList<>();
    for (CmsObject listed : users.list()) {
      Optional<CmsObject> full = users.find(listed.id());
      full.ifPresent(u -> out.add(new CmsUser(u.id(), u.fields().getOrDefault("userJid", ""),
          u.fields().get("name"), u.fields().get("userProfile"))));
    }
    return out;
  }

  @Override
  public String startLdapSync() {
    return client.ldapSyncs().create(Form.builder().set("removeWhenFinished", "false").build());
  }

  @Override
  public LdapSyncStatus ldapSync(String id) {
    Map<String, String> f = client.ldapSyncs().get(id).fields();
    return new LdapSyncStatus(id, f.getOrDefault("state", ""), f.get("failureReason"),
        number(f.get("numUsersImported")), number(f.get("numLdapSourcesComplete")));
  }

  private static int number(String value) {
    if (value == null || value.isEmpty()) {
      return 0;
    }
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  @Override
  public void deleteLdapSync(String id) {
    try {
      client.ldapSyncs().delete(id);
    } catch (CmsNotFoundException e) {
      // already removed
    }
  }

  @Override
  public String toString() {
    return "CmsClientGateway[" + client.apiBase() + "]";
  }
}
