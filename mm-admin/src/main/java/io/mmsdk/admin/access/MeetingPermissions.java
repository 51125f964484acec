package io.mmsdk.admin.access;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Who may do what on one meeting and its agenda sections. Immutable: every grant returns a new
 * value, after checking the model's rules:
 *
 * <ul>
 *   <li>Individuals may get READER, CONTRIBUTOR, ADMIN or EXCLUDE; groups never EXCLUDE.
 *   <li>An individual grant beats every group grant; an individual EXCLUDE on the meeting or on a
 *       section "overrides any access the user may have through groups", on that section's
 *       sub-sections too.
 *   <li>Adding someone without naming a role grants "basic Reader access".
 *   <li>Individual, group and section grants can all be removed again.
 *   <li>A section grant applies to the section and its sub-sections (paths such as {@code
 *       "Finance/Q1"}) and overrides meeting grants, but never downgrades or excludes a meeting
 *       ADMIN or CONTRIBUTOR.
 *   <li>A user needs at least READER on the meeting to get a section grant.
 *   <li>Inviting a new person through the meeting adds them to the organization.
 * </ul>
 */
public final class MeetingPermissions {
  private final String meetingId;
  private final Grants meeting;
  private final Map<String, Grants> sections;

  private MeetingPermissions(String meetingId, Grants meeting, Map<String, Grants> sections) {
    this.meetingId = meetingId;
    this.meeting = meeting;
    this.sections = Map.copyOf(sections);
  }

  /**
   * {@return permissions for {@code meetingId} with no grants: nobody has access yet}
   *
   * @param meetingId the meeting's id
   */
  public static MeetingPermissions create(String meetingId) {
    Objects.requireNonNull(meetingId, "meetingId == null");
    return new MeetingPermissions(meetingId, Grants.EMPTY, Map.of());
  }

  /** {@return the meeting id} */
  public String meetingId() {
    return meetingId;
  }

  /**
   * Grants {@code role} on the meeting to organization member {@code username} (replacing any
   * earlier individual grant).
   *
   * @param org the meeting's organization, to check membership
   * @param username the member's user name
   * @param role the role to grant
   * @return new permissions with the grant (this object is unchanged)
   * @throws PermissionException if the user is not a member (invite them instead)
   */
  public MeetingPermissions grantUser(Organization org, String username, MeetingRole role) {
    requireMember(org, username);
    Objects.requireNonNull(role, "role == null");
    return new MeetingPermissions(meetingId, meeting.withUser(username, role), sections);
  }

  /**
   * Adds organization member {@code username} to the meeting with "basic Reader access" (seed:
   * "clicking the + icon next to the user's name to grant basic Reader access").
   *
   * @param org the meeting's organization, to check membership
   * @param username the member's user name
   * @return new permissions with the grant (this object is unchanged)
   * @throws PermissionException if the user is not a member (invite them instead)
   */
  public MeetingPermissions grantUser(Organization org, String username) {
    return grantUser(org, username, MeetingRole.READER);
  }

  /**
   * Adds {@code group} to the meeting with basic Reader access.
   *
   * @param org the meeting's organization, to check the group exists
   * @param group the group's name
   * @return new permissions with the grant (this object is unchanged)
   * @throws PermissionException if the group does not exist
   */
  public MeetingPermissions grantGroup(Organization org, String group) {
    return grantGroup(org, group, MeetingRole.READER);
  }

  /**
   * Removes {@code group}'s meeting grant; its members keep what other grants give them.
   *
   * @param group the group's name
   * @return new permissions without the grant (this object is unchanged)
   */
  public MeetingPermissions revokeGroup(String group) {
    Objects.requireNonNull(group, "group == null");
    return new MeetingPermissions(meetingId, meeting.withGroup(group, null), sections);
  }

  /**
   * Removes {@code username}'s individual grant on section {@code section}.
   *
   * @param section the agenda section's path, such as {@code "Finance/Q1"}
   * @param username the user's name
   * @return new permissions without the grant (this object is unchanged)
   */
  public MeetingPermissions revokeSectionUser(String section, String username) {
    Objects.requireNonNull(username, "username == null");
    return withSection(normalizeSection(section), g -> g.withUser(username, null));
  }

  /**
   * Removes {@code group}'s grant on section {@code section}.
   *
   * @param section the agenda section's path, such as {@code "Finance/Q1"}
   * @param group the group's name
   * @return new permissions without the grant (this object is unchanged)
   */
  public MeetingPermissions revokeSectionGroup(String section, String group) {
    Objects.requireNonNull(group, "group == null");
    return withSection(normalizeSection(section), g -> g.withGroup(group, null));
  }

  private MeetingPermissions withSection(String path,
      java.util.function.UnaryOperator<Grants> change) {
    Grants g = change.apply(sections.getOrDefault(path, Grants.EMPTY));
    Map<String, Grants> next = new HashMap<>(sections);
    if (g.users.isEmpty() && g.groups.isEmpty()) {
      next.remove(path);
    } else {
      next.put(path, g);
    }
    return new MeetingPermissions(meetingId, meeting, next);
  }

  /**
   * Grants {@code role} on the meeting to every member of {@code group}.
   *
   * @param org the meeting's organization, to check the group exists
   * @param group the group's name
   * @param role the role to grant; not EXCLUDE
   * @return new permissions with the grant (this object is unchanged)
   * @throws PermissionException if the group does not exist or {@code role} is EXCLUDE
   */
  public MeetingPermissions grantGroup(Organization org, String group, MeetingRole role) {
    checkGroupGrant(org, group, role, "the meeting");
    return new MeetingPermissions(meetingId, meeting.withGroup(group, role), sections);
  }

  /**
   * Removes {@code username}'s individual meeting grant (group grants then apply).
   *
   * @param username the user's name
   * @return new permissions without the grant (this object is unchanged)
   */
  public MeetingPermissions revokeUser(String username) {
    Objects.requireNonNull(username, "username == null");
    return new MeetingPermissions(meetingId, meeting.withUser(username, null), sections);
  }

  /**
   * Grants {@code role} on agenda section {@code section} (and its sub-sections) to {@code
   * username}.
   *
   * @param org the meeting's organization
   * @param section the agenda section's path, such as {@code "Finance/Q1"}
   * @param username the user's name
   * @param role the role to grant on the section
   * @return new permissions with the grant (this object is unchanged)
   * @throws PermissionException if the user lacks READER on the meeting, or the grant would
   *     downgrade or exclude a meeting ADMIN or CONTRIBUTOR
   */
  public MeetingPermissions grantSectionUser(Organization org, String section, String username, MeetingRole role) {
    String path = normalizeSection(section);
    requireMember(org, username);
    Objects.requireNonNull(role, "role == null");
    Resolution m = resolveMeeting(org, username);
    if (m.role == null || m.role == MeetingRole.EXCLUDE) {
      throw new PermissionException(
          "Cannot grant " + role + " on section '" + path + "' to '" + username + "': " + m.reason
              + ". Users need at least READER on the meeting before they get section permissions; grant that first.");
    }
    if (m.role == MeetingRole.ADMIN || m.role == MeetingRole.CONTRIBUTOR) {
      if (role == MeetingRole.EXCLUDE) {
        throw new PermissionException(
            "Cannot exclude '" + username + "' from section '" + path + "': they are meeting " + m.role
                + ", and meeting Admins and Contributors cannot be excluded from agenda sections.");
      }
      if (role.ordinal() < m.role.ordinal()) {
        throw new PermissionException(
            "Cannot make '" + username + "' " + role + " of section '" + path + "': they are meeting " + m.role
                + ", and meeting permissions cannot be downgraded in agenda sections.");
      }
    }
    return withSection(path, g -> g.withUser(username, role));
  }

  /**
   * Adds {@code username} to section {@code section} with basic Reader access.
   *
   * @param org the meeting's organization
   * @param section the agenda section's path, such as {@code "Finance/Q1"}
   * @param username the user's name
   * @return new permissions with the grant (this object is unchanged)
   * @throws PermissionException as for {@link #grantSectionUser(Organization, String, String,
   *     MeetingRole)}
   */
  public MeetingPermissions grantSectionUser(Organization org, String section, String username) {
    return grantSectionUser(org, section, username, MeetingRole.READER);
  }

  /**
   * Grants {@code role} on agenda section {@code section} (and its sub-sections) to {@code group}.
   * For members who are meeting ADMIN or CONTRIBUTOR a lower group grant has no effect.
   *
   * @param org the meeting's organization, to check the group exists
   * @param section the agenda section's path, such as {@code "Finance/Q1"}
   * @param group the group's name
   * @param role the role to grant on the section; not EXCLUDE
   * @return new permissions with the grant (this object is unchanged)
   * @throws PermissionException if the group does not exist or {@code role} is EXCLUDE
   */
  public MeetingPermissions grantSectionGroup(Organization org, String section, String group, MeetingRole role) {
    String path = normalizeSection(section);
    checkGroupGrant(org, group, role, "section '" + path + "'");
    return withSection(path, g -> g.withGroup(group, role));
  }

  /**
   * Invites a new person: adds {@code username} to the organization and grants {@code role} on this
   * meeting.
   *
   * @param org the organization to add the person to
   * @param username the new member's user name
   * @param role the role to grant on this meeting; not EXCLUDE
   * @return the grown organization and the new permissions
   * @throws PermissionException if they are already a member (grant instead) or role is EXCLUDE
   */
  public Invitation invite(Organization org, String username, MeetingRole role) {
    Objects.requireNonNull(org, "org == null");
    Objects.requireNonNull(username, "username == null");
    Objects.requireNonNull(role, "role == null");
    if (username.isBlank()) {
      throw new PermissionException("Cannot invite a blank username; enter the new person's username or e-mail.");
    }
    if (org.isMember(username)) {
      throw new PermissionException("'" + username + "' is already in the organization; use grantUser(...) instead of inviting.");
    }
    if (role == MeetingRole.EXCLUDE) {
      throw new PermissionException("Inviting '" + username + "' as EXCLUDE makes no sense; invite as READER, CONTRIBUTOR or ADMIN.");
    }
    Organization grown = org.withMember(username);
    return new Invitation(grown, grantUser(grown, username, role));
  }

  /**
   * {@return the user's effective role on the meeting (empty when no access; EXCLUDE when
   * excluded)}
   *
   * @param org the meeting's organization, for group memberships
   * @param username the user's name
   */
  public Optional<MeetingRole> effectiveRole(Organization org, String username) {
    return Optional.ofNullable(resolveMeeting(org, username).role);
  }

  /**
   * {@return the user's effective role on agenda section {@code section}}
   *
   * @param org the meeting's organization, for group memberships
   * @param username the user's name
   * @param section the agenda section's path, such as {@code "Finance/Q1"}
   */
  public Optional<MeetingRole> effectiveRole(Organization org, String username, String section) {
    return Optional.ofNullable(resolveSection(org, username, section).role);
  }

  Resolution resolveMeeting(Organization org, String username) {
    Objects.requireNonNull(org, "org == null");
    Objects.requireNonNull(username, "username == null");
    if (!org.isMember(username)) {
      return new Resolution(null, "'" + username + "' is not a member of the organization");
    }
    MeetingRole own = meeting.users.get(username);
    if (own != null) {
      return new Resolution(own, "individual grant " + own + " on meeting '" + meetingId + "'"
          + (own == MeetingRole.EXCLUDE ? " (EXCLUDE beats any group grant)" : " (individual grants beat group grants)"));
    }
    Resolution viaGroup = groupRole(org, username, meeting, "meeting '" + meetingId + "'");
    return viaGroup != null ? viaGroup : new Resolution(null, "no grant on meeting '" + meetingId + "' for '" + username + "' or their groups");
  }

  Resolution resolveSection(Organization org, String username, String section) {
    String path = normalizeSection(section);
    Resolution m = resolveMeeting(org, username);
    if (m.role == null || m.role == MeetingRole.EXCLUDE) {
      return new Resolution(m.role, m.reason + "; section grants need at least READER on the meeting");
    }
    for (String p = path; p != null; p = parent(p)) {
      Grants g = sections.get(p);
      if (g == null) {
        continue;
      }
      Resolution s;
      MeetingRole own = g.users.get(username);
      if (own != null) {
        s = new Resolution(own, "individual grant " + own + " on section '" + p + "'" + (p.equals(path) ? "" : " (inherited by '" + path + "')"));
      } else {
        s = groupRole(org, username, g, "section '" + p + "'" + (p.equals(path) ? "" : " (inherited by '" + path + "')"));
        String excludedAt = s == null ? null : individualExcludeAbove(username, p);
        if (excludedAt != null) {
          // Seed 003: Exclude "overrides any access the user may have through groups as well".
          s = new Resolution(MeetingRole.EXCLUDE, "individual EXCLUDE on section '" + excludedAt
              + "' overrides " + s.reason);
        }
      }
      if (s == null) {
        continue;
      }
      boolean protectedRole = m.role == MeetingRole.ADMIN || m.role == MeetingRole.CONTRIBUTOR;
      if (protectedRole && (s.role == MeetingRole.EXCLUDE || s.role.ordinal() < m.role.ordinal())) {
        return new Resolution(m.role, m.reason + "; " + s.reason + " is ignored because meeting " + m.role
            + "s cannot be downgraded or excluded in agenda sections");
      }
      return new Resolution(s.role, s.reason + " overrides " + m.reason);
    }
    return new Resolution(m.role, m.reason + "; no grant on section '" + path + "' or its parents, so the meeting grant applies");
  }

  /** Returns the nearest parent section of {@code path} that excludes {@code username}, or null. */
  private String individualExcludeAbove(String username, String path) {
    for (String p = parent(path); p != null; p = parent(p)) {
      Grants g = sections.get(p);
      if (g != null && g.users.get(username) == MeetingRole.EXCLUDE) {
        return p;
      }
    }
    return null;
  }

  private static Resolution groupRole(Organization org, String username, Grants g, String where) {
    MeetingRole best = null;
    String bestGroup = null;
    for (String group : org.groupsOf(username)) {
      MeetingRole r = g.groups.get(group);
      if (r != null && (best == null || r.ordinal() > best.ordinal())) {
        best = r;
        bestGroup = group;
      }
    }
    return best == null ? null : new Resolution(best, "group '" + bestGroup + "' grants " + best + " on " + where);
  }

  private static String parent(String path) {
    int i = path.lastIndexOf('/');
    return i < 0 ? null : path.substring(0, i);
  }

  private static String normalizeSection(String section) {
    Objects.requireNonNull(section, "section == null");
    String[] parts = section.strip().split("/", -1);
    StringBuilder sb = new StringBuilder();
    for (String part : parts) {
      String p = part.strip();
      if (p.isEmpty()) {
        throw new PermissionException("Section path '" + section + "' has an empty part; write sections as 'Parent/Child'.");
      }
      sb.append(sb.length() == 0 ? "" : "/").append(p);
    }
    return sb.toString();
  }

  private static void requireMember(Organization org, String username) {
    Objects.requireNonNull(org, "org == null");
    Objects.requireNonNull(username, "username == null");
    if (!org.isMember(username)) {
      throw new PermissionException(
          "'" + username + "' is not a member of the organization; invite them through the meeting (invite(...)) first.");
    }
  }

  private static void checkGroupGrant(Organization org, String group, MeetingRole role, String where) {
    Objects.requireNonNull(org, "org == null");
    Objects.requireNonNull(group, "group == null");
    Objects.requireNonNull(role, "role == null");
    if (!org.groups().containsKey(group)) {
      throw new PermissionException("No group named '" + group + "' in the organization; create it before granting.");
    }
    if (role == MeetingRole.EXCLUDE) {
      throw new PermissionException(
          "Groups cannot be given EXCLUDE (on " + where + " for group '" + group + "'); exclude individual users instead.");
    }
  }

  @Override
  public String toString() {
    return "MeetingPermissions[" + meetingId + ", users=" + meeting.users + ", groups=" + meeting.groups
        + ", sections=" + sections.keySet() + "]";
  }

  /**
   * The result of an invitation: the grown organization and the updated permissions.
   *
   * @param organization the organization with the invited person added as a member
   * @param permissions the meeting's permissions with the invitee's grant
   */
  public record Invitation(Organization organization, MeetingPermissions permissions) {
    /**
     * Checks both parts are present.
     *
     * @param organization the organization with the invited person added as a member
     * @param permissions the meeting's permissions with the invitee's grant
     * @throws NullPointerException if {@code organization} or {@code permissions} is null
     */
    public Invitation {
      Objects.requireNonNull(organization, "organization == null");
      Objects.requireNonNull(permissions, "permissions == null");
    }
  }

  record Resolution(MeetingRole role, String reason) {}

  private static final class Grants {
    static final Grants EMPTY = new Grants(Map.of(), Map.of());
    final Map<String, MeetingRole> users;
    final Map<String, MeetingRole> groups;

    Grants(Map<String, MeetingRole> users, Map<String, MeetingRole> groups) {
      this.users = Map.copyOf(users);
      this.groups = Map.copyOf(groups);
    }

    Grants withUser(String user, MeetingRole role) {
      Map<String, MeetingRole> u = new HashMap<>(users);
      if (role == null) {
        u.remove(user);
      } else {
        u.put(user, role);
      }
      return new Grants(u, groups);
    }

    Grants withGroup(String group, MeetingRole role) {
      Map<String, MeetingRole> g = new HashMap<>(groups);
      if (role == null) {
        g.remove(group);
      } else {
        g.put(group, role);
      }
      return new Grants(users, g);
    }
  }
}
