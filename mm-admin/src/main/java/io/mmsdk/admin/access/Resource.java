package io.mmsdk.admin.access;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** What an {@link Action} is aimed at. One record per kind of resource. */
public sealed interface Resource {

  /**
   * An administrative area (users, servers, settings, backups, provisioning): administrators only.
   *
   * @param area a name for the reason text, e.g. {@code "users"}
   */
  record Administration(String area) implements Resource {
    /**
     * Checks the components.
     *
     * @param area a name for the reason text, e.g. {@code "users"}
     * @throws NullPointerException if {@code area} is null
     */
    public Administration {
      Objects.requireNonNull(area, "area == null");
    }
  }

  /**
   * A CMS space (coSpace) and the tags it carries; meetings held in it inherit its tags.
   *
   * @param spaceId the space id
   * @param tags the space's tags
   */
  record Space(String spaceId, Set<String> tags) implements Resource {
    /**
     * Checks the components.
     *
     * @param spaceId the space id
     * @param tags the space's tags
     * @throws NullPointerException if {@code spaceId} or {@code tags} is null
     */
    public Space {
      Objects.requireNonNull(spaceId, "spaceId == null");
      tags = Set.copyOf(Objects.requireNonNull(tags, "tags == null"));
    }
  }

  /**
   * A scheduled conference and its owner ({@code null} owner means "none").
   *
   * @param conferenceId the conference id
   * @param owner the owning username, or null for none
   */
  record Conference(String conferenceId, String owner) implements Resource {
    /**
     * Checks the components.
     *
     * @param conferenceId the conference id
     * @param owner the owning username, or null for none
     * @throws NullPointerException if {@code conferenceId} is null
     */
    public Conference {
      Objects.requireNonNull(conferenceId, "conferenceId == null");
    }

    /**
     * {@return a conference owned by {@code owner}}
     *
     * @param conferenceId the conference id
     * @param owner the owning username, or null for none
     */
    public static Conference ownedBy(String conferenceId, String owner) {
      return new Conference(conferenceId, Objects.requireNonNull(owner, "owner == null"));
    }

    /**
     * {@return a conference with owner "none"}
     *
     * @param conferenceId the conference id
     */
    public static Conference unowned(String conferenceId) {
      return new Conference(conferenceId, null);
    }

    /** {@return the owner, if any} */
    public Optional<String> findOwner() {
      return Optional.ofNullable(owner);
    }
  }

  /**
   * A proposed owner for a conference being scheduled ({@link Action#CREATE_CONFERENCE}) or changed
   * ({@link Action#CHANGE_OWNER}). A null {@code newOwner} means "none"; otherwise {@code
   * newOwnerLevel} is that user's privilege level.
   *
   * @param conference the conference (for CREATE_CONFERENCE its owner is ignored)
   * @param newOwner proposed owner username, or null for none
   * @param newOwnerLevel proposed owner's privilege level, or null when newOwner is null
   */
  record OwnerChange(Conference conference, String newOwner, PrivilegeLevel newOwnerLevel) implements Resource {
    /**
     * Checks the components.
     *
     * @param conference the conference (for CREATE_CONFERENCE its owner is ignored)
     * @param newOwner proposed owner username, or null for none
     * @param newOwnerLevel proposed owner's privilege level, or null when newOwner is null
     * @throws NullPointerException if {@code conference} is null
     * @throws IllegalArgumentException if only one of {@code newOwner} and {@code newOwnerLevel} is
     *     null
     */
    public OwnerChange {
      Objects.requireNonNull(conference, "conference == null");
      if ((newOwner == null) != (newOwnerLevel == null)) {
        throw new IllegalArgumentException("newOwner and newOwnerLevel must both be set, or both null for owner 'none'");
      }
    }

    /**
     * {@return a change to {@code newOwner} at {@code level}}
     *
     * @param conference the conference
     * @param newOwner the proposed owner's user name; not null (use {@link #toNone} for none)
     * @param level the proposed owner's privilege level; not null
     */
    public static OwnerChange to(Conference conference, String newOwner, PrivilegeLevel level) {
      return new OwnerChange(conference, Objects.requireNonNull(newOwner, "newOwner == null"),
          Objects.requireNonNull(level, "level == null"));
    }

    /**
     * {@return a change to owner "none"}
     *
     * @param conference the conference (for CREATE_CONFERENCE its owner is ignored)
     */
    public static OwnerChange toNone(Conference conference) {
      return new OwnerChange(conference, null, null);
    }
  }

  /**
   * A meeting with its permissions and the organization whose groups they refer to.
   *
   * @param permissions the meeting's grants
   * @param organization members and groups
   */
  record Meeting(MeetingPermissions permissions, Organization organization) implements Resource {
    /**
     * Checks the components.
     *
     * @param permissions the meeting's grants
     * @param organization members and groups
     * @throws NullPointerException if {@code permissions} or {@code organization} is null
     */
    public Meeting {
      Objects.requireNonNull(permissions, "permissions == null");
      Objects.requireNonNull(organization, "organization == null");
    }
  }

  /**
   * An agenda section of a meeting, addressed by path ({@code "Finance/Q1"}).
   *
   * @param permissions the meeting's grants
   * @param organization members and groups
   * @param section the section path
   */
  record AgendaSection(MeetingPermissions permissions, Organization organization, String section) implements Resource {
    /**
     * Checks the components.
     *
     * @param permissions the meeting's grants
     * @param organization members and groups
     * @param section the section path
     * @throws NullPointerException if {@code permissions}, {@code organization} or {@code section}
     *     is null
     */
    public AgendaSection {
      Objects.requireNonNull(permissions, "permissions == null");
      Objects.requireNonNull(organization, "organization == null");
      Objects.requireNonNull(section, "section == null");
    }
  }
}
