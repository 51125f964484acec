package io.mmsdk.admin.access;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Who is asking: a username, a Meeting Management role with tags, and, where the MCU ownership
 * model is used, a privilege level. Group memberships for meeting permissions come from the
 * {@link Organization} on the resource. Build with {@link #builder(String, Role)}.
 */
public final class Principal {
  private final String username;
  private final Role role;
  private final Set<String> tags;
  private final PrivilegeLevel privilege;

  private Principal(Builder b) {
    this.username = b.username;
    this.role = b.role;
    this.tags = Set.copyOf(b.tags);
    this.privilege = b.privilege;
  }

  /**
   * {@return a builder for {@code username} with {@code role}}
   *
   * @param username the user's name
   * @param role administrator or video operator
   */
  public static Builder builder(String username, Role role) {
    return new Builder(username, role);
  }

  /** {@return the username} */
  public String username() {
    return username;
  }

  /** {@return the Meeting Management role} */
  public Role role() {
    return role;
  }

  /** {@return the space tags (video operators only; empty means no tag restriction)} */
  public Set<String> tags() {
    return tags;
  }

  /** {@return the MCU privilege level, if one is assigned} */
  public Optional<PrivilegeLevel> findPrivilege() {
    return Optional.ofNullable(privilege);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Principal p && username.equals(p.username) && role == p.role && tags.equals(p.tags)
        && privilege == p.privilege;
  }

  @Override
  public int hashCode() {
    return Objects.hash(username, role, tags, privilege);
  }

  @Override
  public String toString() {
    return "Principal[" + username + ", " + role + ", tags=" + tags + (privilege == null ? "" : ", " + privilege) + "]";
  }

  /** Builds a {@link Principal}. */
  public static final class Builder {
    private final String username;
    private final Role role;
    private Set<String> tags = Set.of();
    private PrivilegeLevel privilege;

    private Builder(String username, Role role) {
      this.username = Objects.requireNonNull(username, "username == null");
      this.role = Objects.requireNonNull(role, "role == null");
    }

    /**
     * Sets the space tags.
     *
     * @param tags the space tags
     * @return this builder
     */
    public Builder tags(Set<String> tags) {
      this.tags = Set.copyOf(Objects.requireNonNull(tags, "tags == null"));
      return this;
    }

    /**
     * Sets the MCU privilege level.
     *
     * @param privilege the MCU privilege level
     * @return this builder
     */
    public Builder privilege(PrivilegeLevel privilege) {
      this.privilege = Objects.requireNonNull(privilege, "privilege == null");
      return this;
    }

    /**
     * Builds the principal.
     *
     * @return the principal
     */
    public Principal build() {
      return new Principal(this);
    }
  }
}
