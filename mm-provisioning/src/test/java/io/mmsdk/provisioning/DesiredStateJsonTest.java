package io.mmsdk.provisioning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DesiredStateJsonTest {

  @Test
  void fromJson_sampleFile_readsEverySection() {
    DesiredState s = Fixtures.sample();
    assertEquals(1, s.ldapServers().size());
    assertEquals(636, s.ldapServers().get(0).effectivePort());
    assertTrue(s.ldapServers().get(0).usesPagedResults());
    assertEquals(2, s.userImports().size());
    assertEquals("$cn$'s space", s.autoSpaceRules().get(0).spaceNameMapping());
    SpaceTemplate hg = s.spaceTemplates().get(1);
    assertEquals(RoleDistinction.UNIQUE_URI, hg.roleDistinction());
    assertEquals(Duration.ofSeconds(30), hg.roles().get(1).overrides().passcodeTimeout());
    assertEquals(LocalTime.of(2, 30), s.syncSchedule().timeOfDay());
    assertTrue(s.validate().isValid(), s.validate().describe());
  }

  @Test
  void toJson_roundTrip_isEqual(@TempDir Path dir) {
    DesiredState s = Fixtures.sample();
    Path file = dir.resolve("state.json");
    DesiredStateJson.write(s, file);
    assertEquals(s, DesiredStateJson.read(file));
  }

  @Test
  void fromJson_wrongType_namesThePath() {
    ProvisioningException e = assertThrows(ProvisioningException.class,
        () -> DesiredStateJson.fromJson("{\"ldapServers\": [{\"port\": \"abc\"}]}"));
    assertTrue(e.getMessage().contains("$.ldapServers[0].port"), e.getMessage());
  }

  @Test
  void fromJson_badDuration_saysTheExpectedForm() {
    ProvisioningException e = assertThrows(ProvisioningException.class,
        () -> DesiredStateJson.fromJson("{\"spaceTemplates\": [{\"spaceOverrides\": "
            + "{\"passcodeTimeout\": \"30 seconds\"}}]}"));
    assertTrue(e.getMessage().contains("PT30S"), e.getMessage());
  }

  @Test
  void fromJson_notJson_saysNotWellFormed() {
    ProvisioningException e = assertThrows(ProvisioningException.class,
        () -> DesiredStateJson.fromJson("{ldapServers: ["));
    assertTrue(e.getMessage().contains("not well-formed") || e.getMessage().contains("unexpected"),
        e.getMessage());
  }

  @Test
  void fromJson_nullListElement_typedErrorNotAssertionError() {
    for (String list : java.util.List.of("ldapServers", "userImports", "autoSpaceRules", "spaceCreationRules",
        "spaceTemplates")) {
      ProvisioningException e = assertThrows(ProvisioningException.class,
          () -> DesiredStateJson.fromJson("{\"" + list + "\":[null]}"), list);
      assertTrue(e.getMessage().contains("null"), e.getMessage());
    }
  }
}
