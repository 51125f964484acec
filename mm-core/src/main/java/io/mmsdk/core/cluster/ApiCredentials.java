package io.mmsdk.core.cluster;

import io.mmsdk.core.cluster.InvalidClusterException.Problem;
import java.util.Objects;

/**
 * The API user a Call Bridge accepts from this SDK. The password is never shown by {@link
 * #toString()}; use a dedicated administrator account, as the admin guide recommends.
 *
 * @param username API user name, not blank
 * @param password API password, not empty
 */
public record ApiCredentials(String username, String password) {
  /**
   * Checks that neither part is blank.
   *
   * @param username API user name, not blank
   * @param password API password, not empty
   */
  public ApiCredentials {
    Objects.requireNonNull(username, "username == null");
    Objects.requireNonNull(password, "password == null");
    if (username.isBlank()) {
      throw new InvalidClusterException(Problem.BLANK_NAME, "API username is blank; enter the Call Bridge API user.");
    }
    if (password.isEmpty()) {
      throw new InvalidClusterException(
          Problem.CONFLICTING_SETTINGS, "API password for user '" + username + "' is empty; enter the API user's password.");
    }
  }

  /**
   * {@return credentials for {@code username} and {@code password}}
   *
   * @param username API user name, not blank
   * @param password API password, not empty
   */
  public static ApiCredentials of(String username, String password) {
    return new ApiCredentials(username, password);
  }

  /** Shows the username only; the password is redacted. */
  @Override
  public String toString() {
    return "ApiCredentials[username=" + username + ", password=██]";
  }
}
