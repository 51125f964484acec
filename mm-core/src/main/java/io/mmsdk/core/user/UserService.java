package io.mmsdk.core.user;

import io.mmsdk.core.Registration;
import io.mmsdk.core.access.AccessControl;
import io.mmsdk.core.access.AccessDeniedException;
import io.mmsdk.core.access.Action;
import io.mmsdk.core.access.Decision;
import io.mmsdk.core.access.Resource;
import io.mmsdk.core.access.Role;
import io.mmsdk.core.audit.AuditTrail;
import io.mmsdk.common.time.Scheduler;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
  private static final Logger log = LoggerFactory.getLogger(UserService.class);
  private static final int PRUNE_THRESHOLD = 10_000;

  private final Scheduler scheduler;
  private final UserStore store;
  private final AuditTrail audit;
  private final SecureRandom random;
  private final int iterations;
  private final PasswordHash dummy;
  private final Map<String, Bucket> buckets = new HashMap<>();
  private final Map<String, SessionState> sessions = new HashMap<>();
  private final Map<String, Activity> activity = new HashMap<>();
  private final List<Consumer<String>> deletionListeners = new CopyOnWriteArrayList<>();
  private UserData data;

  private UserService(Builder b) {
    this.scheduler = b.scheduler;
    this.store = b.store;
    this.audit = b.audit != null ? b.audit : AuditTrail.inMemory(b.scheduler);
    this.random = b.random;
    this.iterations = b.iterations;
    this.data = store.load();
    // Compared against when the username is unknown, so both paths cost one hash.
    this.dummy = PasswordHash.create("unknown-user", iterations, random);
  }

  /** {@return a builder; {@link Builder#scheduler} is required} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return the audit trail this service records to} */
  public AuditTrail audit() {
    return audit;
  }

  // ---------------------------------------------------------------- local users

  /**
   * Creates the first local administrator (as installation does). Allowed only while there are no
   * local users; policies do not apply.
   */
  public synchronized LocalUser createInitialAdministrator(String username, String password) {
    Objects.requireNonNull(password, "password == null");
    if (!data.users().isEmpty()) {
      throw new UserException("Local users already exist; sign in as an administrator and use addLocalUser(...).");
    }
    requireNonEmpty(password);
    LocalUser u = LocalUser.of(username, Role.ADMINISTRATOR);
    commit(data.withUsers(List.of(new UserRecord(u, hash(password), List.of()))));
    audit.record("system", "user.create", u.username(), "initial administrator");
    return u;
  }

  /**
   * Adds a local user with an initial password set by the administrator (policies apply only when
   * users change their own password).
   *
   * @throws UserException if the username is taken
   * @throws AccessDeniedException if {@code actor} is not an administrator
   */
  public LocalUser addLocalUser(Session actor, LocalUser user, String password) {
    Objects.requireNonNull(user, "user == null");
    Objects.requireNonNull(password, "password == null");
    requireNonEmpty(password);
    PasswordHash h = hash(password);
    String who;
    synchronized (this) {
      who = requireAdmin(actor, "users").username();
      if (findRecord(user.username()).isPresent()) {
        throw new UserException("Username '" + user.username() + "' is already taken; usernames must be unique.");
      }
      List<UserRecord> next = new ArrayList<>(data.users());
      next.add(new UserRecord(user, h, List.of()));
      commit(data.withUsers(next));
    }
    audit.record(who, "user.create", user.username(), "role " + user.role() + ", tags " + user.tags());
    return user;
  }

  /**
   * Replaces a local user's names, role and tags; the username identifies the user and cannot
   * change. Sessions already open keep their role and tags until the next sign-in.
   */
  public LocalUser updateLocalUser(Session actor, LocalUser user) {
    Objects.requireNonNull(user, "user == null");
    LocalUser before;
    String who;
    synchronized (this) {
      who = requireAdmin(actor, "users").username();
      UserRecord r = record(user.username());
      before = r.user();
      replace(new UserRecord(user, r.password(), r.previousPasswords()));
    }
    audit.record(who, "user.update", user.username(),
        "role " + before.role() + " -> " + user.role() + ", tags " + before.tags() + " -> " + user.tags());
    return user;
  }

  /** Sets a local user's password as an administrator (policies do not apply). */
  public void setPassword(Session actor, String username, String newPassword) {
    Objects.requireNonNull(newPassword, "newPassword == null");
    requireNonEmpty(newPassword);
    PasswordHash h = hash(newPassword);
    String who;
    synchronized (this) {
      who = requireAdmin(actor, "users").username();
      UserRecord r = record(username);
      replace(new UserRecord(r.user(), h, prepend(r.password(), r.previousPasswords())));
    }
    audit.record(who, "user.password.set", username, "password set by administrator");
  }

  /**
   * Deletes a local user, ends their sessions, and tells deletion listeners (for example to reset
   * conference ownership). An administrator can never delete the local account they are signed in
   * with.
   */
  public void deleteLocalUser(Session actor, String username) {
    Objects.requireNonNull(username, "username == null");
    String who;
    synchronized (this) {
      Session me = requireAdmin(actor, "users");
      who = me.username();
      if (me.source() == UserSource.LOCAL && me.username().equals(username)) {
        throw new UserException("You can never delete the administrator account you are currently signed in with ('"
            + username + "'). Sign in as another administrator (local or LDAP) to delete it.");
      }
      record(username);
      List<UserRecord> next = new ArrayList<>(data.users());
      next.removeIf(r -> r.user().username().equals(username));
      commit(data.withUsers(next));
      sessions.values().removeIf(s -> s.session.source() == UserSource.LOCAL && s.session.username().equals(username));
    }
    audit.record(who, "user.delete", username, "");
    for (Consumer<String> l : deletionListeners) {
      try {
        l.accept(username);
      } catch (RuntimeException e) {
        log.warn("User deletion listener failed for {}", username, e);
      }
    }
  }

  /** {@return the local users in creation order} */
  public synchronized List<LocalUser> localUsers() {
    return data.users().stream().map(UserRecord::user).toList();
  }

  /** {@return the local user {@code username}} */
  public synchronized Optional<LocalUser> findLocalUser(String username) {
    return findRecord(username).map(UserRecord::user);
  }

  /** Calls {@code listener} with the username after each local user is deleted. */
  public Registration onUserDeleted(Consumer<String> listener) {
    Objects.requireNonNull(listener, "listener == null");
    deletionListeners.add(listener);
    return () -> deletionListeners.remove(listener);
  }

  // ---------------------------------------------------------------- own password and policies

  /**
   * Changes the signed-in local user's own password. The password policy applies here: minimum
   * length if enforced, and no reuse of the current or the remembered previous passwords if
   * restricted.
   *
   * @throws PasswordPolicyException with the rule broken (or a wrong current password)
   */
  public void changeOwnPassword(Session session, String currentPassword, String newPassword) {
    Objects.requireNonNull(currentPassword, "currentPassword == null");
    Objects.requireNonNull(newPassword, "newPassword == null");
    UserRecord r;
    PasswordPolicy policy;
    Session me;
    synchronized (this) {
      me = touch(session);
      if (me.source() != UserSource.LOCAL) {
        throw new UserException("LDAP users change their password in the directory, not here.");
      }
      r = record(me.username());
      policy = data.passwordPolicy();
    }
    if (!r.password().matches(currentPassword)) {
      throw new PasswordPolicyException(PasswordPolicyException.Rule.WRONG_CURRENT_PASSWORD,
          "The current password is wrong; enter your current password to change it.");
    }
    int length = newPassword.codePointCount(0, newPassword.length());
    if (policy.minimumLengthEnforced() && length < policy.minimumLength()) {
      throw new PasswordPolicyException(PasswordPolicyException.Rule.TOO_SHORT,
          "The new password has " + length + " characters; the policy requires at least " + policy.minimumLength() + ".");
    }
    requireNonEmpty(newPassword);
    if (policy.reuseRestricted()) {
      List<PasswordHash> recent = new ArrayList<>();
      recent.add(r.password());
      recent.addAll(r.previousPasswords().subList(0, Math.min(policy.rememberedPasswords(), r.previousPasswords().size())));
      for (PasswordHash h : recent) {
        if (h.matches(newPassword)) {
          throw new PasswordPolicyException(PasswordPolicyException.Rule.RECENTLY_USED,
              "The new password was used recently; the policy forbids reusing the current password or the last "
                  + policy.rememberedPasswords() + " before it. Choose another.");
        }
      }
    }
    PasswordHash h = hash(newPassword);
    synchronized (this) {
      UserRecord now = record(me.username());
      replace(new UserRecord(now.user(), h, prepend(now.password(), now.previousPasswords())));
    }
    audit.record(me.username(), "user.password.change", me.username(), "changed own password");
  }

  /** {@return a suggested passphrase when the generator is enabled and a dictionary is set} */
  public Optional<String> suggestPassphrase() {
    PasswordPolicy p;
    PassphraseDictionary d;
    synchronized (this) {
      p = data.passwordPolicy();
      d = data.dictionary();
    }
    if (!p.passphraseGenerator() || d == null) {
      return Optional.empty();
    }
    return Optional.of(d.generate(p.passphraseWords(), random));
  }

  /** {@return the password policy} */
  public synchronized PasswordPolicy passwordPolicy() {
    return data.passwordPolicy();
  }

  /** Replaces the password policy (administrators only). */
  public void setPasswordPolicy(Session actor, PasswordPolicy policy) {
    Objects.requireNonNull(policy, "policy == null");
    String who;
    synchronized (this) {
      who = requireAdmin(actor, "security policies").username();
      commit(data.withPasswordPolicy(policy));
    }
    audit.record(who, "policy.password", "local users", policy.toString());
  }

  /** Sets the passphrase dictionary (administrators only). */
  public void setPassphraseDictionary(Session actor, PassphraseDictionary dictionary) {
    Objects.requireNonNull(dictionary, "dictionary == null");
    String who;
    synchronized (this) {
      who = requireAdmin(actor, "security policies").username();
      commit(data.withDictionary(dictionary));
    }
    audit.record(who, "policy.dictionary", "passphrase dictionary", dictionary.words().size() + " words");
  }

  /** {@return the sign-in policy} */
  public synchronized SignInPolicy signInPolicy() {
    return data.signInPolicy();
  }

  /** Replaces the sign-in policy (administrators only); new limits apply to existing sessions too. */
  public void setSignInPolicy(Session actor, SignInPolicy policy) {
    Objects.requireNonNull(policy, "policy == null");
    String who;
    synchronized (this) {
      who = requireAdmin(actor, "advanced security").username();
      commit(data.withSignInPolicy(policy));
      buckets.clear();
    }
    audit.record(who, "policy.signin", "sign-in", policy.toString());
  }

  // ---------------------------------------------------------------- LDAP

  /** {@return the LDAP settings, if LDAP sign-in is set up} */
  public synchronized Optional<LdapSettings> findLdapSettings() {
    return data.findLdapSettings();
  }

  /** {@return the LDAP group mappings} */
  public synchronized List<LdapGroupMapping> ldapGroups() {
    return data.ldapGroups();
  }

  /** Sets the LDAP server (administrators only). */
  public void setLdapSettings(Session actor, LdapSettings settings) {
    Objects.requireNonNull(settings, "settings == null");
    String who;
    synchronized (this) {
      who = requireAdmin(actor, "LDAP").username();
      commit(data.withLdapSettings(settings));
    }
    audit.record(who, "ldap.server", settings.host() + ":" + settings.port(), "LDAP server set");
  }

  /**
   * Replaces the LDAP group mappings (administrators only); members get the new roles and tags at
   * next sign-in. The tags of a group whose mapping is dropped are remembered: when the same group
   * DN (compared ignoring case) is mapped again as a video operator group without tags, it gets the
   * remembered tags back; mapped again with tags, those tags replace the remembered ones.
   */
  public void setLdapGroups(Session actor, List<LdapGroupMapping> groups) {
    Objects.requireNonNull(groups, "groups == null");
    String who;
    List<String> restored = new ArrayList<>();
    synchronized (this) {
      who = requireAdmin(actor, "LDAP").username();
      Set<String> kept = new HashSet<>();
      groups.forEach(g -> kept.add(UserData.groupKey(g.groupDn())));
      Map<String, Set<String>> retained = new HashMap<>(data.retainedLdapGroupTags());
      for (LdapGroupMapping old : data.ldapGroups()) {
        String key = UserData.groupKey(old.groupDn());
        if (!kept.contains(key) && !old.tags().isEmpty()) {
          retained.put(key, old.tags());
        }
      }
      List<LdapGroupMapping> next = new ArrayList<>(groups.size());
      for (LdapGroupMapping g : groups) {
        String key = UserData.groupKey(g.groupDn());
        Set<String> remembered = retained.get(key);
        if (remembered != null && g.tags().isEmpty() && g.role() == Role.VIDEO_OPERATOR) {
          g = new LdapGroupMapping(g.groupDn(), g.role(), remembered);
          restored.add(g.groupDn());
        }
        if (!g.tags().isEmpty()) {
          retained.remove(key);
        }
        next.add(g);
      }
      commit(data.withLdapGroups(next, retained));
    }
    audit.record(who, "ldap.groups", "LDAP groups", groups.size() + " group mapping(s)"
        + (restored.isEmpty() ? "" : ", retained tags given back to " + restored));
  }

  /**
   * Sets the tags of the individual LDAP user {@code username} (administrators only); an empty set
   * clears them. At the next sign-in a video operator gets these tags together with their groups'
   * tags; an LDAP administrator gets none.
   *
   * @throws UserException if a tag is blank, there are more than {@value LocalUser#MAX_TAGS}, or
   *     {@code username} is a local user (whose tags are set with {@link #updateLocalUser})
   */
  public void setLdapUserTags(Session actor, String username, Set<String> tags) {
    LocalUser.checkUsername(username);
    Set<String> checked = LocalUser.checkTags(username, Role.VIDEO_OPERATOR, tags);
    String who;
    Set<String> before;
    synchronized (this) {
      who = requireAdmin(actor, "users").username();
      if (findRecord(username).isPresent()) {
        throw new UserException("'" + username + "' is a local user, who signs in before LDAP is tried; set a local user's"
            + " tags with updateLocalUser(...), and use different usernames for local and LDAP users so tags are not"
            + " assigned to the wrong one.");
      }
      before = ldapUserTags(username);
      Map<String, Set<String>> next = new HashMap<>(data.ldapUserTags());
      next.put(username, checked);
      commit(data.withLdapUserTags(next));
    }
    audit.record(who, "user.ldap.tags", username, "tags " + before + " -> " + checked);
  }

  /** {@return the tags given to the individual LDAP user {@code username}, empty when none} */
  public synchronized Set<String> ldapUserTags(String username) {
    Objects.requireNonNull(username, "username == null");
    return data.ldapUserTags().getOrDefault(username, Set.of());
  }

  /** {@return a directory for the configured LDAP server (to check groups and list members)} */
  public LdapDirectory ldapDirectory() {
    LdapSettings s = findLdapSettings().orElseThrow(() ->
        new UserException("LDAP is not set up; call setLdapSettings(...) first."));
    return LdapDirectory.create(s);
  }

  // ---------------------------------------------------------------- sign-in and sessions

  /** {@return the message to show before sign-in ({@code ""} for none)} */
  public synchronized String preSignInMessage() {
    return data.signInPolicy().preSignInMessage();
  }

  /**
   * Signs a user in. Local users are tried first, then LDAP (when set up). With rate limiting on,
   * each failed attempt costs a token; with none left the attempt is refused with {@link
   * SignInException#TOO_MANY_ATTEMPTS}, even if the credentials are correct.
   *
   * @throws SignInException with the reason
   */
  public SignInResult signIn(String username, String password) {
    Objects.requireNonNull(username, "username == null");
    Objects.requireNonNull(password, "password == null");
    Instant now = scheduler.now();
    SignInPolicy policy;
    UserRecord local;
    LdapSettings ldap;
    List<LdapGroupMapping> groups;
    Set<String> individual;
    synchronized (this) {
      policy = data.signInPolicy();
      prune(policy, now);
      if (policy.rateLimited()) {
        // Take the token before the slow password check, so concurrent attempts cannot all pass
        // the check first; it is given back if the attempt does not count as a failure.
        Bucket b = bucket(username, policy, now);
        if (b.tokens <= 0) {
          audit.record(username, "signin.refused", username, "rate limited");
          throw new SignInException(SignInException.Reason.RATE_LIMITED, SignInException.TOO_MANY_ATTEMPTS);
        }
        b.tokens--;
      }
      local = findRecord(username).orElse(null);
      ldap = data.ldapSettings();
      groups = data.ldapGroups();
      individual = data.ldapUserTags().getOrDefault(username, Set.of());
    }
    Role role;
    Set<String> tags;
    UserSource source;
    try {
      if (local != null || ldap == null) {
        boolean ok = (local != null ? local.password() : dummy).matches(password) && local != null;
        if (!ok) {
          throw new SignInException(SignInException.Reason.INVALID_CREDENTIALS, "Invalid username or password");
        }
        role = local.user().role();
        tags = local.user().tags();
        source = UserSource.LOCAL;
      } else {
        LdapIdentity id = LdapDirectory.create(ldap).authenticate(username, password, groups);
        role = id.role();
        tags = role == Role.ADMINISTRATOR ? Set.of() : union(id.tags(), individual);
        source = UserSource.LDAP;
      }
    } catch (SignInException e) {
      if (e.reason() == SignInException.Reason.DIRECTORY_UNAVAILABLE) {
        refund(username, policy, now);
      } else {
        synchronized (this) {
          Activity a = activity.computeIfAbsent(username, k -> new Activity());
          a.failures++;
          a.lastFailure = now;
        }
      }
      audit.record(username, "signin.failure", username, e.reason().toString());
      throw e;
    }
    byte[] t = new byte[32];
    random.nextBytes(t);
    Session session = new Session(Base64.getUrlEncoder().withoutPadding().encodeToString(t), username, role, tags, source, now);
    refund(username, policy, now);
    AccountActivity seen;
    synchronized (this) {
      sessions.put(session.token(), new SessionState(session, now));
      Activity a = activity.computeIfAbsent(username, k -> new Activity());
      seen = new AccountActivity(a.lastSignIn, a.failures, a.lastFailure);
      a.lastSignIn = now;
      a.failures = 0;
      a.lastFailure = null;
    }
    audit.record(username, "signin.success", username, source + " " + role);
    return new SignInResult(session, policy.postSignInMessage(), seen, policy.showAccountActivity());
  }

  /**
   * {@return the live session for {@code token} and records activity (resetting the idle timer)}
   *
   * @throws SessionExpiredException if unknown, signed out, idle too long, or older than 24 hours
   */
  public synchronized Session session(String token) {
    Objects.requireNonNull(token, "token == null");
    SessionState s = live(token);
    s.lastActivity = scheduler.now();
    return s.session;
  }

  /** {@return the live session for {@code token} without recording activity} */
  public synchronized Optional<Session> findSession(String token) {
    Objects.requireNonNull(token, "token == null");
    try {
      return Optional.of(live(token).session);
    } catch (SessionExpiredException e) {
      return Optional.empty();
    }
  }

  /** Ends the session; returns true if it was live. */
  public boolean signOut(String token) {
    Objects.requireNonNull(token, "token == null");
    SessionState s;
    synchronized (this) {
      s = sessions.remove(token);
    }
    if (s != null) {
      audit.record(s.session.username(), "signout", s.session.username(), "");
    }
    return s != null;
  }

  // ---------------------------------------------------------------- backup support

  /** {@return a snapshot of everything this service stores (secrets included: protect it)} */
  public synchronized UserData exportData() {
    return data;
  }

  /**
   * Replaces configuration (policies, LDAP server, groups, retained group tags and individual LDAP
   * users' tags) and/or database (local users and the
   * passphrase dictionary) with {@code restored}. When {@code actor} is a local user, their current
   * account is kept (added or updated) so they stay signed in. Administrators only.
   */
  public void importData(Session actor, UserData restored, boolean configuration, boolean database) {
    Objects.requireNonNull(restored, "restored == null");
    if (!configuration && !database) {
      throw new IllegalArgumentException("Choose configuration, database or both to restore.");
    }
    synchronized (this) {
      Session me = requireAdmin(actor, "backup and restore");
      UserData next = data;
      if (configuration) {
        next = next.withPasswordPolicy(restored.passwordPolicy()).withSignInPolicy(restored.signInPolicy())
            .withLdapSettings(restored.ldapSettings())
            .withLdapGroups(restored.ldapGroups(), restored.retainedLdapGroupTags())
            .withLdapUserTags(restored.ldapUserTags());
      }
      if (database) {
        List<UserRecord> users = new ArrayList<>(restored.users());
        if (me.source() == UserSource.LOCAL) {
          UserRecord mine = record(me.username());
          users.removeIf(r -> r.user().username().equals(mine.user().username()));
          users.add(mine);
        }
        next = next.withUsers(users).withDictionary(restored.dictionary());
      }
      commit(next);
      buckets.clear();
    }
  }

  // ---------------------------------------------------------------- internals

  /**
   * Returns the stored session for the caller's token (never the caller's copy, so a forged role or
   * username in a {@code Session} value has no effect) after checking it may administer.
   */
  private Session requireAdmin(Session actor, String area) {
    Session live = touch(actor);
    Decision d = AccessControl.decide(live.principal(), Action.ADMINISTER, new Resource.Administration(area));
    if (d.denied()) {
      throw new AccessDeniedException(d);
    }
    return live;
  }

  private Session touch(Session actor) {
    Objects.requireNonNull(actor, "actor == null");
    SessionState s = live(actor.token());
    s.lastActivity = scheduler.now();
    return s.session;
  }

  private SessionState live(String token) {
    SessionState s = sessions.get(token);
    if (s == null) {
      throw new SessionExpiredException("The session is unknown or signed out; sign in again.");
    }
    Instant now = scheduler.now();
    if (!now.isBefore(s.session.signedInAt().plus(SignInPolicy.ABSOLUTE_TIMEOUT))) {
      sessions.remove(token);
      throw new SessionExpiredException("The session reached the 24-hour limit; sign in again.");
    }
    SignInPolicy p = data.signInPolicy();
    if (p.idleTimeoutEnabled() && !now.isBefore(s.lastActivity.plus(p.idleTimeout()))) {
      sessions.remove(token);
      throw new SessionExpiredException(
          "The session was idle for " + Duration.between(s.lastActivity, now).toSeconds() + " s (limit "
              + p.idleTimeout().toSeconds() + " s); sign in again.");
    }
    return s;
  }

  /** Drops expired sessions and, past a size bound, full buckets and never-signed-in activity. */
  private void prune(SignInPolicy p, Instant now) {
    sessions.values().removeIf(s -> !now.isBefore(s.session.signedInAt().plus(SignInPolicy.ABSOLUTE_TIMEOUT))
        || (p.idleTimeoutEnabled() && !now.isBefore(s.lastActivity.plus(p.idleTimeout()))));
    if (buckets.size() > PRUNE_THRESHOLD) {
      buckets.values().removeIf(b -> {
        b.refill(p, now);
        return b.tokens >= p.tokens();
      });
    }
    if (activity.size() > PRUNE_THRESHOLD) {
      activity.values().removeIf(a -> a.lastSignIn == null);
    }
  }

  /** Returns the token taken for an attempt that did not fail (success, directory unavailable). */
  private synchronized void refund(String username, SignInPolicy policy, Instant now) {
    if (policy.rateLimited()) {
      Bucket b = bucket(username, policy, now);
      b.tokens = Math.min(policy.tokens(), b.tokens + 1);
    }
  }

  private Bucket bucket(String username, SignInPolicy policy, Instant now) {
    Bucket b = buckets.computeIfAbsent(username, k -> new Bucket(policy.tokens(), now));
    b.refill(policy, now);
    return b;
  }

  private PasswordHash hash(String password) {
    return PasswordHash.create(password, iterations, random);
  }

  private static void requireNonEmpty(String password) {
    if (password.isEmpty()) {
      throw new UserException("The password is empty; choose a password.");
    }
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> out = new TreeSet<>(a);
    out.addAll(b);
    return out;
  }

  private static List<PasswordHash> prepend(PasswordHash h, List<PasswordHash> previous) {
    List<PasswordHash> out = new ArrayList<>();
    out.add(h);
    out.addAll(previous);
    return out.subList(0, Math.min(out.size(), PasswordPolicy.MAX_REMEMBERED));
  }

  private Optional<UserRecord> findRecord(String username) {
    Objects.requireNonNull(username, "username == null");
    return data.users().stream().filter(r -> r.user().username().equals(username)).findFirst();
  }

  private UserRecord record(String username) {
    return findRecord(username).orElseThrow(() ->
        new UserException("No local user '" + username + "'; list localUsers() to see who exists."));
  }

  private void replace(UserRecord r) {
    List<UserRecord> next = new ArrayList<>(data.users());
    next.replaceAll(x -> x.user().username().equals(r.user().username()) ? r : x);
    commit(data.withUsers(next));
  }

  private void commit(UserData next) {
    store.save(next);
    data = next;
  }

  /** Token bucket: failed attempts take a token; one returns at the end of each full interval. */
  private static final class Bucket {
    int tokens;
    Instant since;

    Bucket(int tokens, Instant now) {
      this.tokens = tokens;
      this.since = now;
    }

    void refill(SignInPolicy p, Instant now) {
      if (tokens >= p.tokens()) {
        tokens = p.tokens();
        since = now;
        return;
      }
      long intervals = Duration.between(since, now).dividedBy(p.refill());
      if (intervals > 0) {
        tokens = (int) Math.min(p.tokens(), tokens + intervals);
        since = tokens >= p.tokens() ? now : since.plus(p.refill().multipliedBy(intervals));
      }
    }
  }

  private static final class SessionState {
    final Session session;
    Instant lastActivity;

    SessionState(Session session, Instant lastActivity) {
      this.session = session;
      this.lastActivity = lastActivity;
    }
  }

  private static final class Activity {
    Instant lastSignIn;
    int failures;
    Instant lastFailure;
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
     * @param iterations the PBKDF2 iteration count for new hashes (default 600 000; at least 10 000)
     * @return this builder
     */
    public Builder passwordIterations(int iterations) {
      if (iterations < PasswordHash.MIN_ITERATIONS) {
        throw new IllegalArgumentException("passwordIterations " + iterations + " is below " + PasswordHash.MIN_ITERATIONS);
      }
      this.iterations = iterations;
      return this;
    }

    /** Builds the service, loading the store. */
    public UserService build() {
      if (scheduler == null) {
        throw new IllegalStateException("scheduler is required: use Scheduler.system() or cms-testkit's SimulatedClock in tests");
      }
      return new UserService(this);
    }
  }
}
