package io.mmsdk.provisioning;

import static java.util.Objects.requireNonNull;

/**
 * An LDAP server the cluster imports users from (CMS {@code /ldapServers}).
 *
 * <p>{@code passwordRef} names a secret (for example {@code env:LDAP_BIND_PASSWORD}) that a {@link
 * SecretResolver} turns into the bind password at commit time, so the desired-state file can live in
 * git. A null {@code port} means the protocol default (389/636); a null {@code pagedResults} means
 * "use the paged results control" (the CMS default). Validation, not construction, rejects missing
 * required values, so that every error can be reported with its path.
 *
 * @param name unique name; also sent as the CMS ldapServer name
 * @param protocol LDAP or LDAPS
 * @param address host name or IP address
 * @param port port, or null for the protocol default
 * @param bindDn bind DN, or null for an anonymous bind
 * @param passwordRef reference to the bind password, resolved by a SecretResolver
 * @param pagedResults whether to use the paged results control; null means true
 */
public record LdapServer(
    String name,
    LdapProtocol protocol,
    String address,
    Integer port,
    String bindDn,
    String passwordRef,
    Boolean pagedResults) {

  /** {@return the configured port, or the protocol's default port when none is set} */
  public int effectivePort() {
    if (port != null) {
      return port;
    }
    return protocol == null ? LdapProtocol.LDAPS.defaultPort() : protocol.defaultPort();
  }

  /** {@return whether searches use the paged results control (true unless set to false)} */
  public boolean usesPagedResults() {
    return pagedResults == null || pagedResults;
  }

  /** {@return a new builder} */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link LdapServer} values. */
  public static final class Builder {
    private String name;
    private LdapProtocol protocol = LdapProtocol.LDAPS;
    private String address;
    private Integer port;
    private String bindDn;
    private String passwordRef;
    private Boolean pagedResults;

    private Builder() {}

    /**
     * Sets the name, unique within the desired state.
     *
     * @param name the name, unique within the desired state
     * @return this builder
     */
    public Builder name(String name) {
      this.name = requireNonNull(name, "name == null");
      return this;
    }

    /**
     * Sets the protocol; LDAPS unless set.
     *
     * @param protocol the protocol; LDAPS unless set
     * @return this builder
     */
    public Builder protocol(LdapProtocol protocol) {
      this.protocol = requireNonNull(protocol, "protocol == null");
      return this;
    }

    /**
     * Sets the host name or IP address.
     *
     * @param address the host name or IP address
     * @return this builder
     */
    public Builder address(String address) {
      this.address = requireNonNull(address, "address == null");
      return this;
    }

    /**
     * Sets the port (1–65535); the protocol default when not set.
     *
     * @param port the port (1–65535); the protocol default when not set
     * @return this builder
     */
    public Builder port(int port) {
      this.port = port;
      return this;
    }

    /**
     * Sets the bind DN.
     *
     * @param bindDn the bind DN
     * @return this builder
     */
    public Builder bindDn(String bindDn) {
      this.bindDn = requireNonNull(bindDn, "bindDn == null");
      return this;
    }

    /**
     * Sets the reference to the bind password, resolved by a {@link SecretResolver}.
     *
     * @param passwordRef the reference to the bind password, resolved by a {@link SecretResolver}
     * @return this builder
     */
    public Builder passwordRef(String passwordRef) {
      this.passwordRef = requireNonNull(passwordRef, "passwordRef == null");
      return this;
    }

    /**
     * Sets whether to use the LDAP paged results control (set false for Oracle Internet Directory).
     *
     * @param pagedResults whether to use the LDAP paged results control (set false for Oracle Internet Directory)
     * @return this builder
     */
    public Builder pagedResults(boolean pagedResults) {
      this.pagedResults = pagedResults;
      return this;
    }

    /** {@return the server} */
    public LdapServer build() {
      return new LdapServer(name, protocol, address, port, bindDn, passwordRef, pagedResults);
    }
  }
}
