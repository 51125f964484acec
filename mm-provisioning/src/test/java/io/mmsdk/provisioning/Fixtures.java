package io.mmsdk.provisioning;

import io.mmsdk.cms.api.User;
import io.mmsdk.cms.core.CmsElement;
import io.mmsdk.cms.core.CmsObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Shared test inputs. */
final class Fixtures {
  private Fixtures() {}

  static String resource(String name) {
    try (InputStream in = Fixtures.class.getResourceAsStream("/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("missing test resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static DesiredState sample() {
    return DesiredStateJson.fromJson(resource("desired-state.json"));
  }

  /** {@return the sample state with its LDAP server pointed at {@code ldapPort} on loopback, plain LDAP} */
  static DesiredState sampleOnLoopback(int ldapPort) {
    DesiredState s = sample();
    LdapServer local = LdapServer.builder().name("corp").protocol(LdapProtocol.LDAP).address("127.0.0.1")
        .port(ldapPort).bindDn("cn=cms-bind,ou=service,dc=example,dc=com")
        .passwordRef("env:LDAP_BIND_PASSWORD").build();
    return new DesiredState(List.of(local), s.userImports(), s.autoSpaceRules(), s.spaceCreationRules(),
        s.spaceTemplates(), s.syncSchedule());
  }

  static SecretResolver secrets(String password) {
    return ref -> {
      if (!ref.equals("env:LDAP_BIND_PASSWORD")) {
        throw new ProvisioningException("unknown secret reference " + ref);
      }
      return password;
    };
  }

  /** {@return a user as {@code GET /users/<id>} returns it; a null name or profile is left out} */
  static User user(String id, String jid, String name, String userProfile) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("userJid", jid);
    if (name != null) {
      fields.put("name", name);
    }
    if (userProfile != null) {
      fields.put("userProfile", userProfile);
    }
    List<CmsElement> children = new ArrayList<>();
    fields.forEach((n, text) -> children.add(new CmsElement(n, Map.of(), text, List.of())));
    return new User(CmsObject.of(new CmsElement("user", Map.of("id", id), "", children)));
  }
}
