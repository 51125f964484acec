package io.mmsdk.meetings.control;

import java.util.Optional;

/**
 * Who owns a meeting for seed 002's conference ownership rules, compared with the {@link
 * io.mmsdk.admin.access.Principal#username()} of the principal acting. Consulted only for
 * principals that have a {@link io.mmsdk.admin.access.PrivilegeLevel}. Implementations must be
 * thread-safe and fast; they are called before every control such a principal runs.
 */
@FunctionalInterface
public interface ConferenceOwners {

  /**
   * Returns the owner's username, or empty for owner "none".
   *
   * @param scope the meeting as read from the Call Bridge
   * @return the owner, or empty for none
   */
  Optional<String> findOwner(MeetingScope scope);

  /** {@return owners taken from the meeting's space, its {@code ownerJid} (the default)} */
  static ConferenceOwners spaceOwner() {
    return MeetingScope::findSpaceOwner;
  }
}
