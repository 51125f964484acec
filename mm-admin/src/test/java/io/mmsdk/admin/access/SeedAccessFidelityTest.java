package io.mmsdk.admin.access;

import static io.mmsdk.admin.access.MeetingRole.CONTRIBUTOR;
import static io.mmsdk.admin.access.MeetingRole.EXCLUDE;
import static io.mmsdk.admin.access.MeetingRole.READER;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Access rules of seeds 002 and 003 that the first model got wrong or left out. */
class SeedAccessFidelityTest {
  private static final Organization ORG = new Organization(Set.of("ann", "ben", "cat"),
      Map.of("board", Set.of("ann", "ben")));

  /**
   * Seed 003: "Exclude: No ability to see the meeting. This overrides any access the user may have
   * through groups as well." A group grant on a sub-section does not beat an individual Exclude on
   * its parent section.
   */
  @Test
  void individualExcludeOnParentSection_beatsGroupGrantOnSubSection() {
    MeetingPermissions p = MeetingPermissions.create("m1")
        .grantUser(ORG, "ann", READER).grantUser(ORG, "ben", READER)
        .grantSectionUser(ORG, "Finance", "ann", EXCLUDE)
        .grantSectionGroup(ORG, "Finance/Q1", "board", CONTRIBUTOR);
    assertEquals(Optional.of(EXCLUDE), p.effectiveRole(ORG, "ann", "Finance/Q1"));
    assertEquals(Optional.of(CONTRIBUTOR), p.effectiveRole(ORG, "ben", "Finance/Q1"));
    // an individual grant closer to the section is still the user's own, more specific choice
    MeetingPermissions own = p.grantSectionUser(ORG, "Finance/Q1", "ann", READER);
    assertEquals(Optional.of(READER), own.effectiveRole(ORG, "ann", "Finance/Q1"));
  }

  /**
   * Seed 003: "clicking the + icon next to the user's name to grant basic Reader access" and "click
   * the + icon next to any of them [groups] to grant basic Reader access".
   */
  @Test
  void addingWithoutRole_grantsBasicReader() {
    MeetingPermissions p = MeetingPermissions.create("m1").grantUser(ORG, "cat")
        .grantGroup(ORG, "board").grantSectionUser(ORG, "Finance", "cat");
    assertEquals(Optional.of(READER), p.effectiveRole(ORG, "cat"));
    assertEquals(Optional.of(READER), p.effectiveRole(ORG, "ann"));
    assertEquals(Optional.of(READER), p.effectiveRole(ORG, "cat", "Finance"));
  }

  /** Seed 003: section-level permissions "grant/remove special access"; group grants too. */
  @Test
  void groupAndSectionGrants_canBeRemoved() {
    MeetingPermissions p = MeetingPermissions.create("m1")
        .grantGroup(ORG, "board", READER)
        .grantSectionGroup(ORG, "Finance", "board", CONTRIBUTOR)
        .grantSectionUser(ORG, "Legal", "ann", EXCLUDE);
    MeetingPermissions noSection = p.revokeSectionGroup("Finance", "board")
        .revokeSectionUser("Legal", "ann");
    assertEquals(Optional.of(READER), noSection.effectiveRole(ORG, "ann", "Finance"));
    assertEquals(Optional.of(READER), noSection.effectiveRole(ORG, "ann", "Legal"));
    assertEquals(Optional.empty(), noSection.revokeGroup("board").effectiveRole(ORG, "ann"));
  }

  /**
   * Seed 002, no control: "either the list of scheduled conferences will not be shown to the user,
   * or the list will be shown but conferences over which the user has no control will be presented
   * as names rather than hyperlinks."
   */
  @Test
  void conferenceList_noControlShownAsName_noPrivilegeHidden() {
    Resource.Conference theirs = Resource.Conference.ownedBy("c1", "ben");
    Principal listOnly = Principal.builder("ann", Role.VIDEO_OPERATOR)
        .privilege(PrivilegeLevel.CONFERENCE_LIST_ONLY).build();
    Principal creator = Principal.builder("ann", Role.VIDEO_OPERATOR)
        .privilege(PrivilegeLevel.CONFERENCE_CREATION).build();
    Principal limited = Principal.builder("ann", Role.VIDEO_OPERATOR)
        .privilege(PrivilegeLevel.CONFERENCE_CREATION_AND_LIMITED_CONTROL).build();
    Principal none = Principal.builder("ann", Role.VIDEO_OPERATOR).build();
    assertEquals(ConferenceListEntry.NAME_ONLY, AccessControl.listEntry(listOnly, theirs));
    assertEquals(ConferenceListEntry.NAME_ONLY, AccessControl.listEntry(creator, theirs));
    assertEquals(ConferenceListEntry.LINK,
        AccessControl.listEntry(creator, Resource.Conference.ownedBy("c2", "ann")));
    assertEquals(ConferenceListEntry.LINK, AccessControl.listEntry(limited, theirs));
    assertEquals(ConferenceListEntry.HIDDEN, AccessControl.listEntry(none, theirs));
  }
}
