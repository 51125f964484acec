package io.mmsdk.provisioning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DirectoryConnectorTest {

  private final InMemoryDirectoryServer ds = Directory.start(true);

  @AfterEach
  void stop() {
    ds.shutDown(true);
  }

  private DesiredState state() {
    DesiredState s = Fixtures.sample();
    LdapServer local = LdapServer.builder().name("corp").protocol(LdapProtocol.LDAP).address("127.0.0.1")
        .port(ds.getListenPort()).bindDn("cn=cms-bind,ou=service,dc=example,dc=com")
        .passwordRef("env:LDAP_BIND_PASSWORD").build();
    return new DesiredState(List.of(local), s.userImports(), s.autoSpaceRules(), s.spaceCreationRules(),
        s.spaceTemplates(), null);
  }

  @Test
  void standard_plainLdapOnLoopback_bindsAndPreviewsOverTheSocket() {
    Directory.people(ds);
    PreviewReport r = LdapPreview.builder()
        .directories(DirectoryConnector.standard(Fixtures.secrets("pw"), DirectoryConnector.defaultTrust()))
        .build().run(state());
    assertEquals(4, r.users().size());
  }

  @Test
  void standard_wrongPassword_failsNamingServerButNotSecret() {
    ProvisioningException e = assertThrows(ProvisioningException.class, () -> LdapPreview.builder()
        .directories(DirectoryConnector.standard(Fixtures.secrets("wrong-secret"), DirectoryConnector.defaultTrust()))
        .build().run(state()));
    assertTrue(e.getMessage().contains("'corp'") && e.getMessage().contains("bind credentials"), e.getMessage());
    assertFalse(e.getMessage().contains("wrong-secret"));
  }
}
