package io.mmsdk.testkit;

import static java.util.Objects.requireNonNull;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldif.LDIFException;
import com.unboundid.ldif.LDIFReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * A simulated LDAP directory on the loopback address (UnboundID's in-memory server), for the
 * simulated cluster's LDAP sync and for the SDK's provisioning previews. Its entries come from LDIF
 * files or text and from {@link Builder#entry(String...)}; the base entry is created when the LDIF
 * does not contain it. Schema checking is off, so any attributes a test needs are accepted.
 *
 * <pre>{@code
 * try (SimulatedDirectory ldap = SimulatedDirectory.builder()
 *     .ldif(Path.of("src/test/resources/people.ldif"))
 *     .start()) {
 *   // point an ldapServers object at 127.0.0.1:ldap.port() with ldap.bindDn()/ldap.bindPassword()
 * }
 * }</pre>
 *
 * <p>Thread-safe. {@link #close()} stops the listener.
 */
public final class SimulatedDirectory implements AutoCloseable {
  private final InMemoryDirectoryServer server;
  private final String baseDn;
  private final String bindDn;
  private final String bindPassword;

  private SimulatedDirectory(InMemoryDirectoryServer server, String baseDn, String bindDn,
      String bindPassword) {
    this.server = server;
    this.baseDn = baseDn;
    this.bindDn = bindDn;
    this.bindPassword = bindPassword;
  }

  /** {@return a builder for base DN {@code dc=example,dc=com} and a random bind password} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return the listening host, always {@code 127.0.0.1}} */
  public String host() {
    return "127.0.0.1";
  }

  /** {@return the listening port} */
  public int port() {
    return server.getListenPort();
  }

  /** {@return {@code ldap://127.0.0.1:port}} */
  public String url() {
    return "ldap://" + host() + ":" + port();
  }

  /** {@return the base DN every entry lives under} */
  public String baseDn() {
    return baseDn;
  }

  /** {@return the DN the cluster (or the SDK) binds as} */
  public String bindDn() {
    return bindDn;
  }

  /** {@return the bind password} It is not part of {@link #toString()}. */
  public String bindPassword() {
    return bindPassword;
  }

  /** {@return the number of entries, the base entry included} */
  public int entryCount() {
    return server.countEntries();
  }

  /**
   * Adds one entry given as LDIF lines ({@code "dn: uid=ada,ou=people,dc=example,dc=com"},
   * {@code "cn: Ada"}, ...).
   *
   * @param ldifLines the entry's lines, {@code dn:} first, then one {@code attribute: value} per
   *     line
   * @throws IllegalArgumentException if the lines are not one LDIF entry or the entry cannot be
   *     added (its parent does not exist, or its DN is taken)
   */
  public void add(String... ldifLines) {
    requireNonNull(ldifLines, "ldifLines == null");
    add(parseEntry(ldifLines));
  }

  /**
   * Deletes the entry {@code dn}.
   *
   * @param dn the distinguished name of an entry without children
   * @throws IllegalArgumentException if there is no such entry
   */
  public void delete(String dn) {
    requireNonNull(dn, "dn == null");
    try {
      server.delete(dn);
    } catch (LDAPException e) {
      throw new IllegalArgumentException("could not delete " + dn + ": " + e.getMessage(), e);
    }
  }

  private void add(Entry entry) {
    try {
      server.add(entry);
    } catch (LDAPException e) {
      throw new IllegalArgumentException("could not add " + entry.getDN() + ": "
          + e.getDiagnosticMessage() + "; add parent entries first", e);
    }
  }

  /** Stops the listener. Idempotent. */
  @Override
  public void close() {
    server.shutDown(true);
  }

  @Override
  public String toString() {
    return "SimulatedDirectory[" + url() + ", baseDn=" + baseDn + ", bindDn=" + bindDn + "]";
  }

  private static Entry parseEntry(String... lines) {
    try {
      return LDIFReader.decodeEntry(lines);
    } catch (LDIFException e) {
      throw new IllegalArgumentException("not an LDIF entry: " + e.getMessage(), e);
    }
  }

  private static List<Entry> readLdif(Path file) {
    List<Entry> entries = new ArrayList<>();
    try (LDIFReader reader = new LDIFReader(Files.newInputStream(file))) {
      Entry e;
      while ((e = reader.readEntry()) != null) {
        entries.add(e);
      }
    } catch (LDIFException e) {
      throw new IllegalArgumentException(file + " is not valid LDIF near line "
          + e.getLineNumber() + ": " + e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException("could not read LDIF file " + file, e);
    }
    return entries;
  }

  /** Configures and starts a {@link SimulatedDirectory}. Not thread-safe. */
  public static final class Builder {
    private String baseDn = "dc=example,dc=com";
    private String bindDn = "cn=cms-bind,ou=service,dc=example,dc=com";
    private String bindPassword;
    private int port;
    private final List<Path> ldifFiles = new ArrayList<>();
    private final List<String[]> entries = new ArrayList<>();

    private Builder() {}

    /**
     * Sets the base DN (default {@code dc=example,dc=com}).
     *
     * @param baseDn the suffix every entry lives under, a valid DN
     * @return this builder
     * @throws IllegalArgumentException if {@code baseDn} is not a DN
     */
    public Builder baseDn(String baseDn) {
      requireNonNull(baseDn, "baseDn == null");
      if (!DN.isValidDN(baseDn)) {
        throw new IllegalArgumentException("baseDn \"" + baseDn + "\" is not a DN, e.g. dc=example,dc=com");
      }
      this.baseDn = baseDn;
      return this;
    }

    /**
     * Sets the bind DN and password (default {@code cn=cms-bind,ou=service,<base>} and random).
     *
     * @param bindDn the DN the Call Bridge binds as, a valid DN
     * @param password the bind password, non-empty; it never appears in logs or messages
     * @return this builder
     * @throws IllegalArgumentException if {@code bindDn} is not a DN or {@code password} is empty
     */
    public Builder bindCredentials(String bindDn, String password) {
      requireNonNull(bindDn, "bindDn == null");
      requireNonNull(password, "password == null");
      if (!DN.isValidDN(bindDn) || password.isEmpty()) {
        throw new IllegalArgumentException("bindDn must be a DN and password non-empty");
      }
      this.bindDn = bindDn;
      this.bindPassword = password;
      return this;
    }

    /**
     * Sets the port to listen on (default 0: any free port).
     *
     * @param port the TCP port on 127.0.0.1, 0 to 65535 (0 picks a free port)
     * @return this builder
     * @throws IllegalArgumentException if {@code port} is outside 0..65535
     */
    public Builder port(int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port is " + port + "; expected 0 to 65535");
      }
      this.port = port;
      return this;
    }

    /**
     * Loads the entries of an LDIF file (parents before children) when the directory starts.
     *
     * @param file an LDIF file, read when {@link #start()} runs; not null
     * @return this builder
     */
    public Builder ldif(Path file) {
      ldifFiles.add(requireNonNull(file, "file == null"));
      return this;
    }

    /**
     * Adds one entry given as LDIF lines, after the LDIF files, when the directory starts.
     *
     * @param ldifLines the entry's lines, {@code dn:} first, as for {@link SimulatedDirectory#add}
     * @return this builder
     * @throws IllegalArgumentException if the lines are not one LDIF entry
     */
    public Builder entry(String... ldifLines) {
      requireNonNull(ldifLines, "ldifLines == null");
      parseEntry(ldifLines);
      entries.add(ldifLines.clone());
      return this;
    }

    /**
     * Starts the directory.
     *
     * @return the running directory; close it to stop the listener
     * @throws IllegalArgumentException if an LDIF file is not valid or an entry cannot be added
     * @throws UncheckedIOException if an LDIF file cannot be read
     * @throws IllegalStateException if the listener cannot start
     */
    public SimulatedDirectory start() {
      List<Entry> all = new ArrayList<>();
      for (Path file : ldifFiles) {
        all.addAll(readLdif(file));
      }
      for (String[] lines : entries) {
        all.add(parseEntry(lines));
      }
      String password = bindPassword != null ? bindPassword : randomPassword();
      InMemoryDirectoryServer server;
      try {
        InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(baseDn);
        config.addAdditionalBindCredentials(bindDn, password);
        config.setSchema(null);
        config.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig("ldap",
            InetAddress.getLoopbackAddress(), port, null));
        server = new InMemoryDirectoryServer(config);
      } catch (LDAPException e) {
        throw new IllegalArgumentException("could not configure the directory: " + e.getMessage(), e);
      }
      SimulatedDirectory directory = new SimulatedDirectory(server, baseDn, bindDn, password);
      try {
        if (all.stream().noneMatch(e -> sameDn(e.getDN(), baseDn))) {
          directory.add(baseEntry(baseDn));
        }
        for (Entry e : all) {
          directory.add(e);
        }
        server.startListening();
      } catch (LDAPException e) {
        server.shutDown(true);
        throw new IllegalStateException("could not start the directory on port " + port + ": "
            + e.getMessage(), e);
      } catch (RuntimeException e) {
        server.shutDown(true);
        throw e;
      }
      return directory;
    }

    private static boolean sameDn(String a, String b) {
      try {
        return new DN(a).equals(new DN(b));
      } catch (LDAPException e) {
        return false;
      }
    }

    /** The base entry, with the object class its naming attribute calls for. */
    private static Entry baseEntry(String baseDn) {
      try {
        DN dn = new DN(baseDn);
        String attribute = dn.getRDN().getAttributeNames()[0];
        String value = dn.getRDN().getAttributeValues()[0];
        Entry e = new Entry(dn);
        switch (attribute.toLowerCase(java.util.Locale.ROOT)) {
          case "dc" -> e.addAttribute("objectClass", "top", "domain");
          case "o" -> e.addAttribute("objectClass", "top", "organization");
          case "ou" -> e.addAttribute("objectClass", "top", "organizationalUnit");
          default -> e.addAttribute("objectClass", "top", "extensibleObject");
        }
        e.addAttribute(attribute, value);
        return e;
      } catch (LDAPException e) {
        throw new IllegalArgumentException("baseDn \"" + baseDn + "\" is not a DN", e);
      }
    }

    private static String randomPassword() {
      byte[] bytes = new byte[12];
      new SecureRandom().nextBytes(bytes);
      return HexFormat.of().formatHex(bytes);
    }
  }
}
