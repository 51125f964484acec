package io.mmsdk.admin.access;

import static io.mmsdk.admin.access.MeetingRole.ADMIN;
import static io.mmsdk.admin.access.MeetingRole.CONTRIBUTOR;
import static io.mmsdk.admin.access.MeetingRole.EXCLUDE;
import static io.mmsdk.admin.access.MeetingRole.READER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every rule and section-override edge of the meeting / agenda-section permission model. */
class MeetingPermissionAccessTest {
  private static final Organization ORG = new Organization(
      Set.of("ann", "ben", "cat", "dan", "eve", "fay"),
      Map.of("board", Set.of("ann", "ben", "cat"), "staff", Set.of("cat", "dan")));

  private static Decision decide(String user, Action action, MeetingPermissions p, Organization org, String section) {
    Principal who = Principal.builder(user, Role.VIDEO_OPERATOR).build();
    Resource r = section == null ? new Resource.Meeting(p, org) : new Resource.AgendaSection(p, org, section);
    return AccessControl.decide(who, action, r);
  }

  @ParameterizedTest(name = "meeting {0}: {1} -> {2}")
  @CsvSource({
    "READER,      VIEW_CONTENT,         true",
    "READER,      EDIT_AGENDA,          false",
    "READER,      UPLOAD_DOCUMENT,      false",
    "READER,      EDIT_MEETING_DETAILS, false",
    "READER,      MANAGE_PERMISSIONS,   false",
    "CONTRIBUTOR, VIEW_CONTENT,         true",
    "CONTRIBUTOR, EDIT_AGENDA,          true",
    "CONTRIBUTOR, UPLOAD_DOCUMENT,      true",
    "CONTRIBUTOR, EDIT_MEETING_DETAILS, false",
    "CONTRIBUTOR, MANAGE_PERMISSIONS,   false",
    "ADMIN,       VIEW_CONTENT,         true",
    "ADMIN,       EDIT_AGENDA,          true",
    "ADMIN,       UPLOAD_DOCUMENT,      true",
    "ADMIN,       EDIT_MEETING_DETAILS, true",
    "ADMIN,       MANAGE_PERMISSIONS,   true",
    "EXCLUDE,     VIEW_CONTENT,         false",
    "EXCLUDE,     EDIT_AGENDA,          false",
  })
  void decide_individualMeetingRole_actionsPerRole(MeetingRole role, Action action, boolean allowed) {
    MeetingPermissions p = MeetingPermissions.create("m1").grantUser(ORG, "eve", role);
    Decision d = decide("eve", action, p, ORG, null);
    assertEquals(allowed, d.allowed(), d.toString());
    assertTrue(d.reason().contains("individual grant " + role), d.reason());
  }

  @Test
  void decide_noGrant_noAccessUntilGranted() {
    MeetingPermissions p = MeetingPermissions.create("m1");
    Decision d = decide("eve", Action.VIEW_CONTENT, p, ORG, null);
    assertTrue(d.denied());
    assertTrue(d.reason().contains("no grant on meeting 'm1'"), d.reason());
    assertTrue(decide("zed", Action.VIEW_CONTENT, p, ORG, null).reason().contains("not a member"));
  }

  @Test
  void grantGroup_membersGetRoleHighestGroupWins() {
    MeetingPermissions p = MeetingPermissions.create("m1")
        .grantGroup(ORG, "board", READER).grantGroup(ORG, "staff", CONTRIBUTOR);
    assertEquals(Optional.of(READER), p.effectiveRole(ORG, "ann"));
    assertEquals(Optional.of(CONTRIBUTOR), p.effectiveRole(ORG, "cat"));
    assertEquals(Optional.empty(), p.effectiveRole(ORG, "eve"));
    assertTrue(decide("cat", Action.EDIT_AGENDA, p, ORG, null).reason().contains("group 'staff' grants CONTRIBUTOR"));
  }

  @Test
  void grantGroup_exclude_rejected() {
    PermissionException e = assertThrows(PermissionException.class,
        () -> MeetingPermissions.create("m1").grantGroup(ORG, "board", EXCLUDE));
    assertTrue(e.getMessage().contains("Groups cannot be given EXCLUDE"), e.getMessage());
    assertThrows(PermissionException.class, () -> MeetingPermissions.create("m1").grantSectionGroup(ORG, "A", "board", EXCLUDE));
    assertThrows(PermissionException.class, () -> MeetingPermissions.create("m1").grantGroup(ORG, "nogroup", READER));
  }

  @Test
  void grantUser_individualBeatsGroupEvenWhenLower() {
    MeetingPermissions p = MeetingPermissions.create("m1").grantGroup(ORG, "board", ADMIN).grantUser(ORG, "ann", READER);
    assertEquals(Optional.of(READER), p.effectiveRole(ORG, "ann"));
    assertEquals(Optional.of(ADMIN), p.effectiveRole(ORG, "ben"));
    assertFalse(decide("ann", Action.EDIT_AGENDA, p, ORG, null).allowed());
  }

  @Test
  void grantUser_excludeBeatsAnyGroupGrant() {
    MeetingPermissions p = MeetingPermissions.create("m1").grantGroup(ORG, "board", ADMIN).grantUser(ORG, "ann", EXCLUDE);
    Decision d = decide("ann", Action.VIEW_CONTENT, p, ORG, null);
    assertTrue(d.denied());
    assertTrue(d.reason().contains("EXCLUDE beats any group grant"), d.reason());
    assertTrue(decide("ann", Action.VIEW_CONTENT, p, ORG, "Finance").denied());
  }

  @Test
  void revokeUser_groupGrantAppliesAgain() {
    MeetingPermissions p = MeetingPermissions.create("m1").grantGroup(ORG, "board", CONTRIBUTOR)
        .grantUser(ORG, "ann", EXCLUDE).revokeUser("ann");
    assertEquals(Optional.of(CONTRIBUTOR), p.effectiveRole(ORG, "ann"));
  }

  @Test
  void grantUser_nonMember_rejectedAskingToInvite() {
    PermissionException e = assertThrows(PermissionException.class,
        () -> MeetingPermissions.create("m1").grantUser(ORG, "zed", READER));
    assertTrue(e.getMessage().contains("invite"), e.getMessage());
  }

  @Test
  void invite_newPerson_joinsOrganizationWithMeetingGrant() {
    MeetingPermissions.Invitation inv = MeetingPermissions.create("m1").invite(ORG, "zed", CONTRIBUTOR);
    assertTrue(inv.organization().isMember("zed"));
    assertFalse(ORG.isMember("zed"));
    assertEquals(Optional.of(CONTRIBUTOR), inv.permissions().effectiveRole(inv.organization(), "zed"));
    assertThrows(PermissionException.class, () -> MeetingPermissions.create("m1").invite(ORG, "ann", READER));
    assertThrows(PermissionException.class, () -> MeetingPermissions.create("m1").invite(ORG, "new", EXCLUDE));
  }

  // ---- agenda sections ----

  @ParameterizedTest(name = "meeting {0}, section grant {1} -> section role {2}")
  @CsvSource({
    // meeting role, section grant, effective on section
    "READER,      READER,      READER",
    "READER,      CONTRIBUTOR, CONTRIBUTOR",
    "READER,      ADMIN,       ADMIN",
    "READER,      EXCLUDE,     EXCLUDE",
    "CONTRIBUTOR, CONTRIBUTOR, CONTRIBUTOR",
    "CONTRIBUTOR, ADMIN,       ADMIN",
    "ADMIN,       ADMIN,       ADMIN",
  })
  void grantSectionUser_overridesMeetingWhereAllowed(MeetingRole meeting, MeetingRole section, MeetingRole expected) {
    MeetingPermissions p = MeetingPermissions.create("m1").grantUser(ORG, "eve", meeting)
        .grantSectionUser(ORG, "Finance", "eve", section);
    assertEquals(Optional.of(expected), p.effectiveRole(ORG, "eve", "Finance"));
    assertEquals(Optional.of(expected), p.effectiveRole(ORG, "eve", "Finance/Q1/Budget"), "applies to sub-sections");
    assertEquals(Optional.of(meeting), p.effectiveRole(ORG, "eve", "Legal"), "other sections keep the meeting grant");
    assertEquals(Optional.of(meeting), p.effectiveRole(ORG, "eve"), "meeting grant unchanged");
  }

  @ParameterizedTest(name = "meeting {0}, section grant {1} -> rejected: {2}")
  @CsvSource({
    "CONTRIBUTOR, READER,  cannot be downgraded",
    "CONTRIBUTOR, EXCLUDE, cannot be excluded",
    "ADMIN,       READER,  cannot be downgraded",
    "ADMIN,       CONTRIBUTOR, cannot be downgraded",
    "ADMIN,       EXCLUDE, cannot be excluded",
  })
  void grantSectionUser_downgradeOrExcludeMeetingAdminContributor_rejected(MeetingRole meeting, MeetingRole section, String why) {
    MeetingPermissions p = MeetingPermissions.create("m1").grantUser(ORG, "eve", meeting);
    PermissionException e = assertThrows(PermissionException.class, () -> p.grantSectionUser(ORG, "Finance", "eve", section));
    assertTrue(e.getMessage().contains(why), e.getMessage());
  }

  @Test
  void grantSectionUser_withoutMeetingReader_rejected() {
    PermissionException none = assertThrows(PermissionException.class,
        () -> MeetingPermissions.create("m1").grantSectionUser(ORG, "Finance", "eve", ADMIN));
    assertTrue(none.getMessage().contains("at least READER on the meeting"), none.getMessage());
    MeetingPermissions excluded = MeetingPermissions.create("m1").grantUser(ORG, "eve", EXCLUDE);
    assertThrows(PermissionException.class, () -> excluded.grantSectionUser(ORG, "Finance", "eve", READER));
    MeetingPermissions viaGroup = MeetingPermissions.create("m1").grantGroup(ORG, "staff", READER);
    assertEquals(Optional.of(ADMIN), viaGroup.grantSectionUser(ORG, "Finance", "dan", ADMIN).effectiveRole(ORG, "dan", "Finance"));
  }

  @Test
  void sectionGroupGrant_lowerThanMeetingAdmin_ignoredWithReason() {
    MeetingPermissions p = MeetingPermissions.create("m1").grantUser(ORG, "ann", ADMIN).grantUser(ORG, "ben", CONTRIBUTOR)
        .grantUser(ORG, "cat", READER).grantSectionGroup(ORG, "Finance", "board", READER);
    assertEquals(Optional.of(ADMIN), p.effectiveRole(ORG, "ann", "Finance"));
    assertEquals(Optional.of(CONTRIBUTOR), p.effectiveRole(ORG, "ben", "Finance"));
    assertEquals(Optional.of(READER), p.effectiveRole(ORG, "cat", "Finance"));
    Decision d = decide("ann", Action.MANAGE_PERMISSIONS, p, ORG, "Finance");
    assertTrue(d.allowed(), d.toString());
    assertTrue(d.reason().contains("cannot be downgraded or excluded"), d.reason());
  }

  @Test
  void sectionGroupGrant_upgradesMeetingReaders() {
    MeetingPermissions p = MeetingPermissions.create("m1").grantGroup(ORG, "board", READER)
        .grantSectionGroup(ORG, "Finance", "board", CONTRIBUTOR);
    assertTrue(decide("ann", Action.UPLOAD_DOCUMENT, p, ORG, "Finance/Q1").allowed());
    assertFalse(decide("ann", Action.UPLOAD_DOCUMENT, p, ORG, "Legal").allowed());
  }

  @Test
  void sectionGroupGrant_memberWithoutMeetingAccess_stillNoAccess() {
    MeetingPermissions p = MeetingPermissions.create("m1").grantSectionGroup(ORG, "Finance", "board", ADMIN);
    Decision d = decide("ann", Action.VIEW_CONTENT, p, ORG, "Finance");
    assertTrue(d.denied());
    assertTrue(d.reason().contains("need at least READER on the meeting"), d.reason());
  }

  @Test
  void sectionIndividualGrant_beatsSectionGroupGrant() {
    MeetingPermissions p = MeetingPermissions.create("m1").grantGroup(ORG, "board", READER)
        .grantSectionGroup(ORG, "Finance", "board", ADMIN).grantSectionUser(ORG, "Finance", "ann", READER);
    assertEquals(Optional.of(READER), p.effectiveRole(ORG, "ann", "Finance"));
    assertEquals(Optional.of(ADMIN), p.effectiveRole(ORG, "ben", "Finance"));
  }

  @Test
  void nestedSections_nearestGrantWins() {
    MeetingPermissions p = MeetingPermissions.create("m1").grantUser(ORG, "eve", READER)
        .grantSectionUser(ORG, "Finance", "eve", EXCLUDE)
        .grantSectionUser(ORG, "Finance/Public", "eve", READER);
    assertEquals(Optional.of(EXCLUDE), p.effectiveRole(ORG, "eve", "Finance"));
    assertEquals(Optional.of(EXCLUDE), p.effectiveRole(ORG, "eve", "Finance/Secret"));
    assertEquals(Optional.of(READER), p.effectiveRole(ORG, "eve", "Finance/Public/Slides"));
    Decision d = decide("eve", Action.VIEW_CONTENT, p, ORG, "Finance/Public/Slides");
    assertTrue(d.allowed());
    assertTrue(d.reason().contains("section 'Finance/Public' (inherited by 'Finance/Public/Slides')"), d.reason());
  }

  @Test
  void meetingUpgradeAfterSectionGrant_neverDowngraded() {
    MeetingPermissions p = MeetingPermissions.create("m1").grantUser(ORG, "eve", READER)
        .grantSectionUser(ORG, "Finance", "eve", EXCLUDE)
        .grantUser(ORG, "eve", CONTRIBUTOR);
    assertEquals(Optional.of(CONTRIBUTOR), p.effectiveRole(ORG, "eve", "Finance"));
  }

  @Test
  void decide_sectionActions_meetingDetailsNotOnSectionsAndBadPathDenied() {
    MeetingPermissions p = MeetingPermissions.create("m1").grantUser(ORG, "eve", ADMIN);
    assertTrue(decide("eve", Action.EDIT_MEETING_DETAILS, p, ORG, "Finance").denied());
    assertTrue(decide("eve", Action.MANAGE_PERMISSIONS, p, ORG, "Finance").allowed());
    assertTrue(decide("eve", Action.VIEW_CONTENT, p, ORG, "Finance//Q1").reason().contains("empty part"));
    assertTrue(decide("eve", Action.END_CONFERENCE, p, ORG, null).reason().contains("does not apply"));
  }
}
