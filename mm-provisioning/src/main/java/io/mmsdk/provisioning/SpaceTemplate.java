package io.mmsdk.provisioning;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;

/**
 * A space template: roles, how they are told apart, the default role for dial-out and space-level
 * overrides (CMS {@code coSpaceTemplate} + {@code accessMethodTemplates} + {@code callLegProfiles}
 * +
 * {@code callProfile}).
 *
 * <p>The name and description are shown to web app users.
 *
 * @param name template name shown to web app users
 * @param description description shown to web app users
 * @param roleDistinction how roles are told apart; PASSCODE when null
 * @param roles the roles, at least one
 * @param defaultDialOutRole role for dial-out participants; the first role when null
 * @param spaceOverrides space-level overrides
 */
public record SpaceTemplate(
    String name,
    String description,
    RoleDistinction roleDistinction,
    List<Role> roles,
    String defaultDialOutRole,
    SpaceOverrides spaceOverrides) {

  /**
   * Copies {@code roles} and normalises missing values.
   *
   * @param name template name shown to web app users
   * @param description description shown to web app users
   * @param roleDistinction how roles are told apart; PASSCODE when null
   * @param roles the roles, at least one
   * @param defaultDialOutRole role for dial-out participants; the first role when null
   * @param spaceOverrides space-level overrides
   */
  public SpaceTemplate {
    roles = roles == null ? List.of() : List.copyOf(roles);
    spaceOverrides = spaceOverrides == null ? SpaceOverrides.NONE : spaceOverrides;
    roleDistinction = roleDistinction == null ? RoleDistinction.PASSCODE : roleDistinction;
  }

  /** {@return a new builder} */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link SpaceTemplate} values. */
  public static final class Builder {
    private String name;
    private String description = "";
    private RoleDistinction roleDistinction = RoleDistinction.PASSCODE;
    private final List<Role> roles = new ArrayList<>();
    private String defaultDialOutRole;
    private SpaceOverrides spaceOverrides = SpaceOverrides.NONE;

    private Builder() {}

    /**
     * Sets the template name shown to web app users.
     *
     * @param name the template name shown to web app users
     * @return this builder
     */
    public Builder name(String name) {
      this.name = requireNonNull(name, "name == null");
      return this;
    }

    /**
     * Sets the description shown to web app users.
     *
     * @param description the description shown to web app users
     * @return this builder
     */
    public Builder description(String description) {
      this.description = requireNonNull(description, "description == null");
      return this;
    }

    /**
     * Sets how roles are told apart; PASSCODE unless set.
     *
     * @param roleDistinction how roles are told apart; PASSCODE unless set
     * @return this builder
     */
    public Builder roleDistinction(RoleDistinction roleDistinction) {
      this.roleDistinction = requireNonNull(roleDistinction, "roleDistinction == null");
      return this;
    }

    /**
     * Adds a role.
     *
     * @param role the role, with a unique name; not null
     * @return this builder
     */
    public Builder addRole(Role role) {
      roles.add(requireNonNull(role, "role == null"));
      return this;
    }

    /**
     * Sets the role dial-out participants get; the first role unless set.
     *
     * @param defaultDialOutRole the role dial-out participants get; the first role unless set
     * @return this builder
     */
    public Builder defaultDialOutRole(String defaultDialOutRole) {
      this.defaultDialOutRole = requireNonNull(defaultDialOutRole, "defaultDialOutRole == null");
      return this;
    }

    /**
     * Sets the space-level overrides.
     *
     * @param spaceOverrides the space-level overrides
     * @return this builder
     */
    public Builder spaceOverrides(SpaceOverrides spaceOverrides) {
      this.spaceOverrides = requireNonNull(spaceOverrides, "spaceOverrides == null");
      return this;
    }

    /** {@return the template} */
    public SpaceTemplate build() {
      return new SpaceTemplate(
          name, description, roleDistinction, roles, defaultDialOutRole, spaceOverrides);
    }
  }
}
