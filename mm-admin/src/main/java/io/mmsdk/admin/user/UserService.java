package io.mmsdk.admin.user;

import io.mmsdk.admin.access.AccessControl;
import io.mmsdk.admin.access.AccessDeniedException;
import io.mmsdk.admin.audit.AuditTrail;
import io.mmsdk.common.listen.Registration;
import io.mmsdk.common.time.Scheduler;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Users, sign-in and sessions. Local users are checked against PBKDF2-HMAC-SHA256 hashes (JDK only,
 * 600 000 iterations by default, 16-byte random salt per hash); LDAP users through {@link
 * LdapDirectory} and the group mappings. Every change is saved to the {@link UserStore} and
 * recorded in the {@link AuditTrail}; administrative calls take the acting {@link Session} and are
 * checked with {@link AccessControl}.
 *
 * <p>Sign-in is rate limited per username with a token bucket; sessions end after the idle timeout
 * or 24 hours after sign-in, checked whenever a session is used. Policy changes apply immediately.
 * Time comes from the {@link Scheduler} clock.
 *
 * <p>Thread-safe.
 */
public final class UserService {
  // A facade: each part owns one job and all of them share UserState's one monitor, so every call
  // sees and changes one consistent state.
  private final UserState state;
  private final LocalUsers localUsers;
  private final Policies policies;
  private final LdapUsers ldap;
  private final SignIn signIn;

  private UserService(Builder b) {
    this.state = new UserState(b.scheduler, b.store,
        b.audit != null ? b.audit : AuditTrail.inMemory(b.scheduler));
    this.localUsers = new LocalUsers(state, b.random, b.iterations);
    this.ldap = new LdapUsers(state);
    this.signIn = new SignIn(state, ldap, b.random, b.iterations);
    this.policies = new Policies(state, signIn, b.random);
  }

  /** {@return a builder; {@link Builder#scheduler} is required} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return the audit trail this service records to} */
  public AuditTrail audit() {
    return state.audit;
  }

  // ---------------------------------------------------------------- local users

  /**
   * Creates the first local administrator (as installation does). Allowed only while there are no
   * local users; policies do not apply.
   *
   * @param username the administrator's user name
   * @param password the initial password; only its hash is stored
   * @return the new administrator
   * @throws UserException if local users exist already
   */
  public LocalUser createInitialAdministrator(String username, String password) {
    return localUsers.createInitialAdministrator(username, password);
  }

  /**
   * Adds a local user with an initial password set by the administrator (policies apply only when
   * users change their own password).
   *
   * @param actor an administrator's live session
   * @param user the new user's name, names, role and tags
   * @param password the initial password; only its hash is stored
   * @return the stored user
   * @throws UserException if the username is taken
   * @throws AccessDeniedException if {@code actor} is not an administrator
   */
  public LocalUser addLocalUser(Session actor, LocalUser user, String password) {
    return localUsers.add(actor, user, password);
  }

  /**
   * Replaces a local user's names, role and tags; the username identifies the user and cannot
   * change. Sessions already open keep their role and tags until the next sign-in.
   *
   * @param actor an administrator's live session
   * @param user the user's new names, role and tags, with its existing user name
   * @return the stored user
   */
  public LocalUser updateLocalUser(Session actor, LocalUser user) {
    return localUsers.update(actor, user);
  }

  /**
   * Sets a local user's password as an administrator (policies do not apply).
   *
   * @param actor an administrator's live session
   * @param username the local user's name
   * @param newPassword the new password; only its hash is stored
   */
  public void setPassword(Session actor, String username, String newPassword) {
    localUsers.setPassword(actor, username, newPassword);
  }

  /**
   * Deletes a local user, ends their sessions, and tells deletion listeners (for example to reset
   * conference ownership). An administrator can never delete the local account they are signed in
   * with.
   *
   * @param actor an administrator's live session
   * @param username the local user's name
   */
  public void deleteLocalUser(Session actor, String username) {
    localUsers.delete(actor, username);
  }

  /** {@return the local users in creation order} */
  public List<LocalUser> localUsers() {
    return localUsers.list();
  }

  /**
   * {@return the local user {@code username}}
   *
   * @param username the user name
   */
  public Optional<LocalUser> findLocalUser(String username) {
    return localUsers.find(username);
  }

  /**
   * Calls {@code listener} with the username after each local user is deleted.
   *
   * @param listener called with the deleted user's name, after the deletion is saved; not null
   * @return a registration whose {@code close()} removes the listener
   */
  public Registration onUserDeleted(Consumer<String> listener) {
    return localUsers.onDeleted(listener);
  }

  // ---------------------------------------------------------------- own password and policies

  /**
   * Changes the signed-in local user's own password. The password policy applies here: minimum
   * length if enforced, and no reuse of the current or the remembered previous passwords if
   * restricted.
   *
   * @param session the signed-in local user's live session
   * @param currentPassword the password now in use
   * @param newPassword the new password
   * @throws PasswordPolicyException with the rule broken (or a wrong current password)
   */
  public void changeOwnPassword(Session session, String currentPassword, String newPassword) {
    localUsers.changeOwnPassword(session, currentPassword, newPassword);
  }

  /** {@return a suggested passphrase when the generator is enabled and a dictionary is set} */
  public Optional<String> suggestPassphrase() {
    return policies.suggestPassphrase();
  }

  /** {@return the password policy} */
  public PasswordPolicy passwordPolicy() {
    return policies.passwordPolicy();
  }

  /**
   * Replaces the password policy (administrators only).
   *
   * @param actor an administrator's live session
   * @param policy the new password policy; not null
   */
  public void setPasswordPolicy(Session actor, PasswordPolicy policy) {
    policies.setPasswordPolicy(actor, policy);
  }

  /**
   * Sets the passphrase dictionary (administrators only).
   *
   * @param actor an administrator's live session
   * @param dictionary the words to generate passphrases from; not null
   */
  public void setPassphraseDictionary(Session actor, PassphraseDictionary dictionary) {
    policies.setPassphraseDictionary(actor, dictionary);
  }

  /** {@return the sign-in policy} */
  public SignInPolicy signInPolicy() {
    return policies.signInPolicy();
  }

  /**
   * Replaces the sign-in policy (administrators only); new limits apply to existing sessions too.
   *
   * @param actor an administrator's live session
   * @param policy the new sign-in policy; not null
   */
  public void setSignInPolicy(Session actor, SignInPolicy policy) {
    policies.setSignInPolicy(actor, policy);
  }

  // ---------------------------------------------------------------- LDAP

  /** {@return the LDAP settings, if LDAP sign-in is set up} */
  public Optional<LdapSettings> findLdapSettings() {
    return ldap.findSettings();
  }

  /** {@return the LDAP group mappings} */
  public List<LdapGroupMapping> ldapGroups() {
    return ldap.groups();
  }

  /**
   * Sets the LDAP server (administrators only).
   *
   * @param actor an administrator's live session
   * @param settings the LDAP server, service account and search settings; not null
   */
  public void setLdapSettings(Session actor, LdapSettings settings) {
    ldap.setSettings(actor, settings);
  }

  /**
   * Replaces the LDAP group mappings (administrators only); members get the new roles and tags at
   * next sign-in. The tags of a group whose mapping is dropped are remembered: when the same group
   * DN (compared ignoring case) is mapped again as a video operator group without tags, it gets the
   * remembered tags back; mapped again with tags, those tags replace the remembered ones.
   *
   * @param actor an administrator's live session
   * @param groups every LDAP group mapping, replacing the current ones; not null
   */
  public void setLdapGroups(Session actor, List<LdapGroupMapping> groups) {
    ldap.setGroups(actor, groups);
  }

  /**
   * Sets the tags of the individual LDAP user {@code username} (administrators only); an empty set
   * clears them. At the next sign-in a video operator gets these tags together with their groups'
   * tags; an LDAP administrator gets none.
   *
   * @param actor an administrator's live session
   * @param username the LDAP user's sign-in name
   * @param tags the user's own tags; an empty set clears them
   * @throws UserException if a tag is blank, there are more than {@value LocalUser#MAX_TAGS}, or
   *     {@code username} is a local user (whose tags are set with {@link #updateLocalUser})
   */
  public void setLdapUserTags(Session actor, String username, Set<String> tags) {
    ldap.setUserTags(actor, username, tags);
  }

  /**
   * {@return the tags given to the individual LDAP user {@code username}, empty when none}
   *
   * @param username the LDAP user's sign-in name
   */
  public Set<String> ldapUserTags(String username) {
    return ldap.userTags(username);
  }

  /** {@return a directory for the configured LDAP server (to check groups and list members)} */
  public LdapDirectory ldapDirectory() {
    return ldap.directory();
  }

  // ---------------------------------------------------------------- sign-in and sessions

  /** {@return the message to show before sign-in ({@code ""} for none)} */
  public String preSignInMessage() {
    return policies.preSignInMessage();
  }

  /**
   * Signs a user in. Local users are tried first, then LDAP (when set up). With rate limiting on,
   * each failed attempt costs a token; with none left the attempt is refused with {@link
   * SignInException#TOO_MANY_ATTEMPTS}, even if the credentials are correct.
   *
   * @param username the sign-in name
   * @param password the password; never logged or kept
   * @return the new session, the post-sign-in message and the account activity to show
   * @throws SignInException with the reason
   */
  public SignInResult signIn(String username, String password) {
    return signIn.signIn(username, password);
  }

  /**
   * {@return the live session for {@code token} and records activity (resetting the idle timer)}
   *
   * @param token the session token {@link #signIn} returned
   * @throws SessionExpiredException if unknown, signed out, idle too long, or older than 24 hours
   */
  public Session session(String token) {
    return signIn.session(token);
  }

  /**
   * {@return the live session for {@code token} without recording activity}
   *
   * @param token the session token {@link #signIn} returned
   */
  public Optional<Session> findSession(String token) {
    return signIn.findSession(token);
  }

  /**
   * Ends the session; returns true if it was live.
   *
   * @param token the session token
   * @return true if the session was live and is now ended, false otherwise
   */
  public boolean signOut(String token) {
    return signIn.signOut(token);
  }

  // ---------------------------------------------------------------- backup support

  /** {@return a snapshot of everything this service stores (secrets included: protect it)} */
  public UserData exportData() {
    synchronized (state) {
      return state.data();
    }
  }

  /**
   * Replaces configuration (policies, LDAP server, groups, retained group tags and individual LDAP
   * users' tags) and/or database (local users and the
   * passphrase dictionary) with {@code restored}. When {@code actor} is a local user, their current
   * account is kept (added or updated) so they stay signed in. Administrators only.
   *
   * @param actor an administrator's live session
   * @param restored the user data from a backup
   * @param configuration true to replace the configuration parts
   * @param database true to replace the database parts
   */
  public void importData(Session actor, UserData restored, boolean configuration, boolean database) {
    Objects.requireNonNull(restored, "restored == null");
    if (!configuration && !database) {
      throw new IllegalArgumentException("Choose configuration, database or both to restore.");
    }
    synchronized (state) {
      Session me = state.requireAdmin(actor, "backup and restore");
      UserData next = state.data();
      if (configuration) {
        next = next.withPasswordPolicy(restored.passwordPolicy()).withSignInPolicy(restored.signInPolicy())
            .withLdapSettings(restored.ldapSettings())
            .withLdapGroups(restored.ldapGroups(), restored.retainedLdapGroupTags())
            .withLdapUserTags(restored.ldapUserTags());
      }
      if (database) {
        List<UserRecord> users = new ArrayList<>(restored.users());
        if (me.source() == UserSource.LOCAL) {
          UserRecord mine = state.record(me.username());
          users.removeIf(r -> r.user().username().equals(mine.user().username()));
          users.add(mine);
        }
        next = next.withUsers(users).withDictionary(restored.dictionary());
      }
      state.commit(next);
      signIn.resetRateLimits();
    }
  }

  /** Builds a {@link UserService}. */
  public static final class Builder {
    private Scheduler scheduler;
    private UserStore store = UserStore.inMemory();
    private AuditTrail audit;
    private SecureRandom random = new SecureRandom();
    private int iterations = PasswordHash.DEFAULT_ITERATIONS;

    private Builder() {}

    /**
     * Sets the scheduler whose clock times sessions and rate limits (required).
     *
     * @param scheduler the scheduler whose clock times sessions and rate limits (required)
     * @return this builder
     */
    public Builder scheduler(Scheduler scheduler) {
      this.scheduler = Objects.requireNonNull(scheduler, "scheduler == null");
      return this;
    }

    /**
     * Sets the store (default: in memory, lost on restart).
     *
     * @param store the store (default: in memory, lost on restart)
     * @return this builder
     */
    public Builder store(UserStore store) {
      this.store = Objects.requireNonNull(store, "store == null");
      return this;
    }

    /**
     * Sets the audit trail (default: an in-memory trail).
     *
     * @param audit the audit trail (default: an in-memory trail)
     * @return this builder
     */
    public Builder audit(AuditTrail audit) {
      this.audit = Objects.requireNonNull(audit, "audit == null");
      return this;
    }

    /**
     * Sets the randomness for salts, tokens and passphrases (default: a new SecureRandom).
     *
     * @param random the randomness for salts, tokens and passphrases (default: a new SecureRandom)
     * @return this builder
     */
    public Builder random(SecureRandom random) {
      this.random = Objects.requireNonNull(random, "random == null");
      return this;
    }

    /**
     * Sets the PBKDF2 iteration count for new hashes (default 600 000; at least 10 000).
     *
     * @param iterations the PBKDF2 iteration count for new hashes (default 600 000; at least 10
     *     000)
     * @return this builder
     */
    public Builder passwordIterations(int iterations) {
      if (iterations < PasswordHash.MIN_ITERATIONS) {
        throw new IllegalArgumentException("passwordIterations " + iterations + " is below " + PasswordHash.MIN_ITERATIONS);
      }
      this.iterations = iterations;
      return this;
    }

    /**
     * Builds the service, loading the store.
     *
     * @return the service
     */
    public UserService build() {
      if (scheduler == null) {
        throw new IllegalStateException("scheduler is required: use Scheduler.system() or cms-testkit's SimulatedClock in tests");
      }
      return new UserService(this);
    }
  }
}
