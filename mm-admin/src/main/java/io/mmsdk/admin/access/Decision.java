package io.mmsdk.admin.access;

import java.util.Objects;

/**
 * The outcome of an access check, with the reason, e.g. "deny: video operator 'op1' has tags
 * [emea] and space 'sales' carries none of them".
 *
 * @param allowed true when the action may go ahead
 * @param reason why, for logs and UIs
 */
public record Decision(boolean allowed, String reason) {
  /**
   * Checks the reason is present.
   *
   * @param allowed true when the action may go ahead
   * @param reason why, for logs and UIs
   */
  public Decision {
    Objects.requireNonNull(reason, "reason == null");
  }

  /**
   * {@return an allowing decision}
   *
   * @param reason why, for logs and UIs
   */
  public static Decision allow(String reason) {
    return new Decision(true, reason);
  }

  /**
   * {@return a denying decision}
   *
   * @param reason why, for logs and UIs
   */
  public static Decision deny(String reason) {
    return new Decision(false, reason);
  }

  /** {@return true when the action is denied} */
  public boolean denied() {
    return !allowed;
  }

  @Override
  public String toString() {
    return (allowed ? "allow: " : "deny: ") + reason;
  }
}
