package io.mmsdk.admin.user;

import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPConnectionOptions;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchResult;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import io.mmsdk.admin.access.Role;
import io.mmsdk.common.tls.TlsSetupException;
import io.mmsdk.common.tls.TlsTrust;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import javax.net.SocketFactory;

/**
 * Talks to the LDAP server: checks that a group exists, lists its members, and signs users in by
 * binding as them and checking their membership of mapped groups. Each call opens its own
 * connection (bound as the service account) and closes it, so an instance holds no sockets.
 *
 * <p>Attribute names are matched case-sensitively against what the server returns.
 *
 * <p>Thread-safe.
 */
public final class LdapDirectory {
  private final LdapSettings settings;

  private LdapDirectory(LdapSettings settings) {
    this.settings = settings;
  }

  /**
   * {@return a directory for {@code settings}}
   *
   * @param settings the server, service account, search base and attributes to use; not null
   */
  public static LdapDirectory create(LdapSettings settings) {
    return new LdapDirectory(Objects.requireNonNull(settings, "settings == null"));
  }

  /** {@return the settings in use} */
  public LdapSettings settings() {
    return settings;
  }

  /**
   * {@return true when an entry exists at {@code groupDn} (the "Check" button)}
   *
   * @param groupDn the group's distinguished name
   * @throws UserException if the server cannot be reached or the DN is malformed
   */
  public boolean groupExists(String groupDn) {
    Objects.requireNonNull(groupDn, "groupDn == null");
    try (LDAPConnection c = serviceConnection()) {
      return c.getEntry(groupDn, "1.1") != null;
    } catch (LDAPException e) {
      throw failure("check group '" + groupDn + "'", e);
    }
  }

  /**
   * {@return the usernames of the group's members, sorted (the "View users" button)} Members whose
   * entry has no username attribute (spelled exactly as configured) are left out.
   *
   * @param groupDn the group's distinguished name
   * @throws UserException if the group does not exist or the server cannot be reached
   */
  public List<String> groupMembers(String groupDn) {
    Objects.requireNonNull(groupDn, "groupDn == null");
    try (LDAPConnection c = serviceConnection()) {
      SearchResultEntry group = c.getEntry(groupDn, settings.memberAttribute());
      if (group == null) {
        throw new UserException("LDAP group '" + groupDn + "' was not found; check the DN (the LDAP path).");
      }
      TreeSet<String> names = new TreeSet<>();
      for (String memberDn : values(group, settings.memberAttribute())) {
        SearchResultEntry member = c.getEntry(memberDn, settings.usernameAttribute());
        if (member != null) {
          names.addAll(values(member, settings.usernameAttribute()));
        }
      }
      return List.copyOf(names);
    } catch (LDAPException e) {
      throw failure("list members of '" + groupDn + "'", e);
    }
  }

  /**
   * Signs {@code username} in: finds their entry, binds as them with {@code password}, and checks
   * which mapped groups list them. A user in any administrator group, or in groups with different
   * roles, becomes administrator; video operators get the union of their groups' tags.
   *
   * @param username the sign-in name, matched against the configured username attribute
   * @param password the user's directory password; never logged
   * @param mappings the group mappings that give roles and tags
   * @return the user's entry DN, role, tags and mapped groups
   * @throws SignInException INVALID_CREDENTIALS, NO_MAPPED_GROUP or DIRECTORY_UNAVAILABLE
   */
  public LdapIdentity authenticate(String username, String password, List<LdapGroupMapping> mappings) {
    Objects.requireNonNull(username, "username == null");
    Objects.requireNonNull(password, "password == null");
    Objects.requireNonNull(mappings, "mappings == null");
    if (password.isEmpty()) {
      // An empty password would be an anonymous bind, which many servers accept.
      throw invalid();
    }
    try (LDAPConnection c = serviceConnection()) {
      SearchResult found = c.search(settings.baseDn(), SearchScope.SUB,
          Filter.createEqualityFilter(settings.usernameAttribute(), username), settings.usernameAttribute());
      List<SearchResultEntry> matches = new ArrayList<>();
      for (SearchResultEntry e : found.getSearchEntries()) {
        if (values(e, settings.usernameAttribute()).contains(username)) {
          matches.add(e);
        }
      }
      if (matches.size() != 1) {
        throw invalid();
      }
      String userDn = matches.get(0).getDN();
      try (LDAPConnection userConn = connect()) {
        userConn.bind(userDn, password);
      } catch (LDAPException e) {
        if (e.getResultCode() == ResultCode.INVALID_CREDENTIALS) {
          throw invalid();
        }
        throw e;
      }
      DN user = new DN(userDn);
      List<String> groups = new ArrayList<>();
      Set<Role> roles = new TreeSet<>();
      Set<String> tags = new TreeSet<>();
      for (LdapGroupMapping m : mappings) {
        SearchResultEntry g = c.getEntry(m.groupDn(), settings.memberAttribute());
        if (g == null) {
          continue;
        }
        for (String member : values(g, settings.memberAttribute())) {
          if (DN.isValidDN(member) && new DN(member).equals(user)) {
            groups.add(m.groupDn());
            roles.add(m.role());
            tags.addAll(m.tags());
            break;
          }
        }
      }
      if (groups.isEmpty()) {
        throw new SignInException(SignInException.Reason.NO_MAPPED_GROUP,
            "You are not a member of any group allowed to sign in. Ask an administrator to add you to a mapped LDAP group.");
      }
      Role role = roles.size() == 1 ? roles.iterator().next() : Role.ADMINISTRATOR;
      return new LdapIdentity(username, userDn, role, role == Role.ADMINISTRATOR ? Set.of() : tags, groups);
    } catch (LDAPException e) {
      throw new SignInException(SignInException.Reason.DIRECTORY_UNAVAILABLE,
          "The directory server could not be reached or returned an error (" + e.getResultCode() + "). Try again later.", e);
    }
  }

  private static SignInException invalid() {
    return new SignInException(SignInException.Reason.INVALID_CREDENTIALS, "Invalid username or password");
  }

  /** Values of the attribute whose name is exactly {@code name} (case-sensitive, no options). */
  private static List<String> values(SearchResultEntry entry, String name) {
    List<String> out = new ArrayList<>();
    for (Attribute a : entry.getAttributes()) {
      if (a.getName().equals(name)) {
        for (String v : a.getValues()) {
          out.add(v);
        }
      }
    }
    return out;
  }

  private LDAPConnection serviceConnection() throws LDAPException {
    LDAPConnection c = connect();
    try {
      c.bind(settings.bindDn(), settings.bindPassword());
      return c;
    } catch (LDAPException e) {
      c.close();
      throw e;
    }
  }

  private LDAPConnection connect() throws LDAPException {
    LDAPConnectionOptions options = new LDAPConnectionOptions();
    options.setConnectTimeoutMillis((int) settings.timeout().toMillis());
    options.setResponseTimeoutMillis(settings.timeout().toMillis());
    SocketFactory factory = null;
    if (settings.ldaps()) {
      try {
        // The host name (or IP address SAN) is checked in the handshake, before the bind password is sent.
        factory = settings.trust().client("LDAPS " + settings.host() + ":" + settings.port()).socketFactory();
      } catch (TlsSetupException e) {
        throw new LDAPException(ResultCode.CONNECT_ERROR, "could not set up TLS: " + e.getMessage(), e);
      }
    }
    try {
      return new LDAPConnection(factory, options, settings.host(), settings.port());
    } catch (LDAPException e) {
      if (settings.ldaps() && TlsTrust.isCertificateFailure(e)) {
        throw new LDAPException(ResultCode.CONNECT_ERROR, "the server certificate of '" + settings.host()
            + "' is not trusted or does not name that host (" + e.getMessage() + "); use the host name or IP address"
            + " in the certificate's SAN, or fix the trust settings", e);
      }
      throw e;
    }
  }

  private UserException failure(String what, LDAPException e) {
    // Failures made on this side (TLS set-up, a refused certificate) carry their advice in the message alone.
    String detail = e.getDiagnosticMessage() != null ? e.getDiagnosticMessage() : e.getMessage();
    return new UserException("Could not " + what + " on LDAP server " + settings.host() + ":" + settings.port()
        + " (" + e.getResultCode() + ": " + detail + "). Check the server details and that it is online.", e);
  }
}
