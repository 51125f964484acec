package io.mmsdk.admin.user;

import io.mmsdk.admin.access.AccessControl;
import io.mmsdk.admin.access.AccessDeniedException;
import io.mmsdk.admin.access.Action;
import io.mmsdk.admin.access.Decision;
import io.mmsdk.admin.access.Resource;
import io.mmsdk.admin.audit.AuditTrail;
import io.mmsdk.common.time.Scheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * What {@link UserService}'s parts share: the stored {@link UserData}, the live sessions, and the
 * one monitor (this object) that guards both, together with the rate limits and account activity
 * in {@link SignIn}. Every administrative change goes through {@link #change}: check the actor,
 * change and save under the lock, then audit outside it.
 */
final class UserState {
  final Scheduler scheduler;
  final AuditTrail audit;
  private final UserStore store;
  private final Map<String, SessionState> sessions = new HashMap<>();
  private UserData data;

  UserState(Scheduler scheduler, UserStore store, AuditTrail audit) {
    this.scheduler = scheduler;
    this.store = store;
    this.audit = audit;
    this.data = store.load();
  }

  /**
   * What an administrative change saves ({@code next}), what to do once it is saved, still under
   * the lock ({@code then}), and what the audit trail says about it.
   */
  record Change(UserData next, String target, String detail, Runnable then) {
    Change(UserData next, String target, String detail) {
      this(next, target, detail, () -> { });
    }
  }

  /**
   * Checks that {@code actor} may administer {@code area}, then under the lock computes the change
   * from the live admin session and saves it, then records {@code action} in the audit trail.
   *
   * @return the admin's live session
   * @throws AccessDeniedException if {@code actor} is not an administrator
   * @throws SessionExpiredException if {@code actor}'s session is not live
   */
  Session change(Session actor, String area, String action, Function<Session, Change> edit) {
    Session admin;
    Change c;
    synchronized (this) {
      admin = requireAdmin(actor, area);
      c = edit.apply(admin);
      commit(c.next());
      c.then().run();
    }
    audit.record(admin.username(), action, c.target(), c.detail());
    return admin;
  }

  /** The stored data; callers hold the lock. */
  UserData data() {
    return data;
  }

  /** Saves {@code next} and makes it current; callers hold the lock. */
  void commit(UserData next) {
    store.save(next);
    data = next;
  }

  Optional<UserRecord> findRecord(String username) {
    Objects.requireNonNull(username, "username == null");
    return data.users().stream().filter(r -> r.user().username().equals(username)).findFirst();
  }

  UserRecord record(String username) {
    return findRecord(username).orElseThrow(() ->
        new UserException("No local user '" + username + "'; list localUsers() to see who exists."));
  }

  /** Returns the data with {@code r} in place of the record of the same username. */
  UserData replacing(UserRecord r) {
    List<UserRecord> next = new ArrayList<>(data.users());
    next.replaceAll(x -> x.user().username().equals(r.user().username()) ? r : x);
    return data.withUsers(next);
  }

  /**
   * Returns the stored session for the caller's token (never the caller's copy, so a forged role or
   * username in a {@code Session} value has no effect) after checking it may administer; callers
   * hold the lock.
   */
  Session requireAdmin(Session actor, String area) {
    Session live = touch(actor);
    Decision d = AccessControl.decide(live.principal(), Action.ADMINISTER, new Resource.Administration(area));
    if (d.denied()) {
      throw new AccessDeniedException(d);
    }
    return live;
  }

  /** Returns {@code actor}'s live session, recording activity; callers hold the lock. */
  Session touch(Session actor) {
    Objects.requireNonNull(actor, "actor == null");
    SessionState s = live(actor.token());
    s.lastActivity = scheduler.now();
    return s.session;
  }

  /** Returns the live session state for {@code token}; callers hold the lock. */
  SessionState live(String token) {
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

  /** Starts {@code session}; callers hold the lock. */
  void open(Session session, Instant now) {
    sessions.put(session.token(), new SessionState(session, now));
  }

  /** Ends the session for {@code token}, returning it if there was one; callers hold the lock. */
  SessionState close(String token) {
    return sessions.remove(token);
  }

  /** Ends every session {@code which} matches; callers hold the lock. */
  void closeAll(Predicate<Session> which) {
    sessions.values().removeIf(s -> which.test(s.session));
  }

  /** Drops expired sessions; callers hold the lock. */
  void pruneSessions(SignInPolicy p, Instant now) {
    sessions.values().removeIf(s -> !now.isBefore(s.session.signedInAt().plus(SignInPolicy.ABSOLUTE_TIMEOUT))
        || (p.idleTimeoutEnabled() && !now.isBefore(s.lastActivity.plus(p.idleTimeout()))));
  }

  static final class SessionState {
    final Session session;
    Instant lastActivity;

    SessionState(Session session, Instant lastActivity) {
      this.session = session;
      this.lastActivity = lastActivity;
    }
  }
}
