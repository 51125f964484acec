package io.mmsdk.provisioning;

import static io.mmsdk.cms.CmsFields.ADDRESS;
import static io.mmsdk.cms.CmsFields.BASE_DN;
import static io.mmsdk.cms.CmsFields.CO_SPACE_CALL_ID_MAPPING;
import static io.mmsdk.cms.CmsFields.CO_SPACE_NAME_MAPPING;
import static io.mmsdk.cms.CmsFields.CO_SPACE_SECONDARY_URI_MAPPING;
import static io.mmsdk.cms.CmsFields.CO_SPACE_URI_MAPPING;
import static io.mmsdk.cms.CmsFields.DEACTIVATION_MODE;
import static io.mmsdk.cms.CmsFields.DEFAULT_LAYOUT;
import static io.mmsdk.cms.CmsFields.DESCRIPTION;
import static io.mmsdk.cms.CmsFields.FILTER;
import static io.mmsdk.cms.CmsFields.GENERATE_UNIQUE_CALL_ID;
import static io.mmsdk.cms.CmsFields.HAS_LICENSE;
import static io.mmsdk.cms.CmsFields.JID_MAPPING;
import static io.mmsdk.cms.CmsFields.LOCKED;
import static io.mmsdk.cms.CmsFields.MAPPING;
import static io.mmsdk.cms.CmsFields.MIN_PASSCODE_LENGTH;
import static io.mmsdk.cms.CmsFields.NAME;
import static io.mmsdk.cms.CmsFields.NAME_MAPPING;
import static io.mmsdk.cms.CmsFields.NEEDS_ACTIVATION;
import static io.mmsdk.cms.CmsFields.PARTICIPANT_LIMIT;
import static io.mmsdk.cms.CmsFields.PASSCODE_MODE;
import static io.mmsdk.cms.CmsFields.PASSCODE_TIMEOUT;
import static io.mmsdk.cms.CmsFields.PORT_NUMBER;
import static io.mmsdk.cms.CmsFields.RECORDING_MODE;
import static io.mmsdk.cms.CmsFields.SCOPE;
import static io.mmsdk.cms.CmsFields.SECURE;
import static io.mmsdk.cms.CmsFields.SERVER;
import static io.mmsdk.cms.CmsFields.URI_GENERATOR;
import static io.mmsdk.cms.CmsFields.USERNAME;
import static io.mmsdk.cms.CmsFields.USE_PAGED_RESULTS;
import static io.mmsdk.cms.CmsFields.VIDEO_MODE;

import io.mmsdk.cms.CmsClient;
import io.mmsdk.cms.CmsFields;
import io.mmsdk.cms.core.CmsField;
import io.mmsdk.cms.core.CmsResources;
import io.mmsdk.cms.core.ResourceType;
import java.util.List;
import java.util.stream.Stream;

/**
 * The CMS families mm-provisioning manages, in the order their objects are created (deletes run in
 * reverse). Each is one of cms-api-client's families ({@link #resourceType()}, the client's
 * registry of paths and element names) plus the fields mm-sdk writes, as the client's typed keys,
 * so that a field dropped from the desired state is cleared on the server.
 *
 * <p>Plans and the ownership store name a kind by its {@linkplain #collection() collection}, and
 * the field-level diff works on the generic view of an object ({@link io.mmsdk.cms.core.CmsObject}'s
 * fields by element name) by design: it compares whatever the server holds for the managed fields,
 * including values the API model does not know.
 */
public enum CmsKind {
  /** {@code /ldapServers}. */
  LDAP_SERVER(ResourceType.LDAP_SERVERS,
      NAME, ADDRESS, PORT_NUMBER, SECURE, USERNAME, USE_PAGED_RESULTS),
  /** {@code /userProfiles}. */
  USER_PROFILE(ResourceType.USER_PROFILES, HAS_LICENSE),
  /** {@code /callProfiles}. */
  CALL_PROFILE(ResourceType.CALL_PROFILES,
      PARTICIPANT_LIMIT, RECORDING_MODE, LOCKED, PASSCODE_MODE, PASSCODE_TIMEOUT),
  /** {@code /callLegProfiles}. */
  CALL_LEG_PROFILE(ResourceType.CALL_LEG_PROFILES,
      NAME, NEEDS_ACTIVATION, DEFAULT_LAYOUT, VIDEO_MODE, DEACTIVATION_MODE),
  /** {@code /dialInSecurityProfiles} (CMS 3.0+): a role's minimum passcode length. */
  DIAL_IN_SECURITY_PROFILE(ResourceType.DIAL_IN_SECURITY_PROFILES, NAME, MIN_PASSCODE_LENGTH),
  /** {@code /coSpaceTemplates}. */
  CO_SPACE_TEMPLATE(ResourceType.CO_SPACE_TEMPLATES,
      NAME, DESCRIPTION, CmsFields.CALL_PROFILE, CmsFields.CALL_LEG_PROFILE),
  /** {@code /coSpaceTemplates/<id>/accessMethodTemplates}. */
  ACCESS_METHOD_TEMPLATE(ResourceType.ACCESS_METHOD_TEMPLATES,
      NAME, URI_GENERATOR, GENERATE_UNIQUE_CALL_ID, CmsFields.CALL_LEG_PROFILE, SCOPE,
      CmsFields.DIAL_IN_SECURITY_PROFILE),
  /** {@code /ldapMappings}. */
  LDAP_MAPPING(ResourceType.LDAP_MAPPINGS,
      JID_MAPPING, NAME_MAPPING, CO_SPACE_NAME_MAPPING, CO_SPACE_URI_MAPPING,
      CO_SPACE_SECONDARY_URI_MAPPING, CO_SPACE_CALL_ID_MAPPING, CmsFields.CO_SPACE_TEMPLATE),
  /** {@code /ldapSources}. */
  LDAP_SOURCE(ResourceType.LDAP_SOURCES, SERVER, MAPPING, BASE_DN, FILTER, CmsFields.USER_PROFILE),
  /** {@code /ldapUserCoSpaceTemplateSources}. */
  LDAP_USER_CO_SPACE_TEMPLATE_SOURCE(ResourceType.LDAP_USER_CO_SPACE_TEMPLATE_SOURCES,
      CmsFields.CO_SPACE_TEMPLATE, CmsFields.LDAP_SOURCE, FILTER);

  private final ResourceType resourceType;
  private final List<String> managedFields;

  CmsKind(ResourceType resourceType, CmsField<?>... managedFields) {
    this.resourceType = resourceType;
    this.managedFields = Stream.of(managedFields).map(CmsField::name).toList();
  }

  /** {@return the client's family for this kind} */
  public ResourceType resourceType() {
    return resourceType;
  }

  /** {@return the collection name, for example {@code ldapServers}} */
  public String collection() {
    return resourceType.listElement();
  }

  /** {@return the XML element name of one object, for example {@code ldapServer}} */
  public String element() {
    return resourceType.element();
  }

  /** {@return the element names of the fields mm-sdk writes for this type (secrets excluded)} */
  public List<String> managedFields() {
    return managedFields;
  }

  /** {@return whether objects of this type live under a parent coSpaceTemplate} */
  public boolean hasParent() {
    return resourceType.isNested();
  }

  /** The client's operations on this family; {@code parentId} is the coSpaceTemplate for nested kinds. */
  CmsResources resources(CmsClient client, String parentId) {
    return hasParent() ? client.resources(resourceType, parentId) : client.resources(resourceType);
  }
}
