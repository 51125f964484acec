package io.mmsdk.admin.access;

/** A Meeting Management role. Permissions depend only on the role, not on local vs LDAP. */
public enum Role {
  /** Full access: set-up, configuration, users, servers, and all meetings and spaces. */
  ADMINISTRATOR,
  /**
   * Meetings and overview only; limited to spaces carrying one of the operator's tags when the
   * operator has tags.
   */
  VIDEO_OPERATOR
}
