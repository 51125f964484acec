package io.mmsdk.admin.user;

import io.mmsdk.admin.access.Role;
import io.mmsdk.admin.user.UserState.SessionState;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * {@link UserService}'s sign-in: local passwords first, then LDAP; a token bucket per username;
 * account activity; the sessions it opens. The buckets and activity are guarded by the {@link
 * UserState} monitor, like the sessions.
 */
final class SignIn {
  private static final int PRUNE_THRESHOLD = 10_000;

  private final UserState state;
  private final LdapUsers ldap;
  private final SecureRandom random;
  /** Compared against when the username is unknown, so both paths cost one hash. */
  private final PasswordHash dummy;
  private final Map<String, Bucket> buckets = new HashMap<>();
  private final Map<String, Activity> activity = new HashMap<>();

  SignIn(UserState state, LdapUsers ldap, SecureRandom random, int iterations) {
    this.state = state;
    this.ldap = ldap;
    this.random = random;
    this.dummy = PasswordHash.create("unknown-user", iterations, random);
  }

  SignInResult signIn(String username, String password) {
    Objects.requireNonNull(username, "username == null");
    Objects.requireNonNull(password, "password == null");
    Instant now = state.scheduler.now();
    SignInPolicy policy;
    UserRecord local;
    LdapSettings ldapSettings;
    List<LdapGroupMapping> groups;
    Set<String> individual;
    synchronized (state) {
      UserData data = state.data();
      policy = data.signInPolicy();
      prune(policy, now);
      if (policy.rateLimited()) {
        // Take the token before the slow password check, so concurrent attempts cannot all pass
        // the check first; it is given back if the attempt does not count as a failure.
        Bucket b = bucket(username, policy, now);
        if (b.tokens <= 0) {
          state.audit.record(username, "signin.refused", username, "rate limited");
          throw new SignInException(SignInException.Reason.RATE_LIMITED, SignInException.TOO_MANY_ATTEMPTS);
        }
        b.tokens--;
      }
      local = state.findRecord(username).orElse(null);
      ldapSettings = data.ldapSettings();
      groups = data.ldapGroups();
      individual = data.ldapUserTags().getOrDefault(username, Set.of());
    }
    Role role;
    Set<String> tags;
    UserSource source;
    try {
      if (local != null || ldapSettings == null) {
        boolean ok = (local != null ? local.password() : dummy).matches(password) && local != null;
        if (!ok) {
          throw new SignInException(SignInException.Reason.INVALID_CREDENTIALS, "Invalid username or password");
        }
        role = local.user().role();
        tags = local.user().tags();
        source = UserSource.LOCAL;
      } else {
        LdapIdentity id = ldap.authenticate(ldapSettings, groups, username, password);
        role = id.role();
        tags = LdapUsers.signInTags(id, individual);
        source = UserSource.LDAP;
      }
    } catch (SignInException e) {
      if (e.reason() == SignInException.Reason.DIRECTORY_UNAVAILABLE) {
        refund(username, policy, now);
      } else {
        synchronized (state) {
          Activity a = activity.computeIfAbsent(username, k -> new Activity());
          a.failures++;
          a.lastFailure = now;
        }
      }
      state.audit.record(username, "signin.failure", username, e.reason().toString());
      throw e;
    }
    byte[] t = new byte[32];
    random.nextBytes(t);
    Session session = new Session(Base64.getUrlEncoder().withoutPadding().encodeToString(t), username, role, tags, source, now);
    refund(username, policy, now);
    AccountActivity seen;
    synchronized (state) {
      state.open(session, now);
      Activity a = activity.computeIfAbsent(username, k -> new Activity());
      seen = new AccountActivity(a.lastSignIn, a.failures, a.lastFailure);
      a.lastSignIn = now;
      a.failures = 0;
      a.lastFailure = null;
    }
    state.audit.record(username, "signin.success", username, source + " " + role);
    return new SignInResult(session, policy.postSignInMessage(), seen, policy.showAccountActivity());
  }

  Session session(String token) {
    Objects.requireNonNull(token, "token == null");
    synchronized (state) {
      SessionState s = state.live(token);
      s.lastActivity = state.scheduler.now();
      return s.session;
    }
  }

  Optional<Session> findSession(String token) {
    Objects.requireNonNull(token, "token == null");
    synchronized (state) {
      try {
        return Optional.of(state.live(token).session);
      } catch (SessionExpiredException e) {
        return Optional.empty();
      }
    }
  }

  boolean signOut(String token) {
    Objects.requireNonNull(token, "token == null");
    SessionState s;
    synchronized (state) {
      s = state.close(token);
    }
    if (s != null) {
      state.audit.record(s.session.username(), "signout", s.session.username(), "");
    }
    return s != null;
  }

  /** Forgets every bucket, so that a new sign-in policy applies to everyone at once; callers hold the lock. */
  void resetRateLimits() {
    buckets.clear();
  }

  /** Drops expired sessions and, past a size bound, full buckets and never-signed-in activity. */
  private void prune(SignInPolicy p, Instant now) {
    state.pruneSessions(p, now);
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
  private void refund(String username, SignInPolicy policy, Instant now) {
    synchronized (state) {
      if (policy.rateLimited()) {
        Bucket b = bucket(username, policy, now);
        b.tokens = Math.min(policy.tokens(), b.tokens + 1);
      }
    }
  }

  private Bucket bucket(String username, SignInPolicy policy, Instant now) {
    Bucket b = buckets.computeIfAbsent(username, k -> new Bucket(policy.tokens(), now));
    b.refill(policy, now);
    return b;
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

  private static final class Activity {
    Instant lastSignIn;
    int failures;
    Instant lastFailure;
  }
}
