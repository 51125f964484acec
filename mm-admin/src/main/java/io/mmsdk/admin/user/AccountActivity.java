package io.mmsdk.admin.user;

import java.time.Instant;
import java.util.Optional;

/**
 * What happened to an account before this sign-in, to show after sign-in.
 *
 * @param previousSignIn the previous successful sign-in, or null if this is the first
 * @param failedAttemptsSincePrevious failed sign-in attempts since the previous successful one
 * @param lastFailedAttempt the most recent failed attempt, or null
 */
public record AccountActivity(Instant previousSignIn, int failedAttemptsSincePrevious, Instant lastFailedAttempt) {
  /** {@return the previous successful sign-in, if any} */
  public Optional<Instant> findPreviousSignIn() {
    return Optional.ofNullable(previousSignIn);
  }

  /** {@return the most recent failed attempt, if any} */
  public Optional<Instant> findLastFailedAttempt() {
    return Optional.ofNullable(lastFailedAttempt);
  }
}
