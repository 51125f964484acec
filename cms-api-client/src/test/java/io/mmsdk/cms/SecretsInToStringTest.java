package io.mmsdk.cms;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mmsdk.cms.api.CoSpace;
import io.mmsdk.cms.api.LdapServer;
import io.mmsdk.cms.core.CmsElement;
import io.mmsdk.cms.core.CmsObject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A CMS object's values never reach {@code toString()}: passcodes and passwords are among them. */
class SecretsInToStringTest {
  private static CmsObject object(String type, Map<String, String> fields) {
    List<CmsElement> children = fields.entrySet().stream()
        .map(e -> new CmsElement(e.getKey(), Map.of(), e.getValue(), List.of()))
        .toList();
    return new CmsObject(type, "id-1", fields,
        new CmsElement(type, Map.of("id", "id-1"), "", children));
  }

  @Test
  void coSpace_passcodeNotInToString_namesAre() {
    CmsObject raw = object("coSpace", Map.of("name", "Board", "passcode", "918273"));
    for (String text : List.of(raw.toString(), new CoSpace(raw).toString(),
        raw.element().toString(), raw.element().children().get(0).toString())) {
      assertFalse(text.contains("918273"), text);
    }
    assertTrue(raw.toString().contains("passcode"), raw.toString());
    assertTrue(raw.toString().contains("coSpace"), raw.toString());
  }

  @Test
  void ldapServer_passwordNotInToString() {
    CmsObject raw = object("ldapServer", Map.of("address", "ldap.example.com",
        "username", "cn=sync", "password", "s3cr3t-bind"));
    assertFalse(new LdapServer(raw).toString().contains("s3cr3t-bind"));
    assertFalse(raw.toString().contains("s3cr3t-bind"));
  }
}
