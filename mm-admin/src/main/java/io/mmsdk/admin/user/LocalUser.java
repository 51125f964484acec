package io.mmsdk.admin.user;

import io.mmsdk.admin.access.Role;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * A local user's profile (never the password). The username is unique and cannot change; first and
 * last name are optional ({@code ""} when not given); video operators may carry up to {@value
 * #MAX_TAGS} space tags, administrators none.
 *
 * @param username unique, immutable; 1–64 characters without spaces or control characters
 * @param firstName optional first name, {@code ""} when absent
 * @param lastName optional last name, {@code ""} when absent
 * @param role administrator or video operator
 * @param tags space tags (video operators only), at most 10
 */
public record LocalUser(String username, String firstName, String lastName, Role role, Set<String> tags) {
  /** The most tags a video operator may carry. */
  public static final int MAX_TAGS = 10;

  /**
   * Validates every component.
   *
   * @param username unique, immutable; 1–64 characters without spaces or control characters
   * @param firstName optional first name, {@code ""} when absent
   * @param lastName optional last name, {@code ""} when absent
   * @param role administrator or video operator
   * @param tags space tags (video operators only), at most 10
   */
  public LocalUser {
    username = checkUsername(username);
    firstName = Objects.requireNonNull(firstName, "firstName == null").strip();
    lastName = Objects.requireNonNull(lastName, "lastName == null").strip();
    Objects.requireNonNull(role, "role == null");
    tags = checkTags(username, role, tags);
  }

  /**
   * {@return a profile with no names and no tags}
   *
   * @param username unique, immutable; 1–64 characters without spaces or control characters
   * @param role administrator or video operator
   */
  public static LocalUser of(String username, Role role) {
    return new LocalUser(username, "", "", role, Set.of());
  }

  /**
   * {@return a copy with these names}
   *
   * @param firstName the first name, may be empty
   * @param lastName the last name, may be empty
   */
  public LocalUser withNames(String firstName, String lastName) {
    return new LocalUser(username, firstName, lastName, role, tags);
  }

  /**
   * {@return a copy with this role (tags are dropped when the role becomes administrator)}
   *
   * @param newRole the new role
   */
  public LocalUser withRole(Role newRole) {
    return new LocalUser(username, firstName, lastName, newRole, newRole == Role.ADMINISTRATOR ? Set.of() : tags);
  }

  /**
   * {@return a copy with these tags}
   *
   * @param newTags the new tags, at most {@value #MAX_TAGS}, none blank
   */
  public LocalUser withTags(Set<String> newTags) {
    return new LocalUser(username, firstName, lastName, role, newTags);
  }

  static String checkUsername(String username) {
    Objects.requireNonNull(username, "username == null");
    if (username.isEmpty() || username.length() > 64 || username.codePoints().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
      throw new UserException("Username '" + username + "' is invalid: use 1-64 characters without spaces or control characters.");
    }
    return username;
  }

  static Set<String> checkTags(String username, Role role, Set<String> tags) {
    Objects.requireNonNull(tags, "tags == null");
    Set<String> out = new TreeSet<>();
    for (String t : tags) {
      String s = Objects.requireNonNull(t, "tag == null").strip();
      if (s.isEmpty()) {
        throw new UserException("User '" + username + "' has a blank tag; remove it.");
      }
      out.add(s);
    }
    if (!out.isEmpty() && role == Role.ADMINISTRATOR) {
      throw new UserException("Administrator '" + username + "' cannot have tags " + out
          + ": tags limit video operators to spaces, and administrators see every space.");
    }
    if (out.size() > MAX_TAGS) {
      throw new UserException("User '" + username + "' has " + out.size() + " tags; a video operator may have at most " + MAX_TAGS + ".");
    }
    return Set.copyOf(out);
  }
}
