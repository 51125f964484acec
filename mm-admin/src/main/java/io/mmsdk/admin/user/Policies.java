package io.mmsdk.admin.user;

import io.mmsdk.admin.user.UserState.Change;
import java.security.SecureRandom;
import java.util.Objects;
import java.util.Optional;

/** {@link UserService}'s policies: passwords, the passphrase dictionary, and sign-in. */
final class Policies {
  private final UserState state;
  private final SignIn signIn;
  private final SecureRandom random;

  Policies(UserState state, SignIn signIn, SecureRandom random) {
    this.state = state;
    this.signIn = signIn;
    this.random = random;
  }

  Optional<String> suggestPassphrase() {
    PasswordPolicy p;
    PassphraseDictionary d;
    synchronized (state) {
      p = state.data().passwordPolicy();
      d = state.data().dictionary();
    }
    if (!p.passphraseGenerator() || d == null) {
      return Optional.empty();
    }
    return Optional.of(d.generate(p.passphraseWords(), random));
  }

  PasswordPolicy passwordPolicy() {
    synchronized (state) {
      return state.data().passwordPolicy();
    }
  }

  void setPasswordPolicy(Session actor, PasswordPolicy policy) {
    Objects.requireNonNull(policy, "policy == null");
    state.change(actor, "security policies", "policy.password", admin ->
        new Change(state.data().withPasswordPolicy(policy), "local users", policy.toString()));
  }

  void setPassphraseDictionary(Session actor, PassphraseDictionary dictionary) {
    Objects.requireNonNull(dictionary, "dictionary == null");
    state.change(actor, "security policies", "policy.dictionary", admin ->
        new Change(state.data().withDictionary(dictionary), "passphrase dictionary",
            dictionary.words().size() + " words"));
  }

  SignInPolicy signInPolicy() {
    synchronized (state) {
      return state.data().signInPolicy();
    }
  }

  void setSignInPolicy(Session actor, SignInPolicy policy) {
    Objects.requireNonNull(policy, "policy == null");
    state.change(actor, "advanced security", "policy.signin", admin ->
        new Change(state.data().withSignInPolicy(policy), "sign-in", policy.toString(), signIn::resetRateLimits));
  }

  String preSignInMessage() {
    synchronized (state) {
      return state.data().signInPolicy().preSignInMessage();
    }
  }
}
