package io.mmsdk.admin.user;

import io.mmsdk.common.tls.TlsTrust;
import java.time.Duration;
import java.util.Objects;

/**
 * How to reach the LDAP server used for sign-in: address, plain LDAP or LDAPS, TLS trust, the
 * service account used to find users and read groups, the search base, and the attribute names.
 * Attribute names are case-sensitive: an entry's attribute must be spelled exactly as configured.
 * The bind password is never shown by {@link #toString()}.
 */
public final class LdapSettings {
  private final String host;
  private final int port;
  private final boolean ldaps;
  private final TlsTrust trust;
  private final String bindDn;
  private final String bindPassword;
  private final String baseDn;
  private final String usernameAttribute;
  private final String memberAttribute;
  private final Duration timeout;

  private LdapSettings(Builder b) {
    this.host = b.host;
    this.port = b.port == 0 ? (b.ldaps ? 636 : 389) : b.port;
    this.ldaps = b.ldaps;
    this.trust = b.trust;
    this.bindDn = b.bindDn;
    this.bindPassword = b.bindPassword;
    this.baseDn = b.baseDn;
    this.usernameAttribute = b.usernameAttribute;
    this.memberAttribute = b.memberAttribute;
    this.timeout = b.timeout;
  }

  /** {@return a new builder} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return the host} */
  public String host() {
    return host;
  }

  /** {@return the port (389 for LDAP, 636 for LDAPS unless set)} */
  public int port() {
    return port;
  }

  /** {@return true for LDAPS (TLS from the first byte)} */
  public boolean ldaps() {
    return ldaps;
  }

  /** {@return the TLS trust used for LDAPS} */
  public TlsTrust trust() {
    return trust;
  }

  /** {@return the service account DN} */
  public String bindDn() {
    return bindDn;
  }

  /** {@return the service account password} Keep it secret. */
  public String bindPassword() {
    return bindPassword;
  }

  /** {@return the base DN under which users are searched} */
  public String baseDn() {
    return baseDn;
  }

  /** {@return the attribute holding the sign-in username (default {@code uid})} */
  public String usernameAttribute() {
    return usernameAttribute;
  }

  /** {@return the group attribute listing member DNs (default {@code member})} */
  public String memberAttribute() {
    return memberAttribute;
  }

  /** {@return the connect and response timeout} */
  public Duration timeout() {
    return timeout;
  }

  /** {@return a builder holding these settings} */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.host = host;
    b.port = port;
    b.ldaps = ldaps;
    b.trust = trust;
    b.bindDn = bindDn;
    b.bindPassword = bindPassword;
    b.baseDn = baseDn;
    b.usernameAttribute = usernameAttribute;
    b.memberAttribute = memberAttribute;
    b.timeout = timeout;
    return b;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LdapSettings s && host.equals(s.host) && port == s.port && ldaps == s.ldaps && trust.equals(s.trust)
        && bindDn.equals(s.bindDn) && bindPassword.equals(s.bindPassword) && baseDn.equals(s.baseDn)
        && usernameAttribute.equals(s.usernameAttribute) && memberAttribute.equals(s.memberAttribute) && timeout.equals(s.timeout);
  }

  @Override
  public int hashCode() {
    return Objects.hash(host, port, ldaps, bindDn, baseDn, usernameAttribute, memberAttribute);
  }

  @Override
  public String toString() {
    return "LdapSettings[" + (ldaps ? "ldaps://" : "ldap://") + host + ":" + port + ", bindDn=" + bindDn
        + ", bindPassword=██, baseDn=" + baseDn + ", usernameAttribute=" + usernameAttribute
        + ", memberAttribute=" + memberAttribute + ", trust=" + trust + "]";
  }

  /** Builds {@link LdapSettings}. */
  public static final class Builder {
    private String host;
    private int port;
    private boolean ldaps;
    private TlsTrust trust = TlsTrust.systemDefault();
    private String bindDn;
    private String bindPassword;
    private String baseDn;
    private String usernameAttribute = "uid";
    private String memberAttribute = "member";
    private Duration timeout = Duration.ofSeconds(10);

    private Builder() {}

    /**
     * Sets the server host.
     *
     * @param host the server host
     * @return this builder
     */
    public Builder host(String host) {
      this.host = Objects.requireNonNull(host, "host == null");
      return this;
    }

    /**
     * Sets the port (default 389, or 636 with LDAPS).
     *
     * @param port the port (default 389, or 636 with LDAPS)
     * @return this builder
     */
    public Builder port(int port) {
      if (port < 1 || port > 65535) {
        throw new IllegalArgumentException("LDAP port " + port + " is out of range; use 1-65535 (389, or 636 for LDAPS).");
      }
      this.port = port;
      return this;
    }

    /**
     * Uses LDAPS with {@code trust}. The server's certificate must name {@link #host(String)} (a
     * DNS name SAN, or an IP address SAN for an IP address), checked before the bind password is
     * sent, except with the lab-only {@link TlsTrust#insecureTrustAllForLabUseOnly()}.
     *
     * @param trust which certificates the server may present; not null
     * @return this builder
     */
    public Builder ldaps(TlsTrust trust) {
      this.trust = Objects.requireNonNull(trust, "trust == null");
      this.ldaps = true;
      return this;
    }

    /**
     * Sets the service account used to search users and read groups.
     *
     * @param bindDn the service account's DN
     * @param bindPassword its password; kept out of logs, messages and {@code toString()}
     * @return this builder
     */
    public Builder bind(String bindDn, String bindPassword) {
      this.bindDn = Objects.requireNonNull(bindDn, "bindDn == null");
      this.bindPassword = Objects.requireNonNull(bindPassword, "bindPassword == null");
      return this;
    }

    /**
     * Sets the search base for users.
     *
     * @param baseDn the search base for users
     * @return this builder
     */
    public Builder baseDn(String baseDn) {
      this.baseDn = Objects.requireNonNull(baseDn, "baseDn == null");
      return this;
    }

    /**
     * Sets the username attribute (case-sensitive; default {@code uid}).
     *
     * @param attribute the username attribute (case-sensitive; default {@code uid})
     * @return this builder
     */
    public Builder usernameAttribute(String attribute) {
      this.usernameAttribute = Objects.requireNonNull(attribute, "attribute == null");
      return this;
    }

    /**
     * Sets the group member attribute (case-sensitive; default {@code member}).
     *
     * @param attribute the group member attribute (case-sensitive; default {@code member})
     * @return this builder
     */
    public Builder memberAttribute(String attribute) {
      this.memberAttribute = Objects.requireNonNull(attribute, "attribute == null");
      return this;
    }

    /**
     * Sets the connect and response timeout (default 10 s).
     *
     * @param timeout the connect and response timeout (default 10 s)
     * @return this builder
     */
    public Builder timeout(Duration timeout) {
      Objects.requireNonNull(timeout, "timeout == null");
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("timeout must be positive: " + timeout);
      }
      this.timeout = timeout;
      return this;
    }

    /**
     * Validates and builds the settings.
     *
     * @return the settings
     * @throws UserException if the host, service account or search base is not set
     */
    public LdapSettings build() {
      if (host == null || host.isBlank()) {
        throw new UserException("LDAP host is not set; call host(\"ldap.example.com\").");
      }
      if (bindDn == null) {
        throw new UserException("LDAP service account is not set; call bind(dn, password).");
      }
      if (baseDn == null) {
        throw new UserException("LDAP search base is not set; call baseDn(\"ou=people,dc=example,dc=com\").");
      }
      if (usernameAttribute.isBlank() || memberAttribute.isBlank()) {
        throw new UserException("LDAP attribute names must not be blank.");
      }
      return new LdapSettings(this);
    }
  }
}
