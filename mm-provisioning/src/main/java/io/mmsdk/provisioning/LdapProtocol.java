package io.mmsdk.provisioning;

/** How the Call Bridge connects to an LDAP server. */
public enum LdapProtocol {
  /** Unencrypted TCP; default port 389. */
  LDAP(389),
  /** TLS; default port 636. Recommended. */
  LDAPS(636);

  private final int defaultPort;

  LdapProtocol(int defaultPort) {
    this.defaultPort = defaultPort;
  }

  /** {@return the port used when none is configured: 389 for LDAP, 636 for LDAPS} */
  public int defaultPort() {
    return defaultPort;
  }
}
