package io.mmsdk.blastdial;

/** Where one contact of a blast dial stands. */
public enum ContactState {
  /** Waiting for its first dial-out (or for a Secondary's delay). */
  PENDING(false),
  /** A dial-out is in progress; waiting for the contact to answer and confirm. */
  DIALING(false),
  /** The last attempt failed (busy, no answer, failure); dialed again at the next retry time. */
  WAITING_RETRY(false),
  /** Final: the contact joined (pressed 1, or answered without a prompt). */
  JOINED(true),
  /** Final: the contact pressed {@code *}, Decline or Reject; not dialed again. */
  DECLINED(true),
  /** Final: every attempt failed and no retries are left. */
  RETRIES_EXHAUSTED(true),
  /** Final: the contact dialed in and started the meeting, so it is not called. */
  SKIPPED(true),
  /** Final: dialing stopped because the meeting ended, blast dial was turned off or another
   * instance is dialing. */
  STOPPED(true);

  private final boolean isFinal;

  ContactState(boolean isFinal) {
    this.isFinal = isFinal;
  }

  /** {@return whether this state is a final outcome} */
  public boolean isFinal() {
    return isFinal;
  }
}
