package io.mmsdk.provisioning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mmsdk.cms.core.Form;
import io.mmsdk.testkit.core.SimulatedClock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PlanTest {

  private final SimulatedCms cms = new SimulatedCms();

  @AfterEach
  void stopSimulator() {
    cms.close();
  }
  private final SimulatedClock scheduler = SimulatedClock.startingAt(Instant.parse("2026-11-24T10:00:00Z"));

  private Provisioner provisioner(String password) {
    return provisioner(password, OwnershipStore.inMemory());
  }

  private Provisioner provisioner(String password, OwnershipStore store) {
    return Provisioner.builder().gateway(cms).ownership(store)
        .secrets(Fixtures.secrets(password)).scheduler(scheduler).build();
  }

  @Test
  void plan_emptyCluster_createsEverythingInDependencyOrder() {
    Plan plan = provisioner("s3cret").plan(Fixtures.sample());
    Golden.assertMatches("plan-create.txt", cms.labelled(plan.renderText()));
    Golden.assertMatches("plan-create.json", cms.labelled(plan.toJson()));
    assertFalse(plan.renderText().contains("s3cret"));
    assertFalse(plan.toJson().contains("s3cret"));
    List<CmsKind> order = plan.steps().stream().map(PlanStep::kind).toList();
    for (int i = 1; i < order.size(); i++) {
      assertTrue(order.get(i - 1).ordinal() <= order.get(i).ordinal(), "out of order: " + order);
    }
  }

  @Test
  void plan_afterChanges_showsFieldLevelUpdatesDeletesAndEffects() {
    Provisioner p = provisioner("s3cret");
    p.commit(Fixtures.sample());
    DesiredState s = Fixtures.sample();
    SpaceTemplate team = s.spaceTemplates().get(0);
    Role member = team.roles().get(0);
    SpaceTemplate changedTeam = new SpaceTemplate(team.name(), "Same role for all", team.roleDistinction(),
        List.of(new Role(member.name(), member.visibility(), null, null, true,
            RoleOverrides.builder().defaultLayout(Layout.SPEAKER_ONLY).build())),
        null, null);
    DesiredState changed = new DesiredState(s.ldapServers(), List.of(s.userImports().get(0)),
        s.autoSpaceRules(), s.spaceCreationRules(), List.of(changedTeam, s.spaceTemplates().get(1)),
        s.syncSchedule());
    Plan plan = provisioner("s3cret").plan(changed);
    assertEquals(0, plan.count(PlanAction.UPDATE) + plan.count(PlanAction.DELETE),
        "without the ownership record every object is foreign: " + plan.renderText());
    assertTrue(plan.warnings().stream().anyMatch(w -> w.contains("adopt(\"ldapServers:corp\"")),
        plan.warnings().toString());
    Plan real = p.plan(changed);
    Golden.assertMatches("plan-update.txt", cms.labelled(real.renderText()));
    Golden.assertMatches("plan-update.json", cms.labelled(real.toJson()));
  }

  @Test
  void plan_passwordChanged_reportsReSendWithoutTheSecret() {
    OwnershipStore store = OwnershipStore.inMemory();
    Provisioner p = provisioner("old-secret", store);
    p.commit(Fixtures.sample());
    assertTrue(p.plan(Fixtures.sample()).isEmpty());
    Provisioner changed = provisioner("new-secret", store);
    Plan plan = changed.plan(Fixtures.sample());
    assertEquals(1, plan.steps().size(), plan.renderText());
    FieldChange c = plan.steps().get(0).changes().get(0);
    assertEquals(new FieldChange("password", "(not readable)", "(will be re-sent)", true), c);
    assertFalse(plan.renderText().contains("new-secret"));
    changed.commit(Fixtures.sample());
    String serverId = plan.steps().get(0).id();
    assertEquals("new-secret", cms.password(serverId));
  }

  @Test
  void plan_serverFieldChangedBehindOurBack_isReverted() {
    Provisioner p = provisioner("pw");
    p.commit(Fixtures.sample());
    SimulatedCms.Stored leg = cms.all(CmsKind.CALL_LEG_PROFILE).values().iterator().next();
    cms.update(CmsKind.CALL_LEG_PROFILE, null, leg.id(), Form.builder().set("needsActivation", "true")
        .set("participantLabels", "false").build());
    Plan plan = p.plan(Fixtures.sample());
    assertEquals(1, plan.steps().size(), plan.renderText());
    assertEquals(List.of(new FieldChange("needsActivation", "true", "false", false)),
        plan.steps().get(0).changes());
    assertEquals(SpaceEffect.EXISTING_AND_NEW_SPACES, plan.steps().get(0).effect());
  }
}
