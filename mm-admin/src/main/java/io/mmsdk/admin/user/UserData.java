package io.mmsdk.admin.user;

import io.mmsdk.admin.access.Role;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Everything {@link UserService} keeps between restarts: local users with password hashes, the
 * passphrase dictionary, password and sign-in policies, LDAP server settings and group mappings, the
 * tags an administrator gave individual LDAP users, and the tags of removed LDAP groups (given back
 * when a group is mapped again).
 *
 * @param users local users
 * @param dictionary passphrase dictionary, or null when none was given
 * @param passwordPolicy local password policy
 * @param signInPolicy rate limiting, session timeouts and sign-in messages
 * @param ldapSettings LDAP server, or null when LDAP sign-in is not set up
 * @param ldapGroups LDAP group mappings
 * @param ldapUserTags tags of individual LDAP users by username (video operators only, at most 10 each)
 * @param retainedLdapGroupTags tags of removed LDAP groups, by lower-case group DN
 */
public record UserData(
    List<UserRecord> users, PassphraseDictionary dictionary, PasswordPolicy passwordPolicy,
    SignInPolicy signInPolicy, LdapSettings ldapSettings, List<LdapGroupMapping> ldapGroups,
    Map<String, Set<String>> ldapUserTags, Map<String, Set<String>> retainedLdapGroupTags) {

  /**
   * Checks and copies the components; usernames and group DNs must be unique, tag sets follow
   * {@link LocalUser}'s rules for video operators, and empty tag sets are dropped from the maps.
   *
   * @param users local users
   * @param dictionary passphrase dictionary, or null when none was given
   * @param passwordPolicy local password policy
   * @param signInPolicy rate limiting, session timeouts and sign-in messages
   * @param ldapSettings LDAP server, or null when LDAP sign-in is not set up
   * @param ldapGroups LDAP group mappings
   * @param ldapUserTags tags of individual LDAP users by username (video operators only, at most 10 each)
   * @param retainedLdapGroupTags tags of removed LDAP groups, by lower-case group DN
   */
  public UserData {
    users = List.copyOf(Objects.requireNonNull(users, "users == null"));
    Objects.requireNonNull(passwordPolicy, "passwordPolicy == null");
    Objects.requireNonNull(signInPolicy, "signInPolicy == null");
    ldapGroups = List.copyOf(Objects.requireNonNull(ldapGroups, "ldapGroups == null"));
    Set<String> names = new HashSet<>();
    for (UserRecord r : users) {
      if (!names.add(r.user().username())) {
        throw new UserException("Username '" + r.user().username() + "' is used twice; usernames must be unique.");
      }
    }
    Set<String> dns = new HashSet<>();
    for (LdapGroupMapping g : ldapGroups) {
      if (!dns.add(g.groupDn().toLowerCase(Locale.ROOT))) {
        throw new UserException("LDAP group '" + g.groupDn() + "' is mapped twice; map each group once.");
      }
    }
    ldapUserTags = checkTagMap(Objects.requireNonNull(ldapUserTags, "ldapUserTags == null"), true);
    retainedLdapGroupTags = checkTagMap(Objects.requireNonNull(retainedLdapGroupTags, "retainedLdapGroupTags == null"), false);
  }

  /** Copies {@code tags} sorted by key, checking keys and tag sets and dropping empty sets. */
  private static Map<String, Set<String>> checkTagMap(Map<String, Set<String>> tags, boolean usernames) {
    Map<String, Set<String>> out = new TreeMap<>();
    tags.forEach((key, value) -> {
      Objects.requireNonNull(key, "key == null");
      String k = usernames ? LocalUser.checkUsername(key) : groupKey(key);
      Set<String> v = LocalUser.checkTags(key, Role.VIDEO_OPERATOR, value);
      if (!v.isEmpty()) {
        out.put(k, v);
      }
    });
    return Collections.unmodifiableMap(out);
  }

  /** {@return the key of {@code groupDn} in {@link #retainedLdapGroupTags()}} */
  static String groupKey(String groupDn) {
    return LdapGroupMapping.checkDn(groupDn).strip().toLowerCase(Locale.ROOT);
  }

  /** {@return empty data with default policies} */
  public static UserData empty() {
    return new UserData(List.of(), null, PasswordPolicy.defaults(), SignInPolicy.defaults(), null, List.of(), Map.of(), Map.of());
  }

  /** {@return the passphrase dictionary, if one was given} */
  public Optional<PassphraseDictionary> findDictionary() {
    return Optional.ofNullable(dictionary);
  }

  /** {@return the LDAP settings, if LDAP sign-in is set up} */
  public Optional<LdapSettings> findLdapSettings() {
    return Optional.ofNullable(ldapSettings);
  }

  UserData withUsers(List<UserRecord> next) {
    return new UserData(next, dictionary, passwordPolicy, signInPolicy, ldapSettings, ldapGroups, ldapUserTags, retainedLdapGroupTags);
  }

  UserData withDictionary(PassphraseDictionary next) {
    return new UserData(users, next, passwordPolicy, signInPolicy, ldapSettings, ldapGroups, ldapUserTags, retainedLdapGroupTags);
  }

  UserData withPasswordPolicy(PasswordPolicy next) {
    return new UserData(users, dictionary, next, signInPolicy, ldapSettings, ldapGroups, ldapUserTags, retainedLdapGroupTags);
  }

  UserData withSignInPolicy(SignInPolicy next) {
    return new UserData(users, dictionary, passwordPolicy, next, ldapSettings, ldapGroups, ldapUserTags, retainedLdapGroupTags);
  }

  UserData withLdapSettings(LdapSettings next) {
    return new UserData(users, dictionary, passwordPolicy, signInPolicy, next, ldapGroups, ldapUserTags, retainedLdapGroupTags);
  }

  UserData withLdapGroups(List<LdapGroupMapping> groups, Map<String, Set<String>> retained) {
    return new UserData(users, dictionary, passwordPolicy, signInPolicy, ldapSettings, groups, ldapUserTags, retained);
  }

  UserData withLdapUserTags(Map<String, Set<String>> next) {
    return new UserData(users, dictionary, passwordPolicy, signInPolicy, ldapSettings, ldapGroups, next, retainedLdapGroupTags);
  }
}
