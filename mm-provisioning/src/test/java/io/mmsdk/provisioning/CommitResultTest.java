package io.mmsdk.provisioning;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class CommitResultTest {
  @Test
  void renderText_countsPerActionThenOneLinePerStep() {
    PlanStep create = new PlanStep(PlanAction.CREATE, CmsKind.CALL_PROFILE, "callProfiles:Team", null,
        "spaceTemplates[0].spaceOverrides",
        List.of(new FieldChange("participantLimit", null, "25", false)), SpaceEffect.NEW_SPACES_ONLY);
    PlanStep delete = new PlanStep(PlanAction.DELETE, CmsKind.LDAP_SERVER, "ldapServers:old", "ab12",
        null, List.of(), SpaceEffect.NEXT_LDAP_SYNC);
    Plan plan = new Plan(List.of(create, delete), List.of("foreign ldapServers:corp left alone"));

    assertEquals("""
        Applied: 1 create, 0 adopt, 0 update, 1 delete
        + callProfiles:Team  [new spaces only]
        - ldapServers:old  id=ab12  [next LDAP sync]
        warning: foreign ldapServers:corp left alone
        """, new CommitResult(plan, plan.steps()).renderText());
  }
}
