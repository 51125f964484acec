package io.mmsdk.admin.user;

/** The session token is unknown, signed out, idle too long or past the 24-hour limit. */
public final class SessionExpiredException extends UserException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception saying why the session is no longer valid.
   *
   * @param message what went wrong and what to do about it
   */
  public SessionExpiredException(String message) {
    super(message);
  }
}
