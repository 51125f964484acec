package io.mmsdk.admin.user;

import io.mmsdk.admin.access.Role;
import io.mmsdk.admin.user.UserState.Change;
import io.mmsdk.common.listen.Listeners;
import io.mmsdk.common.listen.Registration;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@link UserService}'s local users: accounts, their passwords and password history. */
final class LocalUsers {
  private static final Logger log = LoggerFactory.getLogger(UserService.class);

  private final UserState state;
  private final SecureRandom random;
  private final int iterations;
  private final Listeners<Consumer<String>> deletionListeners =
      new Listeners<>("User deletion", log);

  LocalUsers(UserState state, SecureRandom random, int iterations) {
    this.state = state;
    this.random = random;
    this.iterations = iterations;
  }

  LocalUser createInitialAdministrator(String username, String password) {
    Objects.requireNonNull(password, "password == null");
    synchronized (state) {
      if (!state.data().users().isEmpty()) {
        throw new UserException("Local users already exist; sign in as an administrator and use addLocalUser(...).");
      }
      requireNonEmpty(password);
      LocalUser u = LocalUser.of(username, Role.ADMINISTRATOR);
      state.commit(state.data().withUsers(List.of(new UserRecord(u, hash(password), List.of()))));
      state.audit.record("system", "user.create", u.username(), "initial administrator");
      return u;
    }
  }

  LocalUser add(Session actor, LocalUser user, String password) {
    Objects.requireNonNull(user, "user == null");
    Objects.requireNonNull(password, "password == null");
    requireNonEmpty(password);
    PasswordHash h = hash(password);
    state.change(actor, "users", "user.create", admin -> {
      if (state.findRecord(user.username()).isPresent()) {
        throw new UserException("Username '" + user.username() + "' is already taken; usernames must be unique.");
      }
      List<UserRecord> next = new ArrayList<>(state.data().users());
      next.add(new UserRecord(user, h, List.of()));
      return new Change(state.data().withUsers(next), user.username(),
          "role " + user.role() + ", tags " + user.tags());
    });
    return user;
  }

  LocalUser update(Session actor, LocalUser user) {
    Objects.requireNonNull(user, "user == null");
    state.change(actor, "users", "user.update", admin -> {
      UserRecord r = state.record(user.username());
      LocalUser before = r.user();
      return new Change(state.replacing(new UserRecord(user, r.password(), r.previousPasswords())),
          user.username(),
          "role " + before.role() + " -> " + user.role() + ", tags " + before.tags() + " -> " + user.tags());
    });
    return user;
  }

  void setPassword(Session actor, String username, String newPassword) {
    Objects.requireNonNull(newPassword, "newPassword == null");
    requireNonEmpty(newPassword);
    PasswordHash h = hash(newPassword);
    state.change(actor, "users", "user.password.set", admin -> {
      UserRecord r = state.record(username);
      return new Change(state.replacing(new UserRecord(r.user(), h, prepend(r.password(), r.previousPasswords()))),
          username, "password set by administrator");
    });
  }

  void delete(Session actor, String username) {
    Objects.requireNonNull(username, "username == null");
    state.change(actor, "users", "user.delete", me -> {
      if (me.source() == UserSource.LOCAL && me.username().equals(username)) {
        throw new UserException("You can never delete the administrator account you are currently signed in with ('"
            + username + "'). Sign in as another administrator (local or LDAP) to delete it.");
      }
      state.record(username);
      List<UserRecord> next = new ArrayList<>(state.data().users());
      next.removeIf(r -> r.user().username().equals(username));
      return new Change(state.data().withUsers(next), username, "",
          () -> state.closeAll(s -> s.source() == UserSource.LOCAL && s.username().equals(username)));
    });
    deletionListeners.callEach(l -> l.accept(username), "the deletion of " + username);
  }

  List<LocalUser> list() {
    synchronized (state) {
      return state.data().users().stream().map(UserRecord::user).toList();
    }
  }

  Optional<LocalUser> find(String username) {
    synchronized (state) {
      return state.findRecord(username).map(UserRecord::user);
    }
  }

  Registration onDeleted(Consumer<String> listener) {
    return deletionListeners.add(listener);
  }

  void changeOwnPassword(Session session, String currentPassword, String newPassword) {
    Objects.requireNonNull(currentPassword, "currentPassword == null");
    Objects.requireNonNull(newPassword, "newPassword == null");
    UserRecord r;
    PasswordPolicy policy;
    Session me;
    synchronized (state) {
      me = state.touch(session);
      if (me.source() != UserSource.LOCAL) {
        throw new UserException("LDAP users change their password in the directory, not here.");
      }
      r = state.record(me.username());
      policy = state.data().passwordPolicy();
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
    synchronized (state) {
      UserRecord now = state.record(me.username());
      state.commit(state.replacing(new UserRecord(now.user(), h, prepend(now.password(), now.previousPasswords()))));
    }
    state.audit.record(me.username(), "user.password.change", me.username(), "changed own password");
  }

  private PasswordHash hash(String password) {
    return PasswordHash.create(password, iterations, random);
  }

  private static void requireNonEmpty(String password) {
    if (password.isEmpty()) {
      throw new UserException("The password is empty; choose a password.");
    }
  }

  private static List<PasswordHash> prepend(PasswordHash h, List<PasswordHash> previous) {
    List<PasswordHash> out = new ArrayList<>();
    out.add(h);
    out.addAll(previous);
    return out.subList(0, Math.min(out.size(), PasswordPolicy.MAX_REMEMBERED));
  }
}
