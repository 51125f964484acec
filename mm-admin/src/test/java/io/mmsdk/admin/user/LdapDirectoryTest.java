package io.mmsdk.admin.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import io.mmsdk.admin.access.Role;
import io.mmsdk.common.tls.TlsTrust;
import io.mmsdk.testkit.core.SimulatedClock;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Signs in against an in-memory directory (plain LDAP and LDAPS listeners): alice (administrators
 * and ops-emea), olga (ops-emea), omar (ops-emea and ops-apac), sam (an unmapped group). Other user
 * tests reuse this fixture through {@link #start()}, {@link #stop()}, {@link #plain()} and the
 * constants.
 */
class LdapDirectoryTest {
  static final String BASE = "dc=example,dc=com";
  static final String ADMINS = "cn=mm-admins,ou=groups," + BASE;
  static final String OPS_EMEA = "cn=ops-emea,ou=groups," + BASE;
  static final String OPS_APAC = "cn=ops-apac,ou=groups," + BASE;
  private static final String UNMAPPED = "cn=sales,ou=groups," + BASE;

  private static InMemoryDirectoryServer server;
  private static HeldCertificate ca;

  @BeforeAll
  static void start() throws Exception {
    ca = new HeldCertificate.Builder().certificateAuthority(0).commonName("LDAP test CA").build();
    HeldCertificate cert = new HeldCertificate.Builder().signedBy(ca).addSubjectAlternativeName("localhost").build();
    HandshakeCertificates serverCerts = new HandshakeCertificates.Builder().heldCertificate(cert, ca.certificate()).build();
    HeldCertificate otherName = new HeldCertificate.Builder().signedBy(ca).addSubjectAlternativeName("ldap.other.invalid").build();
    HandshakeCertificates wrongNameCerts = new HandshakeCertificates.Builder().heldCertificate(otherName, ca.certificate()).build();
    InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(BASE);
    config.addAdditionalBindCredentials("cn=svc", "svc-secret");
    InetAddress loopback = InetAddress.getLoopbackAddress();
    config.setListenerConfigs(
        InMemoryListenerConfig.createLDAPConfig("ldap", loopback, 0, null),
        InMemoryListenerConfig.createLDAPSConfig("ldaps", loopback, 0,
            serverCerts.sslContext().getServerSocketFactory(), null),
        InMemoryListenerConfig.createLDAPSConfig("ldaps-wrong-name", loopback, 0,
            wrongNameCerts.sslContext().getServerSocketFactory(), null));
    server = new InMemoryDirectoryServer(config);
    server.add("dn: " + BASE, "objectClass: top", "objectClass: domain", "dc: example");
    server.add("dn: ou=people," + BASE, "objectClass: top", "objectClass: organizationalUnit", "ou: people");
    server.add("dn: ou=groups," + BASE, "objectClass: top", "objectClass: organizationalUnit", "ou: groups");
    person("alice", "alice-pw");
    person("olga", "olga-pw");
    person("omar", "omar-pw");
    person("sam", "sam-pw");
    group(ADMINS, "alice");
    group(OPS_EMEA, "olga", "omar", "alice");
    group(OPS_APAC, "omar");
    group(UNMAPPED, "sam");
    server.startListening();
  }

  private static void person(String uid, String pw) throws Exception {
    server.add("dn: uid=" + uid + ",ou=people," + BASE, "objectClass: inetOrgPerson", "uid: " + uid, "cn: " + uid,
        "sn: " + uid, "userPassword: " + pw);
  }

  private static void group(String dn, String... uids) throws Exception {
    String cn = dn.substring(3, dn.indexOf(','));
    String[] lines = new String[3 + uids.length];
    lines[0] = "dn: " + dn;
    lines[1] = "objectClass: groupOfNames";
    lines[2] = "cn: " + cn;
    for (int i = 0; i < uids.length; i++) {
      lines[3 + i] = "member: uid=" + uids[i] + ",ou=people," + BASE;
    }
    server.add(lines);
  }

  @AfterAll
  static void stop() {
    server.shutDown(true);
  }

  static LdapSettings.Builder plain() {
    return LdapSettings.builder().host("127.0.0.1").port(server.getListenPort("ldap")).bind("cn=svc", "svc-secret").baseDn(BASE);
  }

  static final List<LdapGroupMapping> MAPPINGS = List.of(
      LdapGroupMapping.of(ADMINS, Role.ADMINISTRATOR),
      new LdapGroupMapping(OPS_EMEA, Role.VIDEO_OPERATOR, Set.of("emea")),
      new LdapGroupMapping(OPS_APAC, Role.VIDEO_OPERATOR, Set.of("apac")));

  @Test
  void groupExists_andMembers_listUsernames() {
    LdapDirectory d = LdapDirectory.create(plain().build());
    assertTrue(d.groupExists(OPS_EMEA));
    assertFalse(d.groupExists("cn=nope,ou=groups," + BASE));
    assertEquals(List.of("alice", "olga", "omar"), d.groupMembers(OPS_EMEA));
    assertThrows(UserException.class, () -> d.groupMembers("cn=nope,ou=groups," + BASE));
  }

  @Test
  void authenticate_operatorInOneGroup_roleAndTags() {
    LdapIdentity id = LdapDirectory.create(plain().build()).authenticate("olga", "olga-pw", MAPPINGS);
    assertEquals(Role.VIDEO_OPERATOR, id.role());
    assertEquals(Set.of("emea"), id.tags());
    assertEquals("uid=olga,ou=people," + BASE, id.dn());
  }

  @Test
  void authenticate_twoOperatorGroups_unionOfTags() {
    LdapIdentity id = LdapDirectory.create(plain().build()).authenticate("omar", "omar-pw", MAPPINGS);
    assertEquals(Role.VIDEO_OPERATOR, id.role());
    assertEquals(Set.of("emea", "apac"), id.tags());
    assertEquals(List.of(OPS_EMEA, OPS_APAC), id.groups());
  }

  @Test
  void authenticate_severalGroupsDifferentRoles_administrator() {
    LdapIdentity id = LdapDirectory.create(plain().build()).authenticate("alice", "alice-pw", MAPPINGS);
    assertEquals(Role.ADMINISTRATOR, id.role());
    assertEquals(Set.of(), id.tags());
  }

  @Test
  void authenticate_failures_typedReasons() {
    LdapDirectory d = LdapDirectory.create(plain().build());
    assertEquals(SignInException.Reason.INVALID_CREDENTIALS,
        assertThrows(SignInException.class, () -> d.authenticate("olga", "wrong", MAPPINGS)).reason());
    assertEquals(SignInException.Reason.INVALID_CREDENTIALS,
        assertThrows(SignInException.class, () -> d.authenticate("olga", "", MAPPINGS)).reason());
    assertEquals(SignInException.Reason.INVALID_CREDENTIALS,
        assertThrows(SignInException.class, () -> d.authenticate("nobody", "x", MAPPINGS)).reason());
    assertEquals(SignInException.Reason.NO_MAPPED_GROUP,
        assertThrows(SignInException.class, () -> d.authenticate("sam", "sam-pw", MAPPINGS)).reason());
    LdapDirectory down = LdapDirectory.create(plain().bind("cn=svc", "wrong-secret").build());
    assertEquals(SignInException.Reason.DIRECTORY_UNAVAILABLE,
        assertThrows(SignInException.class, () -> down.authenticate("olga", "olga-pw", MAPPINGS)).reason());
  }

  @Test
  void attributeNames_caseSensitive() {
    LdapDirectory upper = LdapDirectory.create(plain().usernameAttribute("UID").build());
    assertEquals(List.of(), upper.groupMembers(OPS_EMEA));
    assertEquals(SignInException.Reason.INVALID_CREDENTIALS,
        assertThrows(SignInException.class, () -> upper.authenticate("olga", "olga-pw", MAPPINGS)).reason());
    LdapDirectory memberUpper = LdapDirectory.create(plain().memberAttribute("Member").build());
    assertEquals(SignInException.Reason.NO_MAPPED_GROUP,
        assertThrows(SignInException.class, () -> memberUpper.authenticate("olga", "olga-pw", MAPPINGS)).reason());
  }

  @Test
  void ldaps_trustedSelfSignedChain_signsIn() {
    LdapSettings s = plain().host("localhost").port(server.getListenPort("ldaps"))
        .ldaps(TlsTrust.pemCertificates(ca.certificatePem())).build();
    assertEquals(Role.VIDEO_OPERATOR, LdapDirectory.create(s).authenticate("olga", "olga-pw", MAPPINGS).role());
  }

  @Test
  void ldaps_untrustedOrWrongHost_directoryUnavailable() {
    HeldCertificate otherCa = new HeldCertificate.Builder().certificateAuthority(0).commonName("other").build();
    LdapSettings untrusted = plain().host("localhost").port(server.getListenPort("ldaps"))
        .ldaps(TlsTrust.pemCertificates(otherCa.certificatePem())).build();
    assertEquals(SignInException.Reason.DIRECTORY_UNAVAILABLE,
        assertThrows(SignInException.class, () -> LdapDirectory.create(untrusted).authenticate("olga", "olga-pw", MAPPINGS)).reason());
    LdapSettings wrongHost = plain().host("localhost").port(server.getListenPort("ldaps-wrong-name"))
        .ldaps(TlsTrust.pemCertificates(ca.certificatePem())).build();
    assertEquals(SignInException.Reason.DIRECTORY_UNAVAILABLE,
        assertThrows(SignInException.class, () -> LdapDirectory.create(wrongHost).authenticate("olga", "olga-pw", MAPPINGS)).reason());
    Path missing = Path.of("does-not-exist", "ca.pem");
    LdapSettings unreadable = plain().host("localhost").port(server.getListenPort("ldaps"))
        .ldaps(TlsTrust.pemFile(missing)).build();
    assertEquals(SignInException.Reason.DIRECTORY_UNAVAILABLE,
        assertThrows(SignInException.class, () -> LdapDirectory.create(unreadable).authenticate("olga", "olga-pw", MAPPINGS)).reason());
    UserException e = assertThrows(UserException.class, () -> LdapDirectory.create(unreadable).groupExists(OPS_EMEA));
    assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
  }

  @Test
  void ldaps_certificateForAnotherHost_refusedByDefault() {
    LdapSettings wrongHost = plain().host("localhost").port(server.getListenPort("ldaps-wrong-name"))
        .ldaps(TlsTrust.pemCertificates(ca.certificatePem())).build();
    UserException e = assertThrows(UserException.class, () -> LdapDirectory.create(wrongHost).groupExists(OPS_EMEA));
    assertTrue(e.getMessage().contains("does not name that host"), e.getMessage());
    LdapSettings lab = plain().host("localhost").port(server.getListenPort("ldaps-wrong-name"))
        .ldaps(TlsTrust.insecureTrustAllForLabUseOnly()).build();
    assertEquals(Role.VIDEO_OPERATOR, LdapDirectory.create(lab).authenticate("olga", "olga-pw", MAPPINGS).role());
  }

  @Test
  void userService_ldapSignIn_rateLimitedLikeLocal() {
    SimulatedClock scheduler = SimulatedClock.startingAt(Instant.parse("2026-03-02T09:00:00Z"));
    UserService users = UserService.builder().scheduler(scheduler).passwordIterations(PasswordHash.MIN_ITERATIONS).build();
    users.createInitialAdministrator("local-admin", "pw-local");
    Session admin = users.signIn("local-admin", "pw-local").session();
    users.setLdapSettings(admin, plain().build());
    users.setLdapGroups(admin, MAPPINGS);
    assertEquals(List.of("alice", "olga", "omar"), users.ldapDirectory().groupMembers(OPS_EMEA));

    Session olga = users.signIn("olga", "olga-pw").session();
    assertEquals(UserSource.LDAP, olga.source());
    assertEquals(Set.of("emea"), olga.tags());
    for (int i = 0; i < 3; i++) {
      assertThrows(SignInException.class, () -> users.signIn("omar", "bad"));
    }
    assertEquals(SignInException.Reason.RATE_LIMITED,
        assertThrows(SignInException.class, () -> users.signIn("omar", "omar-pw")).reason());
    assertFalse(plain().build().toString().contains("svc-secret"));

    Session ldapAdmin = users.signIn("alice", "alice-pw").session();
    assertEquals(Role.ADMINISTRATOR, ldapAdmin.role());
    users.deleteLocalUser(ldapAdmin, "local-admin");
    assertTrue(users.localUsers().isEmpty(), "an LDAP administrator may delete the last local administrator");
  }
}
