package io.mmsdk.admin.user;

import io.mmsdk.admin.access.Role;
import io.mmsdk.core.internal.Props;
import io.mmsdk.core.internal.TrustProps;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Converts {@link UserData} and its parts to and from the key=value text documents that the {@link
 * UserStore#file(java.nio.file.Path) file store} writes and backups embed. The documents hold
 * secrets (password hashes, the LDAP bind password): protect what you write.
 */
public final class UserCodec {
  private UserCodec() {}

  /**
   * Encodes the local users with their password hashes.
   *
   * @param users the users, in order
   * @return the document's bytes (UTF-8)
   */
  public static byte[] encodeUsers(List<UserRecord> users) {
    return usersDocument(users).toBytes();
  }

  /**
   * Decodes what {@link #encodeUsers} wrote.
   *
   * @param document the document's bytes
   * @return the users, in order
   * @throws UserException if the document is damaged
   */
  public static List<UserRecord> decodeUsers(byte[] document) {
    return decoding(() -> decodeUsers(Props.parse(document)));
  }

  /**
   * Encodes the configuration part of {@code data}: policies, LDAP server, group mappings, the
   * retained tags of removed groups and individual LDAP users' tags.
   *
   * @param data the data whose configuration to encode
   * @return the document's bytes (UTF-8)
   */
  public static byte[] encodeConfig(UserData data) {
    return configDocument(data).toBytes();
  }

  /**
   * Decodes what {@link #encodeConfig} wrote into otherwise empty data.
   *
   * @param document the document's bytes
   * @return the configuration, with no users and no dictionary
   * @throws UserException if the document is damaged
   */
  public static UserData decodeConfig(byte[] document) {
    return decoding(() -> decodeConfig(Props.parse(document)));
  }

  private static <T> T decoding(java.util.function.Supplier<T> decode) {
    try {
      return decode.get();
    } catch (IllegalArgumentException e) {
      throw new UserException("User data is damaged: " + e.getMessage()
          + ". Use a document written by UserCodec or restore a backup.", e);
    }
  }

  /** Encodes everything (secrets included: protect the result). */
  static Props encode(UserData d) {
    Props p = Props.create().put("version", 1);
    p.putSection("users", usersDocument(d.users()));
    d.findDictionary().ifPresent(dict -> p.put("dictionary", new String(dict.toBytes(), StandardCharsets.UTF_8)));
    p.putSection("config", configDocument(d));
    return p;
  }

  /** Decodes what {@link #encode} wrote. */
  static UserData decode(Props p) {
    if (p.isEmpty()) {
      return UserData.empty();
    }
    if (p.getInt("version", -1) != 1) {
      throw new IllegalArgumentException("unsupported user data version " + p.get("version") + " (expected 1)");
    }
    UserData config = decodeConfig(p.section("config"));
    String dict = p.get("dictionary");
    return new UserData(decodeUsers(p.section("users")),
        dict == null ? null : PassphraseDictionary.parse(dict.getBytes(StandardCharsets.UTF_8)),
        config.passwordPolicy(), config.signInPolicy(), config.ldapSettings(), config.ldapGroups(),
        config.ldapUserTags(), config.retainedLdapGroupTags());
  }

  /** Encodes local users with their password hashes. */
  private static Props usersDocument(List<UserRecord> users) {
    Props p = Props.create().put("count", users.size());
    for (int i = 0; i < users.size(); i++) {
      UserRecord r = users.get(i);
      String k = "u." + i;
      p.put(k + ".username", r.user().username()).put(k + ".firstName", r.user().firstName())
          .put(k + ".lastName", r.user().lastName()).put(k + ".role", r.user().role())
          .putList(k + ".tags", new ArrayList<>(r.user().tags()))
          .put(k + ".password", r.password().encoded())
          .putList(k + ".previous", r.previousPasswords().stream().map(PasswordHash::encoded).toList());
    }
    return p;
  }

  /** Decodes local users. */
  private static List<UserRecord> decodeUsers(Props p) {
    int n = p.getInt("count", 0);
    List<UserRecord> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      String k = "u." + i;
      LocalUser u = new LocalUser(p.require(k + ".username"), p.require(k + ".firstName"), p.require(k + ".lastName"),
          Role.valueOf(p.require(k + ".role")), new HashSet<>(p.getList(k + ".tags")));
      out.add(new UserRecord(u, PasswordHash.parse(p.require(k + ".password")),
          p.getList(k + ".previous").stream().map(PasswordHash::parse).toList()));
    }
    return out;
  }

  /**
   * Encodes the configuration part: policies, LDAP server, group mappings, the retained tags of
   * removed groups and individual LDAP users' tags.
   */
  private static Props configDocument(UserData d) {
    Props p = Props.create();
    PasswordPolicy pp = d.passwordPolicy();
    p.put("password.minLength.enforced", pp.minimumLengthEnforced()).put("password.minLength", pp.minimumLength())
        .put("password.reuse.restricted", pp.reuseRestricted()).put("password.reuse.remembered", pp.rememberedPasswords())
        .put("password.passphrase.enabled", pp.passphraseGenerator()).put("password.passphrase.words", pp.passphraseWords());
    SignInPolicy sp = d.signInPolicy();
    p.put("signin.rateLimit.enabled", sp.rateLimited()).put("signin.rateLimit.tokens", sp.tokens())
        .put("signin.rateLimit.refillSeconds", sp.refill().toSeconds())
        .put("signin.idle.enabled", sp.idleTimeoutEnabled()).put("signin.idle.seconds", sp.idleTimeout().toSeconds())
        .put("signin.preMessage", sp.preSignInMessage()).put("signin.postMessage", sp.postSignInMessage())
        .put("signin.showActivity", sp.showAccountActivity());
    d.findLdapSettings().ifPresent(l -> {
      p.put("ldap.host", l.host()).put("ldap.port", l.port()).put("ldap.ldaps", l.ldaps())
          .put("ldap.bindDn", l.bindDn()).put("ldap.bindPassword", l.bindPassword()).put("ldap.baseDn", l.baseDn())
          .put("ldap.usernameAttribute", l.usernameAttribute()).put("ldap.memberAttribute", l.memberAttribute())
          .put("ldap.timeoutMillis", l.timeout().toMillis());
      TrustProps.put(p, "ldap.trust", l.trust());
    });
    p.put("ldap.groups", d.ldapGroups().size());
    for (int i = 0; i < d.ldapGroups().size(); i++) {
      LdapGroupMapping g = d.ldapGroups().get(i);
      p.put("ldap.group." + i + ".dn", g.groupDn()).put("ldap.group." + i + ".role", g.role())
          .putList("ldap.group." + i + ".tags", new ArrayList<>(g.tags()));
    }
    encodeTagMap(p, "ldap.retainedGroup", "dn", d.retainedLdapGroupTags());
    encodeTagMap(p, "ldap.userTags", "username", d.ldapUserTags());
    return p;
  }

  /** Decodes the configuration part into otherwise empty data. */
  private static UserData decodeConfig(Props p) {
    PasswordPolicy.Builder pp = PasswordPolicy.builder();
    if (p.getBoolean("password.minLength.enforced", false)) {
      pp.enforceMinimumLength(p.getInt("password.minLength", PasswordPolicy.DEFAULT_MINIMUM_LENGTH));
    }
    if (p.getBoolean("password.reuse.restricted", false)) {
      pp.restrictReuse(p.getInt("password.reuse.remembered", 1));
    }
    if (p.getBoolean("password.passphrase.enabled", false)) {
      pp.passphraseGenerator(p.getInt("password.passphrase.words", PasswordPolicy.DEFAULT_PASSPHRASE_WORDS));
    }
    SignInPolicy.Builder sp = SignInPolicy.builder();
    if (p.getBoolean("signin.rateLimit.enabled", true)) {
      sp.rateLimit(p.getInt("signin.rateLimit.tokens", SignInPolicy.DEFAULT_TOKENS),
          Duration.ofSeconds(p.getLong("signin.rateLimit.refillSeconds", SignInPolicy.DEFAULT_REFILL.toSeconds())));
    } else {
      sp.disableRateLimit();
    }
    if (p.getBoolean("signin.idle.enabled", true)) {
      sp.idleTimeout(Duration.ofSeconds(p.getLong("signin.idle.seconds", SignInPolicy.DEFAULT_IDLE_TIMEOUT.toSeconds())));
    } else {
      sp.disableIdleTimeout();
    }
    sp.preSignInMessage(p.get("signin.preMessage") == null ? "" : p.get("signin.preMessage"))
        .postSignInMessage(p.get("signin.postMessage") == null ? "" : p.get("signin.postMessage"))
        .showAccountActivity(p.getBoolean("signin.showActivity", false));
    LdapSettings ldap = null;
    if (p.get("ldap.host") != null) {
      LdapSettings.Builder lb = LdapSettings.builder().host(p.require("ldap.host")).port(p.getInt("ldap.port", 389))
          .bind(p.require("ldap.bindDn"), p.require("ldap.bindPassword")).baseDn(p.require("ldap.baseDn"))
          .usernameAttribute(p.require("ldap.usernameAttribute")).memberAttribute(p.require("ldap.memberAttribute"))
          .timeout(Duration.ofMillis(p.getLong("ldap.timeoutMillis", 10_000)));
      if (p.getBoolean("ldap.ldaps", false)) {
        lb.ldaps(TrustProps.get(p, "ldap.trust", "The LDAP server " + p.require("ldap.host")));
      }
      ldap = lb.build();
    }
    int n = p.getInt("ldap.groups", 0);
    List<LdapGroupMapping> groups = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      groups.add(new LdapGroupMapping(p.require("ldap.group." + i + ".dn"), Role.valueOf(p.require("ldap.group." + i + ".role")),
          new HashSet<>(p.getList("ldap.group." + i + ".tags"))));
    }
    return new UserData(List.of(), null, pp.build(), sp.build(), ldap, groups,
        decodeTagMap(p, "ldap.userTags", "username"), decodeTagMap(p, "ldap.retainedGroup", "dn"));
  }

  private static void encodeTagMap(Props p, String prefix, String keyName, Map<String, Set<String>> tags) {
    p.put(prefix + "s", tags.size());
    int i = 0;
    for (Map.Entry<String, Set<String>> e : tags.entrySet()) {
      p.put(prefix + "." + i + "." + keyName, e.getKey()).putList(prefix + "." + i + ".tags", new ArrayList<>(e.getValue()));
      i++;
    }
  }

  /** Decodes what {@link #encodeTagMap} wrote; files written before these keys existed have none. */
  private static Map<String, Set<String>> decodeTagMap(Props p, String prefix, String keyName) {
    int n = p.getInt(prefix + "s", 0);
    Map<String, Set<String>> out = new HashMap<>();
    for (int i = 0; i < n; i++) {
      out.put(p.require(prefix + "." + i + "." + keyName), new HashSet<>(p.getList(prefix + "." + i + ".tags")));
    }
    return out;
  }
}
