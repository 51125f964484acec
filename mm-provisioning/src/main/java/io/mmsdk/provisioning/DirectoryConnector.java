package io.mmsdk.provisioning;

import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPConnectionOptions;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPInterface;
import com.unboundid.util.ssl.SSLUtil;
import java.security.GeneralSecurityException;
import javax.net.ssl.SSLSocketFactory;

/**
 * Opens a bound connection to a desired-state {@link LdapServer}, for {@link LdapPreview}. The
 * caller of {@link #connect} closes what it gets when it is a {@link LDAPConnection}.
 */
@FunctionalInterface
public interface DirectoryConnector {

  /** {@return a connection bound as the server's bind DN} */
  LDAPInterface connect(LdapServer server);

  /**
   * {@return a connector that connects as CMS would: LDAPS with {@code trust} (use the JVM default
   * for production), or plain LDAP, binding with the password resolved by {@code secrets}}
   */
  static DirectoryConnector standard(SecretResolver secrets, SSLSocketFactory trust) {
    return server -> {
      try {
        LDAPConnectionOptions options = new LDAPConnectionOptions();
        LDAPConnection c = server.protocol() == LdapProtocol.LDAPS
            ? new LDAPConnection(trust, options, server.address(), server.effectivePort())
            : new LDAPConnection(options, server.address(), server.effectivePort());
        if (server.bindDn() != null && !server.bindDn().isBlank()) {
          try {
            c.bind(server.bindDn(), secrets.resolve(server.passwordRef()));
          } catch (LDAPException e) {
            c.close();
            throw e;
          }
        }
        return c;
      } catch (LDAPException e) {
        throw new ProvisioningException("Cannot connect to LDAP server '" + server.name() + "' at "
            + server.address() + ":" + server.effectivePort() + " as " + server.bindDn() + ": "
            + e.getResultCode() + " " + e.getDiagnosticMessage()
            + "; check address, port, protocol and bind credentials", e);
      }
    };
  }

  /** {@return the JVM's default TLS socket factory (default trust store)} */
  static SSLSocketFactory defaultTrust() {
    try {
      return new SSLUtil().createSSLSocketFactory();
    } catch (GeneralSecurityException e) {
      throw new ProvisioningException("Cannot create the default TLS socket factory: " + e.getMessage(), e);
    }
  }
}
