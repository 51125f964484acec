package io.mmsdk.admin.access;

import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The one place access is decided: {@link #decide(Principal, Action, Resource)} returns allow or
 * deny with a reason, for three models.
 *
 * <p><b>Roles and tags</b> ({@link Resource.Administration}, {@link Resource.Space}):
 * administrators
 * may do everything; video operators may not administer, and may view and manage meetings only in
 * spaces carrying at least one of their tags (an operator without tags is not restricted).
 *
 * <p><b>Conference ownership</b> ({@link Resource.Conference}, {@link Resource.OwnerChange}): the
 * principal's {@link PrivilegeLevel} and whether they own the conference give a {@link
 * ControlLevel}; each conference operation needs FULL or LIMITED control. Only levels that can own
 * may schedule conferences; only ADMINISTRATOR and CONFERENCE_CREATION_AND_FULL_CONTROL may change
 * owners or choose another initial owner, and only to a user who can own conferences or to none.
 *
 * <p><b>Meeting permissions</b> ({@link Resource.Meeting}, {@link Resource.AgendaSection}): see
 * {@link MeetingPermissions} for how grants combine; each action needs a {@link MeetingRole}.
 *
 * <p>Pure and thread-safe.
 */
public final class AccessControl {
  private AccessControl() {}

  /**
   * {@return how {@code conference} appears in {@code principal}'s list of scheduled conferences: a
   * link with limited or full control; with no control a name only, for every MCU privilege level
   * (each of them, down to "conference list only", may see the list); hidden for a principal with
   * no privilege level} Seed 002 does not say which privilege level hides the list; this is our
   * reading (see {@code docs/interpretations.md}).
   *
   * @param principal who is looking at the list
   * @param conference the scheduled conference, with its owner
   */
  public static ConferenceListEntry listEntry(Principal principal, Resource.Conference conference) {
    Objects.requireNonNull(principal, "principal == null");
    Objects.requireNonNull(conference, "conference == null");
    PrivilegeLevel level = principal.findPrivilege().orElse(null);
    if (level == null) {
      return ConferenceListEntry.HIDDEN;
    }
    boolean owner = principal.username().equals(conference.owner());
    return level.control(owner) == ControlLevel.NONE
        ? ConferenceListEntry.NAME_ONLY : ConferenceListEntry.LINK;
  }

  /**
   * Decides whether {@code principal} may perform {@code action} on {@code resource}, and why.
   *
   * @param principal who acts: a user's role, privilege level and organization
   * @param action what they want to do
   * @param resource what they want to do it to
   * @return allowed or denied, with the rule that decided, for the audit trail and messages
   */
  public static Decision decide(Principal principal, Action action, Resource resource) {
    Objects.requireNonNull(principal, "principal == null");
    Objects.requireNonNull(action, "action == null");
    Objects.requireNonNull(resource, "resource == null");
    if (resource instanceof Resource.Administration a) {
      return administration(principal, action, a);
    }
    if (resource instanceof Resource.Space s) {
      return space(principal, action, s);
    }
    if (resource instanceof Resource.Conference c) {
      return conference(principal, action, c);
    }
    if (resource instanceof Resource.OwnerChange o) {
      return ownerChange(principal, action, o);
    }
    if (resource instanceof Resource.Meeting m) {
      return meeting(principal, action, m);
    }
    Resource.AgendaSection s = (Resource.AgendaSection) resource;
    return section(principal, action, s);
  }

  private static Decision administration(Principal p, Action action, Resource.Administration a) {
    if (action != Action.ADMINISTER) {
      return notApplicable(action, "administration area '" + a.area() + "'");
    }
    return p.role() == Role.ADMINISTRATOR
        ? Decision.allow("'" + p.username() + "' is an administrator and may administer " + a.area())
        : Decision.deny("'" + p.username() + "' is a video operator; only administrators may administer " + a.area());
  }

  private static Decision space(Principal p, Action action, Resource.Space s) {
    if (action != Action.VIEW_MEETINGS && action != Action.MANAGE_MEETINGS) {
      return notApplicable(action, "space '" + s.spaceId() + "'");
    }
    String verb = action == Action.VIEW_MEETINGS ? "view" : "manage";
    if (p.role() == Role.ADMINISTRATOR) {
      return Decision.allow("'" + p.username() + "' is an administrator and may " + verb + " meetings in every space");
    }
    if (p.tags().isEmpty()) {
      return Decision.allow("video operator '" + p.username() + "' has no tags, so is not limited to tagged spaces");
    }
    Set<String> common = new HashSet<>(p.tags());
    common.retainAll(s.tags());
    if (common.isEmpty()) {
      return Decision.deny("video operator '" + p.username() + "' has tags " + new TreeSet<>(p.tags()) + " and space '"
          + s.spaceId() + "' carries none of them (space tags " + new TreeSet<>(s.tags()) + ")");
    }
    return Decision.allow("video operator '" + p.username() + "' shares tag(s) " + new TreeSet<>(common) + " with space '"
        + s.spaceId() + "' and may " + verb + " its meetings");
  }

  private static Decision conference(Principal p, Action action, Resource.Conference c) {
    ControlLevel needed = action.requiredControl();
    if (needed == null) {
      return notApplicable(action, "conference '" + c.conferenceId() + "'");
    }
    PrivilegeLevel level = p.findPrivilege().orElse(null);
    if (level == null) {
      return Decision.deny("'" + p.username() + "' has no conference privilege level");
    }
    boolean owner = c.owner() != null && c.owner().equals(p.username());
    ControlLevel has = level.control(owner);
    String who = "'" + p.username() + "' (" + level.label() + ") "
        + (owner ? "owns" : c.owner() == null ? "does not own (owner: none)" : "does not own (owner: '" + c.owner() + "')")
        + " conference '" + c.conferenceId() + "' and so has " + has.name().toLowerCase() + " control";
    if (has.includes(needed)) {
      return Decision.allow(who + "; " + action + " needs " + needed.name().toLowerCase() + " control");
    }
    return Decision.deny(who + "; " + action + " needs " + needed.name().toLowerCase() + " control");
  }

  private static Decision ownerChange(Principal p, Action action, Resource.OwnerChange o) {
    if (action != Action.CREATE_CONFERENCE && action != Action.CHANGE_OWNER) {
      return notApplicable(action, "owner change of conference '" + o.conference().conferenceId() + "'");
    }
    PrivilegeLevel level = p.findPrivilege().orElse(null);
    if (level == null) {
      return Decision.deny("'" + p.username() + "' has no conference privilege level");
    }
    String target = o.newOwner() == null ? "none" : "'" + o.newOwner() + "' (" + o.newOwnerLevel().label() + ")";
    if (action == Action.CREATE_CONFERENCE) {
      if (!level.canOwn()) {
        return Decision.deny("'" + p.username() + "' (" + level.label() + ") cannot create or own conferences");
      }
      boolean self = p.username().equals(o.newOwner());
      if (!self && !level.canChangeOwner()) {
        return Decision.deny("'" + p.username() + "' (" + level.label() + ") may create conferences owned by themselves only, not by "
            + target + "; choosing another owner needs administrator or conference creation and full control");
      }
      if (o.newOwner() != null && !o.newOwnerLevel().canOwn()) {
        return Decision.deny("initial owner " + target + " cannot own conferences; choose a user with conference creation rights or none");
      }
      return Decision.allow("'" + p.username() + "' (" + level.label() + ") may create a conference owned by " + target);
    }
    if (!level.canChangeOwner()) {
      return Decision.deny("'" + p.username() + "' (" + level.label() + ") may not change conference owners; that needs "
          + "administrator or conference creation and full control");
    }
    if (o.newOwner() != null && !o.newOwnerLevel().canOwn()) {
      return Decision.deny("new owner " + target + " cannot own conferences; choose a user with conference creation rights or none");
    }
    return Decision.allow("'" + p.username() + "' (" + level.label() + ") may change the owner of conference '"
        + o.conference().conferenceId() + "' to " + target);
  }

  private static Decision meeting(Principal p, Action action, Resource.Meeting m) {
    MeetingRole needed = action.requiredMeetingRole();
    if (needed == null) {
      return notApplicable(action, "meeting '" + m.permissions().meetingId() + "'");
    }
    MeetingPermissions.Resolution r = m.permissions().resolveMeeting(m.organization(), p.username());
    return judge(action, needed, r, "meeting '" + m.permissions().meetingId() + "'");
  }

  private static Decision section(Principal p, Action action, Resource.AgendaSection s) {
    MeetingRole needed = action.requiredMeetingRole();
    if (needed == null || action == Action.EDIT_MEETING_DETAILS) {
      return notApplicable(action, "agenda section '" + s.section() + "' (meeting details are edited on the meeting)");
    }
    MeetingPermissions.Resolution r;
    try {
      r = s.permissions().resolveSection(s.organization(), p.username(), s.section());
    } catch (PermissionException e) {
      return Decision.deny(e.getMessage());
    }
    return judge(action, needed, r, "section '" + s.section() + "'");
  }

  private static Decision judge(Action action, MeetingRole needed, MeetingPermissions.Resolution r, String where) {
    String has = r.role() == null ? "no access" : r.role().toString();
    if (r.role() != null && r.role().atLeast(needed)) {
      return Decision.allow(r.reason() + "; " + has + " on " + where + " allows " + action + " (needs " + needed + ")");
    }
    return Decision.deny(r.reason() + "; " + has + " on " + where + " does not allow " + action + " (needs " + needed + ")");
  }

  private static Decision notApplicable(Action action, String what) {
    return Decision.deny(action + " does not apply to " + what);
  }
}
