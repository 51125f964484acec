package io.mmsdk.admin.access;

import static io.mmsdk.admin.access.PrivilegeLevel.ADMINISTRATOR;
import static io.mmsdk.admin.access.PrivilegeLevel.CONFERENCE_CREATION;
import static io.mmsdk.admin.access.PrivilegeLevel.CONFERENCE_CREATION_AND_FULL_CONTROL;
import static io.mmsdk.admin.access.PrivilegeLevel.CONFERENCE_CREATION_AND_LIMITED_CONTROL;
import static io.mmsdk.admin.access.PrivilegeLevel.CONFERENCE_DETAIL;
import static io.mmsdk.admin.access.PrivilegeLevel.CONFERENCE_LIST_ONLY;
import static io.mmsdk.admin.access.PrivilegeLevel.CONFERENCE_LIST_PLUS_STREAMING;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Walks every privilege level x (owner, other owner, owner none) x conference operation. */
class ConferenceOwnershipAccessTest {

  /** Operations the MCU guide lists under full control (plus everything under limited). */
  private static final List<Action> FULL_ONLY = List.of(
      Action.DISCONNECT_PARTICIPANT, Action.CONNECT_PARTICIPANT, Action.END_CONFERENCE,
      Action.VIEW_CONFIGURATION, Action.MODIFY_CONFIGURATION, Action.SEND_MESSAGE_TO_ALL,
      Action.CHANGE_CONFERENCE_LAYOUT);

  /** Operations the MCU guide lists under limited control. */
  private static final List<Action> LIMITED = List.of(
      Action.VIEW_PARTICIPANT_LIST, Action.MUTE_PARTICIPANT, Action.CHANGE_IMPORTANT_PARTICIPANT,
      Action.SET_PARTICIPANT_LAYOUT_CONTROL, Action.CONTROL_PARTICIPANT_VIDEO, Action.CONTROL_PARTICIPANT_CAMERA,
      Action.VIEW_AUDIO_STATUS, Action.SEND_MESSAGE_TO_PARTICIPANT, Action.VIEW_PARTICIPANT_STATISTICS);

  /** The guide's table, written out: level -> {control when owner, control when not owner}. */
  private static final Map<PrivilegeLevel, String[]> TABLE = Map.of(
      ADMINISTRATOR, new String[] {"full", "full"},
      CONFERENCE_CREATION_AND_FULL_CONTROL, new String[] {"full", "full"},
      CONFERENCE_CREATION_AND_LIMITED_CONTROL, new String[] {"full", "limited"},
      CONFERENCE_CREATION, new String[] {"full", "none"},
      CONFERENCE_DETAIL, new String[] {"none", "none"},
      CONFERENCE_LIST_PLUS_STREAMING, new String[] {"none", "none"},
      CONFERENCE_LIST_ONLY, new String[] {"none", "none"});

  static Stream<Arguments> matrix() {
    List<Arguments> out = new ArrayList<>();
    for (PrivilegeLevel level : PrivilegeLevel.values()) {
      for (String ownership : List.of("owner", "other", "none")) {
        String control = TABLE.get(level)[ownership.equals("owner") ? 0 : 1];
        for (Action a : FULL_ONLY) {
          out.add(Arguments.of(level, ownership, a, control.equals("full")));
        }
        for (Action a : LIMITED) {
          out.add(Arguments.of(level, ownership, a, !control.equals("none")));
        }
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0} {1} {2} -> {3}")
  @MethodSource("matrix")
  void decide_levelOwnershipOperation_matchesGuideTable(PrivilegeLevel level, String ownership, Action action, boolean allowed) {
    Principal alice = Principal.builder("alice", Role.VIDEO_OPERATOR).privilege(level).build();
    Resource.Conference c = switch (ownership) {
      case "owner" -> Resource.Conference.ownedBy("conf-1", "alice");
      case "other" -> Resource.Conference.ownedBy("conf-1", "bob");
      default -> Resource.Conference.unowned("conf-1");
    };
    Decision d = AccessControl.decide(alice, action, c);
    assertEquals(allowed, d.allowed(), d.toString());
    assertTrue(d.reason().contains(level.label()), d.reason());
    assertTrue(d.reason().contains(action.toString()), d.reason());
  }

  @Test
  void matrix_coversEveryLevelAndOperation() {
    assertEquals(7 * 3 * (FULL_ONLY.size() + LIMITED.size()), matrix().count());
    long conferenceActions = Stream.of(Action.values()).filter(a -> a.requiredControl() != null).count();
    assertEquals(FULL_ONLY.size() + LIMITED.size(), conferenceActions);
  }

  @Test
  void decide_noPrivilegeLevel_denied() {
    Decision d = AccessControl.decide(Principal.builder("x", Role.ADMINISTRATOR).build(), Action.END_CONFERENCE,
        Resource.Conference.ownedBy("c", "x"));
    assertTrue(d.denied());
    assertTrue(d.reason().contains("no conference privilege level"));
  }

  @ParameterizedTest(name = "{0} changes owner to {1}({2}) -> {3}")
  @CsvSource({
    // actor level,                              new owner, new owner level,                    allowed
    "ADMINISTRATOR,                              carol,     CONFERENCE_CREATION,                 true",
    "ADMINISTRATOR,                              carol,     CONFERENCE_CREATION_AND_LIMITED_CONTROL, true",
    "ADMINISTRATOR,                              carol,     ADMINISTRATOR,                       true",
    "ADMINISTRATOR,                              '',        '',                                  true",
    "ADMINISTRATOR,                              carol,     CONFERENCE_DETAIL,                   false",
    "ADMINISTRATOR,                              carol,     CONFERENCE_LIST_PLUS_STREAMING,      false",
    "ADMINISTRATOR,                              carol,     CONFERENCE_LIST_ONLY,                false",
    "CONFERENCE_CREATION_AND_FULL_CONTROL,       carol,     CONFERENCE_CREATION,                 true",
    "CONFERENCE_CREATION_AND_FULL_CONTROL,       '',        '',                                  true",
    "CONFERENCE_CREATION_AND_FULL_CONTROL,       carol,     CONFERENCE_DETAIL,                   false",
    "CONFERENCE_CREATION_AND_LIMITED_CONTROL,    carol,     CONFERENCE_CREATION,                 false",
    "CONFERENCE_CREATION_AND_LIMITED_CONTROL,    '',        '',                                  false",
    "CONFERENCE_CREATION,                        carol,     CONFERENCE_CREATION,                 false",
    "CONFERENCE_DETAIL,                          carol,     CONFERENCE_CREATION,                 false",
    "CONFERENCE_LIST_PLUS_STREAMING,             carol,     CONFERENCE_CREATION,                 false",
    "CONFERENCE_LIST_ONLY,                       '',        '',                                  false",
  })
  void decide_changeOwner_onlyFullLevelsToCreatorsOrNone(PrivilegeLevel actor, String newOwner, String newLevel, boolean allowed) {
    Principal alice = Principal.builder("alice", Role.ADMINISTRATOR).privilege(actor).build();
    Resource.Conference c = Resource.Conference.ownedBy("conf-1", "bob");
    Resource.OwnerChange change = newOwner.isEmpty()
        ? Resource.OwnerChange.toNone(c)
        : Resource.OwnerChange.to(c, newOwner, PrivilegeLevel.valueOf(newLevel));
    Decision d = AccessControl.decide(alice, Action.CHANGE_OWNER, change);
    assertEquals(allowed, d.allowed(), d.toString());
  }

  @ParameterizedTest(name = "{0} schedules owned by {1} -> {3}")
  @CsvSource({
    "ADMINISTRATOR,                           carol, CONFERENCE_CREATION, true",
    "ADMINISTRATOR,                           alice, ADMINISTRATOR,       true",
    "CONFERENCE_CREATION_AND_FULL_CONTROL,    carol, CONFERENCE_CREATION, true",
    "CONFERENCE_CREATION_AND_FULL_CONTROL,    carol, CONFERENCE_LIST_ONLY, false",
    "CONFERENCE_CREATION_AND_LIMITED_CONTROL, alice, CONFERENCE_CREATION_AND_LIMITED_CONTROL, true",
    "CONFERENCE_CREATION_AND_LIMITED_CONTROL, carol, CONFERENCE_CREATION, false",
    "CONFERENCE_CREATION,                     alice, CONFERENCE_CREATION, true",
    "CONFERENCE_CREATION,                     '',    '',                  false",
    "CONFERENCE_DETAIL,                       alice, CONFERENCE_DETAIL,   false",
    "CONFERENCE_LIST_PLUS_STREAMING,          alice, CONFERENCE_LIST_PLUS_STREAMING, false",
    "CONFERENCE_LIST_ONLY,                    alice, CONFERENCE_LIST_ONLY, false",
  })
  void decide_createConference_creatorsOnlyChoosingOwnerNeedsFull(PrivilegeLevel actor, String owner, String ownerLevel, boolean allowed) {
    Principal alice = Principal.builder("alice", Role.ADMINISTRATOR).privilege(actor).build();
    Resource.Conference c = Resource.Conference.unowned("new");
    Resource.OwnerChange change = owner.isEmpty()
        ? Resource.OwnerChange.toNone(c) : Resource.OwnerChange.to(c, owner, PrivilegeLevel.valueOf(ownerLevel));
    assertEquals(allowed, AccessControl.decide(alice, Action.CREATE_CONFERENCE, change).allowed());
  }

  @Test
  void ownership_userDeleted_ownerResetToNoneAndControlFollows() {
    ConferenceOwnership table = ConferenceOwnership.create();
    Principal admin = Principal.builder("root", Role.ADMINISTRATOR).privilege(ADMINISTRATOR).build();
    Principal bob = Principal.builder("bob", Role.VIDEO_OPERATOR).privilege(CONFERENCE_CREATION).build();
    table.schedule(bob, "c1", "bob", CONFERENCE_CREATION);
    table.schedule(admin, "c2", "bob", CONFERENCE_CREATION);
    table.schedule(admin, "c3", "carol", CONFERENCE_CREATION);
    assertTrue(AccessControl.decide(bob, Action.END_CONFERENCE, table.conference("c1")).allowed());

    assertEquals(List.of("c1", "c2"), table.userDeleted("bob"));
    assertTrue(table.findOwner("c1").isEmpty());
    assertEquals("carol", table.findOwner("c3").orElseThrow());
    Decision d = AccessControl.decide(bob, Action.END_CONFERENCE, table.conference("c1"));
    assertTrue(d.denied());
    assertTrue(d.reason().contains("owner: none"), d.reason());
  }

  @Test
  void ownership_changeOwnerDenied_throwsWithReasonAndKeepsOwner() {
    ConferenceOwnership table = ConferenceOwnership.create();
    Principal limited = Principal.builder("lim", Role.VIDEO_OPERATOR).privilege(CONFERENCE_CREATION_AND_LIMITED_CONTROL).build();
    table.schedule(limited, "c1", "lim", CONFERENCE_CREATION_AND_LIMITED_CONTROL);
    AccessDeniedException e = assertThrows(AccessDeniedException.class,
        () -> table.changeOwner(limited, "c1", null, null));
    assertTrue(e.getMessage().contains("may not change conference owners"), e.getMessage());
    assertEquals("lim", table.findOwner("c1").orElseThrow());
    Principal full = Principal.builder("boss", Role.ADMINISTRATOR).privilege(CONFERENCE_CREATION_AND_FULL_CONTROL).build();
    table.changeOwner(full, "c1", null, null);
    assertTrue(table.findOwner("c1").isEmpty());
  }
}
