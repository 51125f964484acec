package io.mmsdk.admin.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RoleAndTagAccessTest {

  private static Set<String> tags(String s) {
    return s.isBlank() ? Set.of() : Arrays.stream(s.split(" ")).collect(Collectors.toSet());
  }

  @ParameterizedTest(name = "{0} tags[{1}] {2} space[{3}] -> {4}")
  @CsvSource({
    // role,          principal tags, action,          space tags,   allowed, reason contains
    "ADMINISTRATOR,   '',             VIEW_MEETINGS,   'emea',       true,  administrator",
    "ADMINISTRATOR,   '',             MANAGE_MEETINGS, '',           true,  administrator",
    "VIDEO_OPERATOR,  '',             VIEW_MEETINGS,   'emea',       true,  has no tags",
    "VIDEO_OPERATOR,  '',             MANAGE_MEETINGS, '',           true,  has no tags",
    "VIDEO_OPERATOR,  'emea',         VIEW_MEETINGS,   'emea apac',  true,  shares tag(s) [emea]",
    "VIDEO_OPERATOR,  'emea board',   MANAGE_MEETINGS, 'board',      true,  shares tag(s) [board]",
    "VIDEO_OPERATOR,  'emea',         VIEW_MEETINGS,   'apac',       false, carries none of them",
    "VIDEO_OPERATOR,  'emea',         MANAGE_MEETINGS, '',           false, carries none of them",
    "VIDEO_OPERATOR,  'EMEA',         VIEW_MEETINGS,   'emea',       false, carries none of them",
    "ADMINISTRATOR,   '',             ADMINISTER,      'x',          false, does not apply",
    "VIDEO_OPERATOR,  'emea',         END_CONFERENCE,  'emea',       false, does not apply",
  })
  void decide_space_followsRoleAndTags(Role role, String ptags, Action action, String stags, boolean allowed, String reason) {
    Principal p = Principal.builder("u1", role).tags(tags(ptags)).build();
    Decision d = AccessControl.decide(p, action, new Resource.Space("space-1", tags(stags)));
    assertEquals(allowed, d.allowed(), d.toString());
    assertTrue(d.reason().contains(reason), d.reason());
  }

  @ParameterizedTest
  @CsvSource({
    "ADMINISTRATOR,  ADMINISTER,    true,  administrator and may administer users",
    "VIDEO_OPERATOR, ADMINISTER,    false, only administrators may administer users",
    "ADMINISTRATOR,  VIEW_MEETINGS, false, does not apply",
  })
  void decide_administration_adminsOnly(Role role, Action action, boolean allowed, String reason) {
    Decision d = AccessControl.decide(Principal.builder("u1", role).build(), action, new Resource.Administration("users"));
    assertEquals(allowed, d.allowed(), d.toString());
    assertTrue(d.reason().contains(reason), d.reason());
  }
}
