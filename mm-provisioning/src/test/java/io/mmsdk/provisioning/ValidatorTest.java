package io.mmsdk.provisioning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ValidatorTest {

  private static LdapServer server(String name) {
    return LdapServer.builder().name(name).address("ldap.example.com").bindDn("cn=bind,dc=example,dc=com")
        .passwordRef("env:PW").build();
  }

  private static UserImport.Builder staff() {
    return UserImport.builder().name("staff").server("corp").baseDn("dc=example,dc=com")
        .filter("(objectClass=person)").loginNameMapping("$uid$@example.com").displayNameMapping("$cn$");
  }

  private static Set<String> paths(ValidationResult r) {
    return r.errors().stream().map(ValidationError::path).collect(Collectors.toSet());
  }

  private static String messageAt(ValidationResult r, String path) {
    return r.errors().stream().filter(e -> e.path().equals(path)).map(ValidationError::message)
        .findFirst().orElseThrow(() -> new AssertionError("no error at " + path + ": " + r.describe()));
  }

  @Test
  void validate_sample_isValid() {
    assertTrue(Fixtures.sample().validate().isValid());
  }

  @Test
  void validate_brokenFilter_pointsAtTheImportFilter() {
    DesiredState s = DesiredState.builder().addLdapServer(server("corp"))
        .addUserImport(staff().build())
        .addUserImport(staff().name("b").filter("(objectClass=person").build())
        .addUserImport(staff().name("c").filter("(&(a=1)(b=2)").build())
        .build();
    ValidationResult r = s.validate();
    assertEquals(Set.of("userImports[1].filter", "userImports[2].filter"), paths(r));
    assertTrue(messageAt(r, "userImports[1].filter").contains("(objectClass=person"));
  }

  @Test
  void validate_mappingTypos_collectsEveryError() {
    DesiredState s = DesiredState.builder().addLdapServer(server("corp"))
        .addUserImport(staff().loginNameMapping("$samaccountname$@example.com")
            .displayNameMapping("$cn").build())
        .addUserImport(staff().name("x").loginNameMapping("$uid$").displayNameMapping("Bob").build())
        .build();
    ValidationResult r = s.validate();
    assertTrue(messageAt(r, "userImports[0].loginNameMapping").contains("did you mean 'sAMAccountName'"));
    assertTrue(messageAt(r, "userImports[0].displayNameMapping").contains("not closed"));
    assertTrue(messageAt(r, "userImports[1].loginNameMapping").contains("no domain"));
    assertTrue(messageAt(r, "userImports[1].displayNameMapping").contains("uses no LDAP attribute"));
    assertEquals(4, r.errors().size(), r.describe());
  }

  @Test
  void validate_regexTransformTypo_isReported() {
    DesiredState s = DesiredState.builder().addLdapServer(server("corp"))
        .addUserImport(staff().displayNameMapping("$cn|'/(x/y/'$").build()).build();
    assertTrue(messageAt(s.validate(), "userImports[0].displayNameMapping").contains("regular expression"));
  }

  @Test
  void validate_portsAndDuplicates_areReported() {
    DesiredState s = DesiredState.builder()
        .addLdapServer(LdapServer.builder().name("corp").address("a").port(0).build())
        .addLdapServer(LdapServer.builder().name("corp").address("b").port(70000).build())
        .addUserImport(staff().build())
        .addUserImport(staff().build())
        .addUserImport(staff().name("y").server("nope").build())
        .build();
    ValidationResult r = s.validate();
    assertEquals(Set.of("ldapServers[0].port", "ldapServers[1].port", "ldapServers[1].name",
        "userImports[1].name", "userImports[2].server"), paths(r), r.describe());
  }

  @Test
  void validate_uriGenerators_needExactlyOneDollarAndAllowedCharacters() {
    SpaceTemplate t = SpaceTemplate.builder().name("t").roleDistinction(RoleDistinction.UNIQUE_URI)
        .addRole(Role.builder().name("a").uriGenerator("$.host.$").build())
        .addRole(Role.builder().name("b").uriGenerator("guest").build())
        .addRole(Role.builder().name("c").uriGenerator("$ host").build())
        .addRole(Role.builder().name("d").build())
        .addRole(Role.builder().name("e").uriGenerator("$.x").build())
        .addRole(Role.builder().name("f").uriGenerator("$.x").build())
        .build();
    ValidationResult r = DesiredState.builder().addSpaceTemplate(t).build().validate();
    assertTrue(messageAt(r, "spaceTemplates[0].roles[0].uriGenerator").contains("contains 2 '$'"));
    assertTrue(messageAt(r, "spaceTemplates[0].roles[1].uriGenerator").contains("contains 0 '$'"));
    assertTrue(messageAt(r, "spaceTemplates[0].roles[2].uriGenerator").contains("may only contain"));
    assertTrue(messageAt(r, "spaceTemplates[0].roles[3].uriGenerator").contains("is required"));
    assertTrue(messageAt(r, "spaceTemplates[0].roles[5].uriGenerator").contains("another role"));
  }

  @Test
  void validate_passcodeRules_onlyOneRoleWithoutPasscodeWhenSharingUri() {
    SpaceTemplate t = SpaceTemplate.builder().name("t")
        .addRole(Role.builder().name("a").minPasscodeLength(0).build())
        .addRole(Role.builder().name("b").minPasscodeLength(0).uriGenerator("$.b").build())
        .addRole(Role.builder().name("c").minPasscodeLength(-1).build())
        .build();
    ValidationResult r = DesiredState.builder().addSpaceTemplate(t).build().validate();
    assertTrue(messageAt(r, "spaceTemplates[0].roles[1].minPasscodeLength").contains("4 character"));
    assertTrue(messageAt(r, "spaceTemplates[0].roles[1].uriGenerator").contains("UNIQUE_URI"));
    assertTrue(messageAt(r, "spaceTemplates[0].roles[2].minPasscodeLength").contains("negative"));
    assertEquals(3, r.errors().size(), r.describe());
  }

  @Test
  void validate_spaceWideOverridesDisagree_pointsAtTheSecondRole() {
    SpaceTemplate t = SpaceTemplate.builder().name("t")
        .addRole(Role.builder().name("a").minPasscodeLength(4)
            .overrides(RoleOverrides.builder().maximumParticipants(10).build()).build())
        .addRole(Role.builder().name("b").minPasscodeLength(6)
            .overrides(RoleOverrides.builder().maximumParticipants(20)
                .passcodeTimeout(Duration.ofMillis(1500)).build()).build())
        .build();
    ValidationResult r = DesiredState.builder().addSpaceTemplate(t).build().validate();
    assertTrue(messageAt(r, "spaceTemplates[0].roles[1].overrides.maximumParticipants").contains("once per space"));
    assertTrue(messageAt(r, "spaceTemplates[0].roles[1].overrides.passcodeTimeout").contains("whole seconds"));
  }

  @Test
  void validate_rulesAndSchedule_checkReferences() {
    DesiredState s = DesiredState.builder().addLdapServer(server("corp")).addUserImport(staff().build())
        .addAutoSpaceRule(AutoSpaceRule.builder().userImport("staff").spaceNameMapping("$cn$")
            .uriUserPartMapping("$uid$").template("missing").build())
        .addAutoSpaceRule(AutoSpaceRule.builder().userImport("staff").spaceNameMapping("$cn$")
            .uriUserPartMapping("$uid$").template("missing").build())
        .addSpaceCreationRule(new SpaceCreationRule("nobody", "(bad", "missing"))
        .syncSchedule(new SyncSchedule("", Set.of(), null, null))
        .build();
    ValidationResult r = s.validate();
    assertEquals(Set.of("autoSpaceRules[0].template", "autoSpaceRules[1].template",
        "autoSpaceRules[1].filter", "spaceCreationRules[0].userImport", "spaceCreationRules[0].filter",
        "spaceCreationRules[0].template", "syncSchedule.callBridge", "syncSchedule.days",
        "syncSchedule.timeOfDay"), paths(r), r.describe());
  }

  @Test
  void translate_invalidState_throwsWithEveryError() {
    DesiredState s = DesiredState.builder().addUserImport(staff().build()).build();
    InvalidDesiredStateException e =
        assertThrows(InvalidDesiredStateException.class, () -> CmsTranslation.translate(s));
    assertEquals(List.of("userImports[0].server"), e.result().errors().stream().map(ValidationError::path).toList());
    assertTrue(e.getMessage().contains("userImports[0].server"));
  }

  @Test
  void validate_blankImportName_isGeneratedFromSettings() {
    UserImport u = staff().build();
    UserImport unnamed = new UserImport(" ", u.server(), u.baseDn(), u.filter(), u.loginNameMapping(),
        u.displayNameMapping(), false);
    assertEquals("corp dc=example,dc=com (objectClass=person)", unnamed.effectiveName());
    assertTrue(DesiredState.builder().addLdapServer(server("corp")).addUserImport(unnamed)
        .syncSchedule(new SyncSchedule("cb1", Set.of(DayOfWeek.MONDAY), java.time.LocalTime.NOON, null))
        .build().validate().isValid());
  }
}
