package io.mmsdk.meetings.control;

import io.mmsdk.admin.access.AccessControl;
import io.mmsdk.admin.access.Action;
import io.mmsdk.admin.access.Decision;
import io.mmsdk.admin.access.Principal;
import io.mmsdk.admin.access.Resource;
import java.util.Objects;

/**
 * The access rules a control passes before anything is sent: roles and space tags for everyone,
 * then, for principals with an MCU privilege level, conference ownership for the control's seed
 * 002 operation. Pure apart from the host's {@link ConferenceOwners}.
 */
final class ControlPolicy {
  private final ConferenceOwners owners;

  ControlPolicy(ConferenceOwners owners) {
    this.owners = Objects.requireNonNull(owners, "owners == null");
  }

  /**
   * Checks {@code actor} may run {@code verb} (seed 002 operation {@code ownershipAction}) on the
   * meeting in {@code scope}, managing (or, for reads, viewing) its meetings.
   *
   * @return the reasons, for the audit trail
   * @throws ControlRefusedException naming the rule that refused
   */
  String check(Principal actor, String verb, String target, MeetingScope scope, Action tagAction, Action ownershipAction) {
    Decision tags = AccessControl.decide(actor, tagAction, new Resource.Space(scope.accessId(), scope.tags()));
    if (tags.denied()) {
      throw new ControlRefusedException(ControlRefusedException.Rule.ROLE_AND_TAGS, verb, target, tags);
    }
    if (actor.findPrivilege().isEmpty()) {
      return tags.reason();
    }
    String owner = owners.findOwner(scope).orElse(null);
    Decision ownership = AccessControl.decide(actor, ownershipAction,
        new Resource.Conference(scope.accessId(), owner));
    if (ownership.denied()) {
      throw new ControlRefusedException(ControlRefusedException.Rule.CONFERENCE_OWNERSHIP, verb, target, ownership);
    }
    return tags.reason() + "; " + ownership.reason();
  }
}
