package io.mmsdk.admin.user;

import io.mmsdk.admin.access.Role;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * An LDAP user who proved their password and belongs to at least one mapped group.
 *
 * @param username the sign-in name
 * @param dn the user's entry DN
 * @param role administrator if any mapped group (or several with different roles) says so
 * @param tags union of the mapped groups' tags (video operators only)
 * @param groups DNs of the mapped groups the user is in
 */
public record LdapIdentity(String username, String dn, Role role, Set<String> tags, List<String> groups) {
  /**
   * Checks and copies the components.
   *
   * @param username the sign-in name
   * @param dn the user's entry DN
   * @param role administrator if any mapped group (or several with different roles) says so
   * @param tags union of the mapped groups' tags (video operators only)
   * @param groups DNs of the mapped groups the user is in
   */
  public LdapIdentity {
    Objects.requireNonNull(username, "username == null");
    Objects.requireNonNull(dn, "dn == null");
    Objects.requireNonNull(role, "role == null");
    tags = Set.copyOf(Objects.requireNonNull(tags, "tags == null"));
    groups = List.copyOf(Objects.requireNonNull(groups, "groups == null"));
  }
}
