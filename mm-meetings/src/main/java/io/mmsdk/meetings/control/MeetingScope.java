package io.mmsdk.meetings.control;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What the SDK read from the Call Bridge to decide access to a meeting: the call's name, its space
 * ({@code coSpace}), the space's tags and its owner. A call without a space (ad hoc) has no space
 * id, no tags and no owner.
 *
 * @param meeting the meeting
 * @param name the call's name ({@code /calls/<id>} {@code name}), empty when it has none
 * @param spaceId the space's id, or null for a call without a space
 * @param tags the space's tags (see {@link MeetingControls.Builder#spaceTags})
 * @param spaceOwner the space owner's JID ({@code ownerJid}), or null when it has none
 */
public record MeetingScope(MeetingRef meeting, String name, String spaceId, Set<String> tags, String spaceOwner) {
  /**
   * Copies the tags.
   *
   * @param meeting the meeting
   * @param name the call's name
   * @param spaceId the space's id, or null
   * @param tags the space's tags
   * @param spaceOwner the space owner's JID, or null
   */
  public MeetingScope {
    Objects.requireNonNull(meeting, "meeting == null");
    Objects.requireNonNull(name, "name == null");
    tags = Set.copyOf(tags);
  }

  /** {@return the space's id, if the call is held in a space} */
  public Optional<String> findSpaceId() {
    return Optional.ofNullable(spaceId);
  }

  /** {@return the space owner's JID, if the space has an owner} */
  public Optional<String> findSpaceOwner() {
    return Optional.ofNullable(spaceOwner);
  }

  /** {@return the id access decisions use: the space id, or {@code "call:<callId>"} without a space} */
  public String accessId() {
    return spaceId != null ? spaceId : "call:" + meeting.callId();
  }
}
