package io.mmsdk.admin.user;

import java.util.Objects;

/** Sign-in was refused. {@link #reason()} says why; the message is safe to show to the user. */
public final class SignInException extends UserException {
  private static final long serialVersionUID = 1L;

  /** Why sign-in was refused. */
  public enum Reason {
    /** No tokens left; refused even with correct credentials. */
    RATE_LIMITED,
    /** Unknown user or wrong password (deliberately not told apart). */
    INVALID_CREDENTIALS,
    /** The LDAP user is in no mapped group. */
    NO_MAPPED_GROUP,
    /** The LDAP server could not be reached or answered with an error. */
    DIRECTORY_UNAVAILABLE
  }

  /** The message shown when the bucket is empty, as Meeting Management words it. */
  public static final String TOO_MANY_ATTEMPTS = "Too many sign in attempts. Please try again later";

  /** Why the sign-in was refused. */
  private final Reason reason;

  /**
   * Creates an exception for {@code reason} with a user-facing message.
   *
   * @param reason why sign-in failed, for callers to act on
   * @param message what to tell the user; never says which of username or password was wrong
   */
  public SignInException(Reason reason, String message) {
    super(message);
    this.reason = Objects.requireNonNull(reason, "reason == null");
  }

  /**
   * Creates an exception with a cause (for directory failures).
   *
   * @param reason why sign-in failed, for callers to act on
   * @param message what to tell the user
   * @param cause the directory failure
   */
  public SignInException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = Objects.requireNonNull(reason, "reason == null");
  }

  /** {@return why sign-in was refused} */
  public Reason reason() {
    return reason;
  }
}
