package io.mmsdk.provisioning;

import static java.util.Objects.requireNonNull;

/**
 * A rule that automatically creates one space per user of a {@link UserImport} (CMS {@code
 * coSpace*Mapping} fields of an {@code ldapMapping}).
 *
 * <p>{@code filter} optionally narrows the import to a smaller group; the URI user part is lower
 * cased by CMS and must be unique per user.
 *
 * @param userImport name of the user import
 * @param filter optional narrowing RFC 4515 filter, null or blank for all users
 * @param spaceNameMapping space name mapping
 * @param uriUserPartMapping URI user part mapping (lower-cased by CMS)
 * @param secondaryUriMapping optional secondary URI mapping
 * @param callIdMapping optional call ID mapping
 * @param template name of the space template
 */
public record AutoSpaceRule(
    String userImport,
    String filter,
    String spaceNameMapping,
    String uriUserPartMapping,
    String secondaryUriMapping,
    String callIdMapping,
    String template) {

  /** {@return a new builder} */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link AutoSpaceRule} values. */
  public static final class Builder {
    private String userImport;
    private String filter;
    private String spaceNameMapping;
    private String uriUserPartMapping;
    private String secondaryUriMapping;
    private String callIdMapping;
    private String template;

    private Builder() {}

    /**
     * Sets the name of the user import the rule applies to.
     *
     * @param userImport the name of the user import the rule applies to
     * @return this builder
     */
    public Builder userImport(String userImport) {
      this.userImport = requireNonNull(userImport, "userImport == null");
      return this;
    }

    /**
     * Sets an optional RFC 4515 filter that narrows the import.
     *
     * @param filter an optional RFC 4515 filter that narrows the import
     * @return this builder
     */
    public Builder filter(String filter) {
      this.filter = requireNonNull(filter, "filter == null");
      return this;
    }

    /**
     * Sets the space name mapping, for example {@code $cn$'s space}.
     *
     * @param spaceNameMapping the space name mapping, for example {@code $cn$'s space}
     * @return this builder
     */
    public Builder spaceNameMapping(String spaceNameMapping) {
      this.spaceNameMapping = requireNonNull(spaceNameMapping, "spaceNameMapping == null");
      return this;
    }

    /**
     * Sets the URI user part mapping, for example {@code $sAMAccountName$.space}.
     *
     * @param uriUserPartMapping the URI user part mapping, for example {@code $sAMAccountName$.space}
     * @return this builder
     */
    public Builder uriUserPartMapping(String uriUserPartMapping) {
      this.uriUserPartMapping = requireNonNull(uriUserPartMapping, "uriUserPartMapping == null");
      return this;
    }

    /**
     * Sets an optional secondary URI mapping.
     *
     * @param secondaryUriMapping an optional secondary URI mapping
     * @return this builder
     */
    public Builder secondaryUriMapping(String secondaryUriMapping) {
      this.secondaryUriMapping = requireNonNull(secondaryUriMapping, "secondaryUriMapping == null");
      return this;
    }

    /**
     * Sets an optional call ID (meeting ID) mapping.
     *
     * @param callIdMapping an optional call ID (meeting ID) mapping
     * @return this builder
     */
    public Builder callIdMapping(String callIdMapping) {
      this.callIdMapping = requireNonNull(callIdMapping, "callIdMapping == null");
      return this;
    }

    /**
     * Sets the name of the space template.
     *
     * @param template the name of the space template
     * @return this builder
     */
    public Builder template(String template) {
      this.template = requireNonNull(template, "template == null");
      return this;
    }

    /** {@return the rule} */
    public AutoSpaceRule build() {
      return new AutoSpaceRule(
          userImport,
          filter,
          spaceNameMapping,
          uriUserPartMapping,
          secondaryUriMapping,
          callIdMapping,
          template);
    }
  }
}
