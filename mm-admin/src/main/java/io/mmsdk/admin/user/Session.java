package io.mmsdk.admin.user;

import io.mmsdk.admin.access.Principal;
import io.mmsdk.admin.access.Role;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * A signed-in user's session: a snapshot of who they were at sign-in (role and tags are fixed for
 * the session; changes apply at the next sign-in). The token identifies the session to {@link
 * UserService}; it is a secret and never shown by {@link #toString()}.
 *
 * @param token random session token (256 bits, Base64url)
 * @param username who signed in
 * @param role role at sign-in
 * @param tags space tags at sign-in
 * @param source local or LDAP
 * @param signedInAt sign-in time (the session ends 24 h later at the latest)
 */
public record Session(String token, String username, Role role, Set<String> tags, UserSource source, Instant signedInAt) {
  /**
   * Checks and copies the components.
   *
   * @param token random session token (256 bits, Base64url)
   * @param username who signed in
   * @param role role at sign-in
   * @param tags space tags at sign-in
   * @param source local or LDAP
   * @param signedInAt sign-in time (the session ends 24 h later at the latest)
   */
  public Session {
    Objects.requireNonNull(token, "token == null");
    Objects.requireNonNull(username, "username == null");
    Objects.requireNonNull(role, "role == null");
    tags = Set.copyOf(Objects.requireNonNull(tags, "tags == null"));
    Objects.requireNonNull(source, "source == null");
    Objects.requireNonNull(signedInAt, "signedInAt == null");
  }

  /** {@return the access-control principal for this session (no MCU privilege level)} */
  public Principal principal() {
    return Principal.builder(username, role).tags(tags).build();
  }

  /** Shows everything but the token. */
  @Override
  public String toString() {
    return "Session[" + username + ", " + role + ", tags=" + tags + ", " + source + ", signedInAt=" + signedInAt + "]";
  }
}
