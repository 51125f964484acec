package io.mmsdk.provisioning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedSimpleBindRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryOperationInterceptor;
import com.unboundid.ldap.sdk.LDAPConnection;
import io.mmsdk.common.tls.TlsTrust;
import java.net.InetAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.SSLServerSocketFactory;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DirectoryConnectorTest {

  private final InMemoryDirectoryServer ds = Directory.start(true);

  @AfterEach
  void stop() {
    ds.shutDown(true);
  }

  private DesiredState state() {
    DesiredState s = Fixtures.sampleOnLoopback(ds.getListenPort());
    return new DesiredState(s.ldapServers(), s.userImports(), s.autoSpaceRules(), s.spaceCreationRules(),
        s.spaceTemplates(), null);
  }

  @Test
  void standard_plainLdapOnLoopback_bindsAndPreviewsOverTheSocket() {
    Directory.people(ds);
    PreviewReport r = LdapPreview.builder()
        .directories(DirectoryConnector.standard(Fixtures.secrets("pw"), TlsTrust.systemDefault()))
        .build().run(state());
    assertEquals(4, r.users().size());
  }

  @Test
  void standard_ldapsCertificateNamesAnotherHost_refusedBeforeTheBindPasswordIsSent() throws Exception {
    HeldCertificate ca = new HeldCertificate.Builder().certificateAuthority(0).commonName("test CA").build();
    HeldCertificate other = new HeldCertificate.Builder().signedBy(ca).commonName("127.0.0.1")
        .addSubjectAlternativeName("ldap.other.invalid").addSubjectAlternativeName("10.9.9.9").build();
    HeldCertificate right = new HeldCertificate.Builder().signedBy(ca).addSubjectAlternativeName("127.0.0.1").build();
    List<String> binds = new CopyOnWriteArrayList<>();
    InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig("dc=example,dc=com");
    config.addAdditionalBindCredentials("cn=cms-bind,ou=service,dc=example,dc=com", "pw");
    InetAddress loopback = InetAddress.getByName("127.0.0.1");
    config.setListenerConfigs(
        InMemoryListenerConfig.createLDAPSConfig("other", loopback, 0, serverSockets(other, ca), null),
        InMemoryListenerConfig.createLDAPSConfig("right", loopback, 0, serverSockets(right, ca), null));
    config.addInMemoryOperationInterceptor(new InMemoryOperationInterceptor() {
      @Override
      public void processSimpleBindRequest(InMemoryInterceptedSimpleBindRequest request) {
        binds.add(request.getRequest().getBindDN());
      }
    });
    InMemoryDirectoryServer ldaps = new InMemoryDirectoryServer(config);
    ldaps.startListening();
    try {
      TlsTrust trust = TlsTrust.certificates(List.of(ca.certificate()));
      DirectoryConnector connector = DirectoryConnector.standard(Fixtures.secrets("pw"), trust);
      for (String host : List.of("127.0.0.1", "localhost")) {
        LdapServer wrong = ldaps(host, ldaps.getListenPort("other"));
        ProvisioningException e = assertThrows(ProvisioningException.class, () -> connector.connect(wrong));
        assertTrue(e.getMessage().contains("certificate"), e.getMessage());
      }
      assertEquals(List.of(), binds, "the bind password went to a server whose certificate names another host");
      ((LDAPConnection) connector.connect(ldaps("127.0.0.1", ldaps.getListenPort("right")))).close();
      assertEquals(List.of("cn=cms-bind,ou=service,dc=example,dc=com"), binds);
    } finally {
      ldaps.shutDown(true);
    }
  }

  private static LdapServer ldaps(String host, int port) {
    return LdapServer.builder().name("corp").protocol(LdapProtocol.LDAPS).address(host).port(port)
        .bindDn("cn=cms-bind,ou=service,dc=example,dc=com").passwordRef("env:LDAP_BIND_PASSWORD").build();
  }

  private static SSLServerSocketFactory serverSockets(HeldCertificate cert, HeldCertificate ca) {
    return new HandshakeCertificates.Builder().heldCertificate(cert, ca.certificate()).build()
        .sslContext().getServerSocketFactory();
  }

  @Test
  void standard_wrongPassword_failsNamingServerButNotSecret() {
    ProvisioningException e = assertThrows(ProvisioningException.class, () -> LdapPreview.builder()
        .directories(DirectoryConnector.standard(Fixtures.secrets("wrong-secret"), TlsTrust.systemDefault()))
        .build().run(state()));
    assertTrue(e.getMessage().contains("'corp'") && e.getMessage().contains("bind credentials"), e.getMessage());
    assertFalse(e.getMessage().contains("wrong-secret"));
  }
}
