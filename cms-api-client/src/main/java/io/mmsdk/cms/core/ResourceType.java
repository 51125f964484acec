package io.mmsdk.cms.core;

import static java.util.Objects.requireNonNull;

import java.util.Set;

/**
 * Describes one family of CMS objects: its collection path under {@code /api/v1}, the XML element
 * names of the list and of one object, whether it can be written, and which query filters its
 * list accepts. One generic mechanism ({@link CmsResources}) serves every family.
 *
 * <p>Nested families (for example {@link #ACCESS_METHODS} under a coSpace) have a path containing
 * {@code {parent}}; pass the parent id to {@link CmsOperations#resources(ResourceType, String)}.
 * {@link #custom} describes a family this class has no constant for.
 */
public final class ResourceType {
  /** {@code /coSpaces}; filters: filter tenantFilter callLegProfileFilter. */
  public static final ResourceType CO_SPACES =
      new ResourceType("coSpaces", "coSpaces", "coSpace", true, Set.of("filter", "tenantFilter", "callLegProfileFilter"));

  /** {@code /coSpaces/<id>/accessMethods}; filters: filter callLegProfileFilter. */
  public static final ResourceType ACCESS_METHODS =
      new ResourceType("coSpaces/{parent}/accessMethods", "accessMethods", "accessMethod", true, Set.of("filter", "callLegProfileFilter"));

  /** {@code /coSpaces/<id>/coSpaceUsers}; filters: filter callLegProfileFilter. */
  public static final ResourceType CO_SPACE_USERS =
      new ResourceType("coSpaces/{parent}/coSpaceUsers", "coSpaceUsers", "coSpaceUser", true, Set.of("filter", "callLegProfileFilter"));

  /** {@code /coSpaceTemplates}; filters: filter. */
  public static final ResourceType CO_SPACE_TEMPLATES =
      new ResourceType("coSpaceTemplates", "coSpaceTemplates", "coSpaceTemplate", true, Set.of("filter"));

  /** {@code /coSpaceTemplates/<id>/accessMethodTemplates}; filters: filter callLegProfileFilter. */
  public static final ResourceType ACCESS_METHOD_TEMPLATES =
      new ResourceType("coSpaceTemplates/{parent}/accessMethodTemplates", "accessMethodTemplates", "accessMethodTemplate", true, Set.of("filter", "callLegProfileFilter"));

  /** {@code /callLegProfiles}; filters: usageFilter. */
  public static final ResourceType CALL_LEG_PROFILES =
      new ResourceType("callLegProfiles", "callLegProfiles", "callLegProfile", true, Set.of("usageFilter"));

  /** {@code /callProfiles}; filters: usageFilter. */
  public static final ResourceType CALL_PROFILES =
      new ResourceType("callProfiles", "callProfiles", "callProfile", true, Set.of("usageFilter"));

  /** {@code /users} (read-only); filters: filter tenantFilter emailFilter cdrTagFilter. */
  public static final ResourceType USERS =
      new ResourceType("users", "users", "user", false, Set.of("filter", "tenantFilter", "emailFilter", "cdrTagFilter"));

  /** {@code /userProfiles}; filters: usageFilter. */
  public static final ResourceType USER_PROFILES =
      new ResourceType("userProfiles", "userProfiles", "userProfile", true, Set.of("usageFilter"));

  /** {@code /users/<id>/userCoSpaceTemplates}. */
  public static final ResourceType USER_CO_SPACE_TEMPLATES =
      new ResourceType("users/{parent}/userCoSpaceTemplates", "userCoSpaceTemplates", "userCoSpaceTemplate", true, Set.of());

  /** {@code /dialInSecurityProfiles} (CMS 3.0 onwards). */
  public static final ResourceType DIAL_IN_SECURITY_PROFILES =
      new ResourceType("dialInSecurityProfiles", "dialInSecurityProfiles", "dialInSecurityProfile", true, Set.of());

  /** {@code /ldapServers}; filters: filter. */
  public static final ResourceType LDAP_SERVERS =
      new ResourceType("ldapServers", "ldapServers", "ldapServer", true, Set.of("filter"));

  /** {@code /ldapMappings}; filters: filter. */
  public static final ResourceType LDAP_MAPPINGS =
      new ResourceType("ldapMappings", "ldapMappings", "ldapMapping", true, Set.of("filter"));

  /** {@code /ldapSources}; filters: filter tenantFilter. */
  public static final ResourceType LDAP_SOURCES =
      new ResourceType("ldapSources", "ldapSources", "ldapSource", true, Set.of("filter", "tenantFilter"));

  /** {@code /ldapSyncs}. */
  public static final ResourceType LDAP_SYNCS =
      new ResourceType("ldapSyncs", "ldapSyncs", "ldapSync", true, Set.of());

  /** {@code /ldapUserCoSpaceTemplateSources}; filters: filter. */
  public static final ResourceType LDAP_USER_CO_SPACE_TEMPLATE_SOURCES =
      new ResourceType("ldapUserCoSpaceTemplateSources", "ldapUserCoSpaceTemplateSources", "ldapUserCoSpaceTemplateSource", true, Set.of("filter"));

  /** {@code /calls}; filters: coSpaceFilter tenantFilter. */
  public static final ResourceType CALLS =
      new ResourceType("calls", "calls", "call", true, Set.of("coSpaceFilter", "tenantFilter"));

  /**
   * {@code /callLegs}; filters: filter participantFilter tenantFilter activeLayoutFilter
   * availableVideoStreamsLowerBound availableVideoStreamsUpperBound ownerIdSet alarms.
   */
  public static final ResourceType CALL_LEGS =
      new ResourceType("callLegs", "callLegs", "callLeg", true, Set.of("filter", "participantFilter", "tenantFilter", "activeLayoutFilter", "availableVideoStreamsLowerBound", "availableVideoStreamsUpperBound", "ownerIdSet", "alarms"));

  /**
   * {@code /calls/<id>/callLegs}; filters: filter participantFilter tenantFilter activeLayoutFilter
   * availableVideoStreamsLowerBound availableVideoStreamsUpperBound ownerIdSet alarms.
   */
  public static final ResourceType CALL_CALL_LEGS =
      new ResourceType("calls/{parent}/callLegs", "callLegs", "callLeg", true, Set.of("filter", "participantFilter", "tenantFilter", "activeLayoutFilter", "availableVideoStreamsLowerBound", "availableVideoStreamsUpperBound", "ownerIdSet", "alarms"));

  /** {@code /participants}; filters: filter tenantFilter callBridgeFilter. */
  public static final ResourceType PARTICIPANTS =
      new ResourceType("participants", "participants", "participant", true, Set.of("filter", "tenantFilter", "callBridgeFilter"));

  /** {@code /calls/<id>/participants}; filters: filter tenantFilter callBridgeFilter. */
  public static final ResourceType CALL_PARTICIPANTS =
      new ResourceType("calls/{parent}/participants", "participants", "participant", true, Set.of("filter", "tenantFilter", "callBridgeFilter"));

  /**
   * {@code /tenants}; filters: filter callLegProfileFilter callLegProfileFillter (the blueprint
   * spells it both ways).
   */
  public static final ResourceType TENANTS =
      new ResourceType("tenants", "tenants", "tenant", true, Set.of("filter", "callLegProfileFilter", "callLegProfileFillter"));

  /** {@code /callBridges}. */
  public static final ResourceType CALL_BRIDGES =
      new ResourceType("callBridges", "callBridges", "callBridge", true, Set.of());

  /** {@code /system/alarms} (read-only). */
  public static final ResourceType ALARMS =
      new ResourceType("system/alarms", "alarms", "alarm", false, Set.of());

  /** {@code /system/cdrReceivers}. */
  public static final ResourceType CDR_RECEIVERS =
      new ResourceType("system/cdrReceivers", "cdrReceivers", "cdrReceiver", true, Set.of());

  /** {@code /system/MPLicenseUsage} (read-only); filters: startTime endTime hostId. */
  public static final ResourceType LICENSE_USAGE =
      new ResourceType("system/MPLicenseUsage", "MPLicenseUsage", "entry", false, Set.of("startTime", "endTime", "hostId"));

  /** {@code /system/MPLicenseUsage/knownHosts} (read-only). */
  public static final ResourceType LICENSE_KNOWN_HOSTS =
      new ResourceType("system/MPLicenseUsage/knownHosts", "knownHosts", "host", false, Set.of());

  private final String pathTemplate;
  private final String listElement;
  private final String element;
  private final boolean writable;
  private final Set<String> queryParameters;
  private final boolean anyQuery;

  private ResourceType(
      String pathTemplate,
      String listElement,
      String element,
      boolean writable,
      Set<String> queryParameters) {
    this(pathTemplate, listElement, element, writable, queryParameters, false);
  }

  private ResourceType(
      String pathTemplate,
      String listElement,
      String element,
      boolean writable,
      Set<String> queryParameters,
      boolean anyQuery) {
    this.anyQuery = anyQuery;
    this.pathTemplate = pathTemplate;
    this.listElement = listElement;
    this.element = element;
    this.writable = writable;
    this.queryParameters = queryParameters;
  }

  /**
   * Describes a family without a constant here. Its list accepts any query parameter.
   *
   * @param pathTemplate the collection path under {@code /api/v1}, for example
   *     {@code dialTransforms} or {@code ivrs}; {@code {parent}} marks a parent id
   * @param listElement the list's root element, for example {@code dialTransforms}
   * @param element one object's element, for example {@code dialTransform}
   * @return the family
   */
  public static ResourceType custom(String pathTemplate, String listElement, String element) {
    requireNonNull(pathTemplate, "pathTemplate == null");
    requireNonNull(listElement, "listElement == null");
    requireNonNull(element, "element == null");
    if (pathTemplate.isEmpty() || pathTemplate.startsWith("/")) {
      throw new IllegalArgumentException(
          "pathTemplate \"" + pathTemplate + "\" must be relative to /api/v1, for example \"dialTransforms\"");
    }
    return new ResourceType(pathTemplate, listElement, element, true, Set.of(), true);
  }

  /** {@return the collection path template under {@code /api/v1}} */
  public String pathTemplate() {
    return pathTemplate;
  }

  /** {@return the list's root element name, for example {@code coSpaces}} */
  public String listElement() {
    return listElement;
  }

  /** {@return one object's element name, for example {@code coSpace}} */
  public String element() {
    return element;
  }

  /** {@return whether objects of this family can be created, modified and deleted} */
  public boolean isWritable() {
    return writable;
  }

  /** {@return whether the path needs a parent id} */
  public boolean isNested() {
    return pathTemplate.contains("{parent}");
  }

  /**
   * {@return the filter parameters the list accepts; empty for {@link #custom} families, which
   * accept any}
   */
  public Set<String> queryParameters() {
    return queryParameters;
  }

  /**
   * {@return whether the list accepts the query parameter {@code name}}
   *
   * @param name the query parameter's name
   */
  public boolean acceptsQueryParameter(String name) {
    return anyQuery || queryParameters.contains(name);
  }

  @Override
  public String toString() {
    return "ResourceType[/" + pathTemplate + "]";
  }
}
