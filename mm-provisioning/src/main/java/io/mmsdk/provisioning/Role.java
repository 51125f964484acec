package io.mmsdk.provisioning;

import static java.util.Objects.requireNonNull;

/**
 * A participant role of a {@link SpaceTemplate} (CMS {@code accessMethodTemplate} + its {@code
 * callLegProfile}).
 *
 * <p>{@code uriGenerator} (for example {@code $.host}) is used only when roles are told apart by
 * unique URI; it must contain exactly one {@code $}. A null {@code minPasscodeLength} means the system
 * default; 0 means no passcode.
 *
 * @param name role name, unique within the template
 * @param visibility visibility of the role's access details
 * @param uriGenerator unique URI generator such as $.host, for UNIQUE_URI templates
 * @param minPasscodeLength minimum passcode length, null for the system default, 0 for none
 * @param activator whether participants with this role are activators
 * @param overrides settings that override system values
 */
public record Role(
    String name,
    Visibility visibility,
    String uriGenerator,
    Integer minPasscodeLength,
    boolean activator,
    RoleOverrides overrides) {

  /**
   * Normalises a missing {@code overrides} to {@link RoleOverrides#NONE}.
   *
   * @param name role name, unique within the template
   * @param visibility visibility of the role's access details
   * @param uriGenerator unique URI generator such as $.host, for UNIQUE_URI templates
   * @param minPasscodeLength minimum passcode length, null for the system default, 0 for none
   * @param activator whether participants with this role are activators
   * @param overrides settings that override system values
   */
  public Role {
    overrides = overrides == null ? RoleOverrides.NONE : overrides;
  }

  /** {@return a new builder} */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link Role} values. */
  public static final class Builder {
    private String name;
    private Visibility visibility = Visibility.PUBLIC;
    private String uriGenerator;
    private Integer minPasscodeLength;
    private boolean activator;
    private RoleOverrides overrides = RoleOverrides.NONE;

    private Builder() {}

    /**
     * Sets the role name, unique within its template.
     *
     * @param name the role name, unique within its template
     * @return this builder
     */
    public Builder name(String name) {
      this.name = requireNonNull(name, "name == null");
      return this;
    }

    /**
     * Sets the visibility; PUBLIC unless set.
     *
     * @param visibility the visibility; PUBLIC unless set
     * @return this builder
     */
    public Builder visibility(Visibility visibility) {
      this.visibility = requireNonNull(visibility, "visibility == null");
      return this;
    }

    /**
     * Sets the unique URI generator, for example {@code $.host}.
     *
     * @param uriGenerator the unique URI generator, for example {@code $.host}
     * @return this builder
     */
    public Builder uriGenerator(String uriGenerator) {
      this.uriGenerator = requireNonNull(uriGenerator, "uriGenerator == null");
      return this;
    }

    /**
     * Sets the minimum passcode length; 0 means no passcode.
     *
     * @param minPasscodeLength the minimum passcode length; 0 means no passcode
     * @return this builder
     */
    public Builder minPasscodeLength(int minPasscodeLength) {
      this.minPasscodeLength = minPasscodeLength;
      return this;
    }

    /**
     * Sets whether participants with this role are activators.
     *
     * @param activator whether participants with this role are activators
     * @return this builder
     */
    public Builder activator(boolean activator) {
      this.activator = activator;
      return this;
    }

    /**
     * Sets the overrides.
     *
     * @param overrides the overrides
     * @return this builder
     */
    public Builder overrides(RoleOverrides overrides) {
      this.overrides = requireNonNull(overrides, "overrides == null");
      return this;
    }

    /** {@return the role} */
    public Role build() {
      return new Role(name, visibility, uriGenerator, minPasscodeLength, activator, overrides);
    }
  }
}
