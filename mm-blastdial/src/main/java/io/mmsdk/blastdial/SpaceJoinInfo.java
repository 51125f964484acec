package io.mmsdk.blastdial;

import static java.util.Objects.requireNonNull;

import io.mmsdk.cms.api.CoSpace;

/**
 * The join information of one space: visibility, meeting ID, passcode and video address, as an
 * operator sends them to invitees. A projection of the typed {@link CoSpace} that earns its place:
 * it applies CMS's defaults (no {@code nonMemberAccess} element means public) and, unlike {@code
 * CoSpace}, whose {@code toString()} shows every element, its {@link #toString()} does not show the
 * passcode.
 *
 * @param spaceId the coSpace id
 * @param name the space's name
 * @param visibility who may join
 * @param meetingId the numeric call id (meeting ID), or an empty string if none
 * @param passcode the passcode, or an empty string if none
 * @param videoAddress the URI user part participants dial (CMS adds the dial plan's domain), or an
 *     empty string
 * @param secondaryVideoAddress the secondary URI, or an empty string
 */
public record SpaceJoinInfo(
    String spaceId,
    String name,
    Visibility visibility,
    String meetingId,
    String passcode,
    String videoAddress,
    String secondaryVideoAddress) {

  /** Who may join a space, from the coSpace's {@code nonMemberAccess}. */
  public enum Visibility {
    /** Anyone with the meeting ID or address (and passcode, if set) may join. */
    PUBLIC,
    /** Only members of the space may join. */
    MEMBERS_ONLY
  }

  /**
   * Checks the arguments.
   *
   * @param spaceId the coSpace id
   * @param name the space's name
   * @param visibility who may join
   * @param meetingId the numeric call id (meeting ID), or an empty string if none
   * @param passcode the passcode, or an empty string if none
   * @param videoAddress the URI user part participants dial (CMS adds the dial plan's domain), or an empty string
   * @param secondaryVideoAddress the secondary URI, or an empty string
   */
  public SpaceJoinInfo {
    requireNonNull(spaceId, "spaceId == null");
    requireNonNull(name, "name == null");
    requireNonNull(visibility, "visibility == null");
    requireNonNull(meetingId, "meetingId == null");
    requireNonNull(passcode, "passcode == null");
    requireNonNull(videoAddress, "videoAddress == null");
    requireNonNull(secondaryVideoAddress, "secondaryVideoAddress == null");
  }

  /**
   * Reads the join information of a space.
   *
   * @param space the space, as {@code GET /coSpaces/<id>} returns it
   * @return its join information; absent elements read as empty strings
   */
  public static SpaceJoinInfo of(CoSpace space) {
    requireNonNull(space, "space == null");
    return new SpaceJoinInfo(
        space.id(),
        space.name().orElse(""),
        space.nonMemberAccess().orElse(true) ? Visibility.PUBLIC : Visibility.MEMBERS_ONLY,
        space.callId().map(String::valueOf).orElse(""),
        space.passcode().orElse(""),
        space.uri().orElse(""),
        space.secondaryUri().orElse(""));
  }

  /** {@return whether the space has a passcode} */
  public boolean hasPasscode() {
    return !passcode.isEmpty();
  }

  @Override
  public String toString() {
    return "SpaceJoinInfo[spaceId=" + spaceId + ", name=" + name + ", visibility=" + visibility
        + ", meetingId=" + meetingId + ", passcode=" + (hasPasscode() ? "██" : "")
        + ", videoAddress=" + videoAddress + ", secondaryVideoAddress=" + secondaryVideoAddress
        + "]";
  }
}
