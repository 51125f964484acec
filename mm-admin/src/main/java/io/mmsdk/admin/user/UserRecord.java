package io.mmsdk.admin.user;

import java.util.List;
import java.util.Objects;

/**
 * What is stored for a local user: the profile, the current password hash and recent previous
 * hashes (newest first, at most {@link PasswordPolicy#MAX_REMEMBERED}). Hashes are never shown by
 * {@link #toString()}.
 *
 * @param user the profile
 * @param password the current password hash
 * @param previousPasswords earlier hashes, newest first
 */
public record UserRecord(LocalUser user, PasswordHash password, List<PasswordHash> previousPasswords) {
  /**
   * Checks and copies the components.
   *
   * @param user the profile
   * @param password the current password hash
   * @param previousPasswords earlier hashes, newest first
   */
  public UserRecord {
    Objects.requireNonNull(user, "user == null");
    Objects.requireNonNull(password, "password == null");
    previousPasswords = List.copyOf(Objects.requireNonNull(previousPasswords, "previousPasswords == null"));
    if (previousPasswords.size() > PasswordPolicy.MAX_REMEMBERED) {
      previousPasswords = previousPasswords.subList(0, PasswordPolicy.MAX_REMEMBERED);
    }
  }

  @Override
  public String toString() {
    return "UserRecord[" + user + ", password=██, previous=" + previousPasswords.size() + "]";
  }
}
