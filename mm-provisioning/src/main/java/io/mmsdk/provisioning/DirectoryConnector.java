package io.mmsdk.provisioning;

import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPConnectionOptions;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPInterface;
import io.mmsdk.common.tls.TlsSetupException;
import io.mmsdk.common.tls.TlsTrust;
import java.util.Objects;
import javax.net.SocketFactory;

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
   * {@return a connector that connects as CMS would: LDAPS with {@code trust} ({@link
   * TlsTrust#systemDefault()}, or the directory's CA with {@link TlsTrust#pemFile}), or plain LDAP,
   * binding with the password resolved by {@code secrets}} Over LDAPS the TLS handshake checks
   * that the server certificate names the server's address (a DNS name SAN for a host name, an IP
   * address SAN for an IP address), so the bind password is never sent to a server that merely
   * holds some certificate the trust accepts.
   *
   * @param secrets resolves the server's bind-password reference; not null
   * @param trust which certificates LDAPS servers may present; not null
   * @throws ProvisioningException from {@link #connect} when the server cannot be reached, its
   *     certificate is not trusted or does not name it, the trusted PEM file cannot be read, or
   *     the bind fails
   */
  static DirectoryConnector standard(SecretResolver secrets, TlsTrust trust) {
    Objects.requireNonNull(secrets, "secrets == null");
    Objects.requireNonNull(trust, "trust == null");
    return server -> {
      try {
        LDAPConnectionOptions options = new LDAPConnectionOptions();
        LDAPConnection c = server.protocol() == LdapProtocol.LDAPS
            ? new LDAPConnection(tls(trust, server), options, server.address(), server.effectivePort())
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
        String advice = TlsTrust.isCertificateFailure(e)
            ? "; the server certificate is not trusted or does not name " + server.address()
                + ": use the name or IP address in the certificate's SAN, or fix the trust"
            : "; check address, port, protocol and bind credentials";
        throw new ProvisioningException("Cannot connect to LDAP server '" + server.name() + "' at "
            + server.address() + ":" + server.effectivePort() + " as " + server.bindDn() + ": "
            + e.getResultCode() + " " + e.getDiagnosticMessage() + advice, e);
      }
    };
  }

  private static SocketFactory tls(TlsTrust trust, LdapServer server) {
    try {
      return trust.client("LDAPS " + server.name() + " at " + server.address() + ":" + server.effectivePort()).socketFactory();
    } catch (TlsSetupException e) {
      throw new ProvisioningException("Cannot set up TLS for LDAP server '" + server.name() + "': " + e.getMessage(), e);
    }
  }
}
