package io.mmsdk.provisioning;

import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPConnectionOptions;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPInterface;
import io.mmsdk.core.internal.tls.Tls;
import java.security.NoSuchAlgorithmException;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;

/**
 * Opens a bound connection to a desired-state {@link LdapServer}, for {@link LdapPreview}. The
 * caller of {@link #connect} closes what it gets when it is a {@link LDAPConnection}.
 */
@FunctionalInterface
public interface DirectoryConnector {

  /**
   * {@return a connection bound as the server's bind DN}
   *
   * @param server the LDAP server to connect to, with its address, security and bind DN
   */
  LDAPInterface connect(LdapServer server);

  /**
   * {@return a connector that connects as CMS would: LDAPS with {@code trust} (use {@link
   * #defaultTrust()} for production), or plain LDAP, binding with the password resolved by {@code
   * secrets}} Over LDAPS the TLS handshake checks that the server certificate names the server's
   * address (a DNS name SAN for a host name, an IP address SAN for an IP address), so the bind
   * password is never sent to a server that merely holds some certificate the trust accepts.
   *
   * @param trust a JSSE socket factory ({@code SSLContext.getSocketFactory()}); factories whose
   *     sockets are not {@code SSLSocket}s cannot have their host names checked and are refused
   * @param secrets resolves the server's bind-password reference; not null
   * @throws ProvisioningException from {@link #connect} when the server cannot be reached, its
   *     certificate is not trusted or does not name it, or the bind fails
   */
  static DirectoryConnector standard(SecretResolver secrets, SSLSocketFactory trust) {
    SSLSocketFactory verifying = Tls.verifyingHostnames(trust);
    return server -> {
      try {
        LDAPConnectionOptions options = new LDAPConnectionOptions();
        LDAPConnection c = server.protocol() == LdapProtocol.LDAPS
            ? new LDAPConnection(verifying, options, server.address(), server.effectivePort())
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
        String advice = Tls.isCertificateFailure(e)
            ? "; the server certificate is not trusted or does not name " + server.address()
                + ": use the name or IP address in the certificate's SAN, or fix the trust"
            : "; check address, port, protocol and bind credentials";
        throw new ProvisioningException("Cannot connect to LDAP server '" + server.name() + "' at "
            + server.address() + ":" + server.effectivePort() + " as " + server.bindDn() + ": "
            + e.getResultCode() + " " + e.getDiagnosticMessage() + advice, e);
      }
    };
  }

  /** {@return the JVM's default TLS socket factory (default trust store)} */
  static SSLSocketFactory defaultTrust() {
    try {
      return SSLContext.getDefault().getSocketFactory();
    } catch (NoSuchAlgorithmException e) {
      throw new ProvisioningException("Cannot create the default TLS socket factory: " + e.getMessage(), e);
    }
  }
}
