package io.mmsdk.admin.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedSimpleBindRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryOperationInterceptor;
import java.net.InetAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import io.mmsdk.common.tls.TlsTrust;

/**
 * LDAPS must check that the server certificate names the host it was asked to reach (DNS name or IP
 * address SAN) before the bind password goes on the wire: a real in-memory LDAPS server, with CA
 * trust configured, presents certificates naming other hosts.
 */
class LdapsHostNameVerificationTest {
  private static final String BASE = "dc=example,dc=com";
  private static final List<String> BINDS = new CopyOnWriteArrayList<>();
  private static InMemoryDirectoryServer server;
  private static HeldCertificate ca;

  @BeforeAll
  static void start() throws Exception {
    ca = new HeldCertificate.Builder().certificateAuthority(0).commonName("LDAP test CA").build();
    HeldCertificate otherHost = new HeldCertificate.Builder().signedBy(ca).commonName("ldap.other.invalid")
        .addSubjectAlternativeName("ldap.other.invalid").build();
    HeldCertificate otherIp = new HeldCertificate.Builder().signedBy(ca).commonName("127.0.0.1")
        .addSubjectAlternativeName("localhost").addSubjectAlternativeName("10.9.9.9").build();
    HeldCertificate loopbackIp = new HeldCertificate.Builder().signedBy(ca)
        .addSubjectAlternativeName("127.0.0.1").build();
    InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(BASE);
    config.addAdditionalBindCredentials("cn=svc", "svc-secret");
    InetAddress loopback = InetAddress.getByName("127.0.0.1");
    config.setListenerConfigs(
        InMemoryListenerConfig.createLDAPSConfig("other-host", loopback, 0, serverSockets(otherHost), null),
        InMemoryListenerConfig.createLDAPSConfig("other-ip", loopback, 0, serverSockets(otherIp), null),
        InMemoryListenerConfig.createLDAPSConfig("loopback-ip", loopback, 0, serverSockets(loopbackIp), null));
    config.addInMemoryOperationInterceptor(new InMemoryOperationInterceptor() {
      @Override
      public void processSimpleBindRequest(InMemoryInterceptedSimpleBindRequest request) {
        BINDS.add(request.getRequest().getBindDN());
      }
    });
    server = new InMemoryDirectoryServer(config);
    server.add("dn: " + BASE, "objectClass: top", "objectClass: domain", "dc: example");
    server.add("dn: cn=g," + BASE, "objectClass: groupOfNames", "cn: g", "member: cn=svc");
    server.startListening();
  }

  private static javax.net.ssl.SSLServerSocketFactory serverSockets(HeldCertificate cert) {
    return new HandshakeCertificates.Builder().heldCertificate(cert, ca.certificate()).build()
        .sslContext().getServerSocketFactory();
  }

  @AfterAll
  static void stop() {
    server.shutDown(true);
  }

  @BeforeEach
  void clear() {
    BINDS.clear();
  }

  private static LdapDirectory directory(String host, String listener) {
    return LdapDirectory.create(LdapSettings.builder().host(host).port(server.getListenPort(listener))
        .bind("cn=svc", "svc-secret").baseDn(BASE).ldaps(TlsTrust.pemCertificates(ca.certificatePem())).build());
  }

  @Test
  void ipAddressHost_certificateNamesOtherHostsOnly_refusedBeforeTheBind() {
    UserException e = assertThrows(UserException.class, () -> directory("127.0.0.1", "other-ip").groupExists("cn=g," + BASE));
    assertTrue(e.getMessage().contains("127.0.0.1"), e.getMessage());
    assertEquals(List.of(), BINDS, "the bind password was sent to a server that is not 127.0.0.1");
    SignInException s = assertThrows(SignInException.class,
        () -> directory("127.0.0.1", "other-host").authenticate("alice", "alice-pw", List.of()));
    assertEquals(SignInException.Reason.DIRECTORY_UNAVAILABLE, s.reason());
    assertEquals(List.of(), BINDS);
  }

  @Test
  void hostName_certificateForAnotherName_refusedBeforeTheBind() {
    assertThrows(UserException.class, () -> directory("localhost", "other-host").groupExists("cn=g," + BASE));
    assertEquals(List.of(), BINDS);
  }

  @Test
  void ipAddressHost_certificateWithThatIpAddressSan_accepted() {
    assertTrue(directory("127.0.0.1", "loopback-ip").groupExists("cn=g," + BASE));
    assertEquals(List.of("cn=svc"), BINDS);
  }
}
