package io.mmsdk.admin.user;

import java.util.Objects;

/**
 * A successful sign-in: the session, the post-sign-in message ({@code ""} for none), and account
 * activity with whether the policy asks to show it.
 *
 * @param session the new session
 * @param postSignInMessage message to show after sign-in, {@code ""} for none
 * @param accountActivity activity before this sign-in
 * @param showAccountActivity true when the policy asks to show the activity
 */
public record SignInResult(Session session, String postSignInMessage, AccountActivity accountActivity, boolean showAccountActivity) {
  /**
   * Checks the components.
   *
   * @param session the new session
   * @param postSignInMessage message to show after sign-in, {@code ""} for none
   * @param accountActivity activity before this sign-in
   * @param showAccountActivity true when the policy asks to show the activity
   */
  public SignInResult {
    Objects.requireNonNull(session, "session == null");
    Objects.requireNonNull(postSignInMessage, "postSignInMessage == null");
    Objects.requireNonNull(accountActivity, "accountActivity == null");
  }
}
