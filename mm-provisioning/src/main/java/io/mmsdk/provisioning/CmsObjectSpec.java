package io.mmsdk.provisioning;

import java.util.Map;

/**
 * One CMS object the desired state translates to.
 *
 * @param kind the object type
 * @param key stable identity within the desired state, e.g. {@code ldapServers:corp}; how mm-sdk
 *     recognises its own objects across runs
 * @param parentKey key of the parent coSpaceTemplate for access method templates, else null
 * @param fields literal field values as sent on the wire
 * @param references fields whose value is the CMS id of another desired object, by that object's key
 * @param secretRefs write-only fields (the LDAP bind password) by secret reference; never the secret
 * @param origin the desired-state path the object comes from, e.g. {@code userImports[0]}
 */
public record CmsObjectSpec(
    CmsKind kind,
    String key,
    String parentKey,
    Map<String, String> fields,
    Map<String, String> references,
    Map<String, String> secretRefs,
    String origin) {

  /**
   * Copies the maps.
   *
   * @param kind the object type
   * @param key stable identity within the desired state, e.g. {@code ldapServers:corp}; how mm-sdk recognises its own objects across runs
   * @param parentKey key of the parent coSpaceTemplate for access method templates, else null
   * @param fields literal field values as sent on the wire
   * @param references fields whose value is the CMS id of another desired object, by that object's key
   * @param secretRefs write-only fields (the LDAP bind password) by secret reference; never the secret
   * @param origin the desired-state path the object comes from, e.g. {@code userImports[0]}
   */
  public CmsObjectSpec {
    fields = Map.copyOf(fields);
    references = Map.copyOf(references);
    secretRefs = Map.copyOf(secretRefs);
  }
}
