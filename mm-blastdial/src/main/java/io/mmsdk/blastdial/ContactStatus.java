package io.mmsdk.blastdial;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;

/**
 * The state of one contact in a blast dial.
 *
 * @param contact the contact as it was when the blast dial started
 * @param state current state; final states are the outcome
 * @param attempts dial-outs issued so far
 * @param nextRetryAt when the next attempt is due, or {@code null} unless {@code state} is {@link
 *     ContactState#WAITING_RETRY} (see {@link #findNextRetryAt()})
 * @param callLegId the call leg of the current or last attempt, or {@code null}
 * @param lastResult the last thing the bridge reported (e.g. {@code remoteBusy}), or {@code null}
 */
public record ContactStatus(
    Contact contact,
    ContactState state,
    int attempts,
    Instant nextRetryAt,
    String callLegId,
    String lastResult) {

  /**
   * Checks the arguments.
   *
   * @param contact the contact as it was when the blast dial started
   * @param state current state; final states are the outcome
   * @param attempts dial-outs issued so far
   * @param nextRetryAt when the next attempt is due, or {@code null} unless {@code state} is {@link ContactState#WAITING_RETRY} (see {@link #findNextRetryAt()})
   * @param callLegId the call leg of the current or last attempt, or {@code null}
   * @param lastResult the last thing the bridge reported (e.g. {@code remoteBusy}), or {@code null}
   */
  public ContactStatus {
    requireNonNull(contact, "contact == null");
    requireNonNull(state, "state == null");
  }

  /** {@return when the next attempt is due, if one is scheduled} */
  public Optional<Instant> findNextRetryAt() {
    return Optional.ofNullable(nextRetryAt);
  }
}
