package io.mmsdk.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulatedDirectoryTest {
  private static final Path PEOPLE = Path.of("src/test/resources/people.ldif");

  @Test
  void ldif_withoutBaseEntry_createsItAndLoadsEveryEntry() {
    try (SimulatedDirectory ldap = SimulatedDirectory.builder().ldif(PEOPLE).start()) {
      assertEquals(4, ldap.entryCount(), "base, ou=people and two people");
      assertTrue(ldap.url().startsWith("ldap://127.0.0.1:"));
      assertFalse(ldap.toString().contains(ldap.bindPassword()), ldap.toString());
    }
  }

  @Test
  void addAndDelete_changeTheDirectoryWhileItRuns() {
    try (SimulatedDirectory ldap = SimulatedDirectory.builder().ldif(PEOPLE).start()) {
      ldap.add("dn: uid=cdoe,ou=people,dc=example,dc=com", "objectClass: inetOrgPerson",
          "uid: cdoe", "cn: Carol Doe", "sn: Doe");
      assertEquals(5, ldap.entryCount());
      ldap.delete("uid=cdoe,ou=people,dc=example,dc=com");
      assertEquals(4, ldap.entryCount());
      IllegalArgumentException orphan = assertThrows(IllegalArgumentException.class,
          () -> ldap.add("dn: uid=x,ou=nowhere,dc=example,dc=com", "objectClass: person",
              "uid: x"));
      assertTrue(orphan.getMessage().contains("uid=x,ou=nowhere"), orphan.getMessage());
    }
  }

  @Test
  void brokenLdif_isRejectedWithTheLine(@TempDir Path dir) throws Exception {
    Path broken = dir.resolve("broken.ldif");
    Files.writeString(broken, "dn: ou=people,dc=example,dc=com\nobjectClass: organizationalUnit\n"
        + "\ndn: uid=a,ou=people,dc=example,dc=com\nthis line has no colon\n");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> SimulatedDirectory.builder().ldif(broken).start());
    assertTrue(e.getMessage().contains("broken.ldif is not valid LDIF near line"), e.getMessage());
  }

  @Test
  void clusterLdapSync_importsThePeopleOfTheDirectory() {
    try (SimulatedDirectory ldap = SimulatedDirectory.builder().ldif(PEOPLE).start();
         SimulatedCluster cms = SimulatedCluster.start()) {
      Http api = new Http(cms, 0);
      String server = api.post("ldapServers", "address", ldap.host(), "portNumber",
          String.valueOf(ldap.port()), "username", ldap.bindDn(), "password", ldap.bindPassword(),
          "secure", "false").idFromLocation();
      String mapping = api.post("ldapMappings", "jidMapping", "$uid$@example.com", "nameMapping",
          "$cn$").idFromLocation();
      api.post("ldapSources", "server", server, "mapping", mapping, "baseDn",
          "ou=people," + ldap.baseDn(), "filter", "(objectClass=inetOrgPerson)");
      String sync = api.post("ldapSyncs", "removeWhenFinished", "false").idFromLocation();
      assertEquals("complete", api.get("ldapSyncs/" + sync).text("state"));
      assertEquals("2", api.get("users").total());
    }
  }
}
