package io.mmsdk.provisioning;

/**
 * A CMS object that mm-sdk created or that the user explicitly adopted.
 *
 * @param key the desired-state key it implements, e.g. {@code ldapServers:corp}
 * @param kind the object type
 * @param id the CMS id
 * @param parentId the parent coSpaceTemplate id for access method templates, else null
 * @param secretFingerprint a salted hash of the last password sent, or null when none is known; never
 *     the password itself
 */
public record OwnedObject(String key, CmsKind kind, String id, String parentId, String secretFingerprint) {

  @Override
  public String toString() {
    return "OwnedObject[" + key + " -> " + id + "]";
  }
}
