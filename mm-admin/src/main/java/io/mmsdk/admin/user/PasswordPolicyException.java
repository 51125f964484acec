package io.mmsdk.admin.user;

/** A new password does not satisfy the password policy (too short, or recently used). */
public final class PasswordPolicyException extends UserException {
  private static final long serialVersionUID = 1L;

  /** Which rule the password broke. */
  public enum Rule {
    /** Shorter than the enforced minimum length. */
    TOO_SHORT,
    /** Same as the current or a recently used password. */
    RECENTLY_USED,
    /** The current password given was wrong. */
    WRONG_CURRENT_PASSWORD
  }

  /** The password rule that was broken. */
  private final Rule rule;

  /**
   * Creates an exception for {@code rule}.
   *
   * @param rule which rule the password broke
   * @param message what is wrong and what a valid password needs, for people
   */
  public PasswordPolicyException(Rule rule, String message) {
    super(message);
    this.rule = rule;
  }

  /** {@return the rule that was broken} */
  public Rule rule() {
    return rule;
  }
}
