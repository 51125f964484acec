package io.mmsdk.provisioning;

import java.util.List;

/**
 * The CMS object types mm-provisioning manages, in the order they are created (deletes run in
 * reverse). Each knows its collection path and the fields mm-sdk writes, so that a field dropped from
 * the desired state is cleared on the server.
 */
public enum CmsKind {
  /** {@code /ldapServers}. */
  LDAP_SERVER("ldapServers", "ldapServer",
      List.of("name", "address", "portNumber", "secure", "username", "usePagedResults")),
  /** {@code /userProfiles}. */
  USER_PROFILE("userProfiles", "userProfile", List.of("hasLicense")),
  /** {@code /callProfiles}. */
  CALL_PROFILE("callProfiles", "callProfile",
      List.of("participantLimit", "recordingMode", "locked", "passcodeMode", "passcodeTimeout")),
  /** {@code /callLegProfiles}. */
  CALL_LEG_PROFILE("callLegProfiles", "callLegProfile",
      List.of("name", "needsActivation", "defaultLayout", "videoMode", "deactivationMode")),
  /** {@code /dialInSecurityProfiles} (CMS 3.0+): a role's minimum passcode length. */
  DIAL_IN_SECURITY_PROFILE("dialInSecurityProfiles", "dialInSecurityProfile",
      List.of("name", "minPasscodeLength")),
  /** {@code /coSpaceTemplates}. */
  CO_SPACE_TEMPLATE("coSpaceTemplates", "coSpaceTemplate",
      List.of("name", "description", "callProfile", "callLegProfile")),
  /** {@code /coSpaceTemplates/<id>/accessMethodTemplates}. */
  ACCESS_METHOD_TEMPLATE("accessMethodTemplates", "accessMethodTemplate",
      List.of("name", "uriGenerator", "generateUniqueCallId", "callLegProfile", "scope",
          "dialInSecurityProfile")),
  /** {@code /ldapMappings}. */
  LDAP_MAPPING("ldapMappings", "ldapMapping",
      List.of("jidMapping", "nameMapping", "coSpaceNameMapping", "coSpaceUriMapping",
          "coSpaceSecondaryUriMapping", "coSpaceCallIdMapping", "coSpaceTemplate")),
  /** {@code /ldapSources}. */
  LDAP_SOURCE("ldapSources", "ldapSource",
      List.of("server", "mapping", "baseDn", "filter", "userProfile")),
  /** {@code /ldapUserCoSpaceTemplateSources}. */
  LDAP_USER_CO_SPACE_TEMPLATE_SOURCE("ldapUserCoSpaceTemplateSources",
      "ldapUserCoSpaceTemplateSource", List.of("coSpaceTemplate", "ldapSource", "filter"));

  private final String collection;
  private final String element;
  private final List<String> managedFields;

  CmsKind(String collection, String element, List<String> managedFields) {
    this.collection = collection;
    this.element = element;
    this.managedFields = managedFields;
  }

  /** {@return the collection name, for example {@code ldapServers}} */
  public String collection() {
    return collection;
  }

  /** {@return the XML element name of one object, for example {@code ldapServer}} */
  public String element() {
    return element;
  }

  /** {@return the fields mm-sdk writes for this type (secrets excluded)} */
  public List<String> managedFields() {
    return managedFields;
  }

  /** {@return whether objects of this type live under a parent coSpaceTemplate} */
  public boolean hasParent() {
    return this == ACCESS_METHOD_TEMPLATE;
  }
}
