package io.mmsdk.core.user;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Everything {@link UserService} keeps between restarts: local users with password hashes, the
 * passphrase dictionary, password and sign-in policies, LDAP server settings and group mappings.
 *
 * @param users local users
 * @param dictionary passphrase dictionary, or null when none was given
 * @param passwordPolicy local password policy
 * @param signInPolicy rate limiting, session timeouts and sign-in messages
 * @param ldapSettings LDAP server, or null when LDAP sign-in is not set up
 * @param ldapGroups LDAP group mappings
 */
public record UserData(
    List<UserRecord> users, PassphraseDictionary dictionary, PasswordPolicy passwordPolicy,
    SignInPolicy signInPolicy, LdapSettings ldapSettings, List<LdapGroupMapping> ldapGroups) {

  /**
   * Checks and copies the components; usernames and group DNs must be unique.
   *
   * @param users local users
   * @param dictionary passphrase dictionary, or null when none was given
   * @param passwordPolicy local password policy
   * @param signInPolicy rate limiting, session timeouts and sign-in messages
   * @param ldapSettings LDAP server, or null when LDAP sign-in is not set up
   * @param ldapGroups LDAP group mappings
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
  }

  /** {@return empty data with default policies} */
  public static UserData empty() {
    return new UserData(List.of(), null, PasswordPolicy.defaults(), SignInPolicy.defaults(), null, List.of());
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
    return new UserData(next, dictionary, passwordPolicy, signInPolicy, ldapSettings, ldapGroups);
  }

  UserData withDictionary(PassphraseDictionary next) {
    return new UserData(users, next, passwordPolicy, signInPolicy, ldapSettings, ldapGroups);
  }

  UserData withPasswordPolicy(PasswordPolicy next) {
    return new UserData(users, dictionary, next, signInPolicy, ldapSettings, ldapGroups);
  }

  UserData withSignInPolicy(SignInPolicy next) {
    return new UserData(users, dictionary, passwordPolicy, next, ldapSettings, ldapGroups);
  }

  UserData withLdap(LdapSettings settings, List<LdapGroupMapping> groups) {
    return new UserData(users, dictionary, passwordPolicy, signInPolicy, settings, groups);
  }
}
