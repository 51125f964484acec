package io.mmsdk.admin.user;

/** Where a signed-in user's account lives. */
public enum UserSource {
  /** A local user managed by this SDK. */
  LOCAL,
  /** An LDAP user admitted through a group mapping. */
  LDAP
}
