package io.mmsdk.provisioning;

import static java.util.Objects.requireNonNull;

/**
 * A set of users imported from one LDAP server (CMS {@code ldapMappings} + {@code ldapSources} +
 * {@code userProfiles}).
 *
 * <p>A blank {@code name} is replaced by one generated from the server, base DN and filter (see
 * {@link #effectiveName()}). Mappings use CMS syntax, for example {@code $sAMAccountName$@example.com}
 * and {@code $cn$}; attribute names are case sensitive.
 *
 * @param name unique name, or blank to generate one
 * @param server name of the LdapServer
 * @param baseDn base DN of the search (case sensitive)
 * @param filter RFC 4515 filter
 * @param loginNameMapping login name mapping, e.g. $sAMAccountName$@example.com
 * @param displayNameMapping display name mapping, e.g. $cn$
 * @param assignPmpPlus whether imported users get a PMP Plus license
 */
public record UserImport(
    String name,
    String server,
    String baseDn,
    String filter,
    String loginNameMapping,
    String displayNameMapping,
    boolean assignPmpPlus) {

  /** {@return the name, or a name generated from server, base DN and filter when it is blank} */
  public String effectiveName() {
    if (name != null && !name.isBlank()) {
      return name;
    }
    return server + " " + baseDn + " " + (filter == null ? "" : filter);
  }

  /** {@return a new builder} */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link UserImport} values. */
  public static final class Builder {
    private String name;
    private String server;
    private String baseDn;
    private String filter;
    private String loginNameMapping;
    private String displayNameMapping;
    private boolean assignPmpPlus;

    private Builder() {}

    /**
     * Sets the name; when not set, one is generated.
     *
     * @param name the name; when not set, one is generated
     * @return this builder
     */
    public Builder name(String name) {
      this.name = requireNonNull(name, "name == null");
      return this;
    }

    /**
     * Sets the name of the {@link LdapServer} to import from.
     *
     * @param server the name of the {@link LdapServer} to import from
     * @return this builder
     */
    public Builder server(String server) {
      this.server = requireNonNull(server, "server == null");
      return this;
    }

    /**
     * Sets the base DN (case sensitive).
     *
     * @param baseDn the base DN (case sensitive)
     * @return this builder
     */
    public Builder baseDn(String baseDn) {
      this.baseDn = requireNonNull(baseDn, "baseDn == null");
      return this;
    }

    /**
     * Sets the RFC 4515 search filter, for example {@code (objectClass=person)}.
     *
     * @param filter the RFC 4515 search filter, for example {@code (objectClass=person)}
     * @return this builder
     */
    public Builder filter(String filter) {
      this.filter = requireNonNull(filter, "filter == null");
      return this;
    }

    /**
     * Sets the login (sign-in) name mapping, for example {@code $sAMAccountName$@example.com}.
     *
     * @param loginNameMapping the login (sign-in) name mapping, for example {@code $sAMAccountName$@example.com}
     * @return this builder
     */
    public Builder loginNameMapping(String loginNameMapping) {
      this.loginNameMapping = requireNonNull(loginNameMapping, "loginNameMapping == null");
      return this;
    }

    /**
     * Sets the display name mapping, for example {@code $cn$}.
     *
     * @param displayNameMapping the display name mapping, for example {@code $cn$}
     * @return this builder
     */
    public Builder displayNameMapping(String displayNameMapping) {
      this.displayNameMapping = requireNonNull(displayNameMapping, "displayNameMapping == null");
      return this;
    }

    /**
     * Sets whether imported users get a personal (PMP Plus) license.
     *
     * @param assignPmpPlus whether imported users get a personal (PMP Plus) license
     * @return this builder
     */
    public Builder assignPmpPlus(boolean assignPmpPlus) {
      this.assignPmpPlus = assignPmpPlus;
      return this;
    }

    /** {@return the import} */
    public UserImport build() {
      return new UserImport(
          name, server, baseDn, filter, loginNameMapping, displayNameMapping, assignPmpPlus);
    }
  }
}
