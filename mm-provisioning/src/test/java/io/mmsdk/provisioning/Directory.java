package io.mmsdk.provisioning;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPException;

/** An UnboundID in-memory directory with the example.com people used across tests. */
final class Directory {
  private Directory() {}

  static InMemoryDirectoryServer start(boolean listen) {
    return start(listen, 0);
  }

  /** Starts the directory; {@code maxSizeLimit} > 0 caps the entries one search returns. */
  static InMemoryDirectoryServer start(boolean listen, int maxSizeLimit) {
    try {
      InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig("dc=example,dc=com");
      config.setMaxSizeLimit(maxSizeLimit);
      config.addAdditionalBindCredentials("cn=cms-bind,ou=service,dc=example,dc=com", "pw");
      config.setSchema(null);
      if (listen) {
        config.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig("ldap", 0));
      }
      InMemoryDirectoryServer ds = new InMemoryDirectoryServer(config);
      ds.add("dn: dc=example,dc=com", "objectClass: domain", "dc: example");
      ds.add("dn: ou=people,dc=example,dc=com", "objectClass: organizationalUnit", "ou: people");
      if (listen) {
        ds.startListening();
      }
      return ds;
    } catch (LDAPException | com.unboundid.ldif.LDIFException e) {
      throw new IllegalStateException(e);
    }
  }

  static void person(InMemoryDirectoryServer ds, String uid, String cn, String sn, String number,
      String... types) {
    Entry e = new Entry("uid=" + uid + ",ou=people,dc=example,dc=com");
    e.addAttribute("objectClass", "person", "inetOrgPerson");
    e.addAttribute("uid", uid);
    e.addAttribute("cn", cn);
    e.addAttribute("sn", sn);
    if (number != null) {
      e.addAttribute("employeeNumber", number);
    }
    e.addAttribute("employeeType", types);
    try {
      ds.add(e);
    } catch (LDAPException ex) {
      throw new IllegalStateException(ex);
    }
  }

  static void people(InMemoryDirectoryServer ds) {
    person(ds, "swood", "Sally Wood", "Wood", "1001", "staff");
    person(ds, "BJones", "Bob Jones", "Jones", "1002", "staff");
    person(ds, "ckent", "Clark Kent", "Kent", null, "contractor");
    person(ds, "dual", "Dee Dual", "Dual", "1004", "staff", "contractor");
  }
}
