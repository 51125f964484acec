package io.mmsdk.admin.user;

import io.mmsdk.admin.access.Role;
import java.util.Objects;
import java.util.Set;

/**
 * Maps an LDAP group (by DN) to a role and, for video operators, up to 10 tags. Members of several
 * mapped groups with different roles become administrators.
 *
 * @param groupDn the group's distinguished name (the "LDAP path")
 * @param role role given to members
 * @param tags tags given to members who are video operators
 */
public record LdapGroupMapping(String groupDn, Role role, Set<String> tags) {
  /**
   * Validates the components.
   *
   * @param groupDn the group's distinguished name (the "LDAP path")
   * @param role role given to members
   * @param tags tags given to members who are video operators
   */
  public LdapGroupMapping {
    checkDn(groupDn);
    Objects.requireNonNull(role, "role == null");
    tags = LocalUser.checkTags(groupDn, role, tags);
  }

  /**
   * {@return a mapping without tags}
   *
   * @param groupDn the group's distinguished name (the "LDAP path")
   * @param role role given to members
   */
  public static LdapGroupMapping of(String groupDn, Role role) {
    return new LdapGroupMapping(groupDn, role, Set.of());
  }

  static String checkDn(String groupDn) {
    Objects.requireNonNull(groupDn, "groupDn == null");
    if (groupDn.isBlank()) {
      throw new UserException("LDAP group DN is blank; enter the group's path, e.g. cn=operators,ou=groups,dc=example,dc=com.");
    }
    return groupDn;
  }
}
