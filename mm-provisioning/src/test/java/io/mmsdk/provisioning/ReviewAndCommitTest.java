package io.mmsdk.provisioning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mmsdk.testkit.core.SimulatedClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The "Review and commit" promise (seed 000 step 6, "Review and commit your settings"): what is
 * planned is validated first, shown with every setting accounted for, and committed exactly.
 */
class ReviewAndCommitTest {
  private final SimulatedCms cms = new SimulatedCms();

  @AfterEach
  void stopSimulator() {
    cms.close();
  }
  private final SimulatedClock scheduler =
      SimulatedClock.startingAt(Instant.parse("2026-11-24T10:00:00Z"));

  private Provisioner provisioner(SecretResolver secrets) {
    return Provisioner.builder().gateway(cms).ownership(OwnershipStore.inMemory())
        .secrets(secrets).scheduler(scheduler).build();
  }

  private static DesiredState withImportFilter(String filter) {
    DesiredState s = Fixtures.sample();
    UserImport u = s.userImports().get(1);
    UserImport broken = new UserImport(u.name(), u.server(), u.baseDn(), filter,
        u.loginNameMapping(), u.displayNameMapping(), u.assignPmpPlus());
    return new DesiredState(s.ldapServers(), List.of(s.userImports().get(0), broken),
        s.autoSpaceRules(), s.spaceCreationRules(), s.spaceTemplates(), s.syncSchedule());
  }

  @Test
  void plan_invalidState_readsNothingFromTheServer_errorNamesItemAndIndex() {
    Provisioner p = provisioner(Fixtures.secrets("pw"));
    InvalidDesiredStateException e = assertThrows(InvalidDesiredStateException.class,
        () -> p.plan(withImportFilter("(objectClass=person")));
    assertEquals(0, cms.reads);
    ValidationError error = e.result().errors().get(0);
    assertEquals("userImports[1].filter", error.path());
    assertEquals("userImports[\"contractors\"].filter", error.itemPath());
    assertTrue(e.getMessage().contains("userImports[\"contractors\"].filter (userImports[1].filter)"),
        e.getMessage());
  }

  @Test
  void plan_secretCannotBeResolved_isPlanError_beforeAnyRead() {
    Provisioner p = provisioner(ref -> {
      throw new ProvisioningException("Environment variable LDAP_BIND_PASSWORD is not set");
    });
    InvalidDesiredStateException e = assertThrows(InvalidDesiredStateException.class,
        () -> p.plan(Fixtures.sample()));
    assertEquals(0, cms.reads);
    assertEquals("ldapServers[\"corp\"].passwordRef", e.result().errors().get(0).itemPath());
    assertTrue(e.getMessage().contains("LDAP_BIND_PASSWORD"), e.getMessage());
  }

  @Test
  void commit_reviewedPlan_appliesExactlyItsSteps_withSecretsResolvedAtPlanTime() {
    String[] password = {"first"};
    Provisioner p = provisioner(ref -> password[0]);
    Plan reviewed = p.plan(Fixtures.sample());
    password[0] = "changed-after-review";
    CommitResult r = p.commit(reviewed);
    assertEquals(reviewed.steps(), r.applied());
    SimulatedCms.Request post = cms.requests.stream()
        .filter(q -> q.kind() == CmsKind.LDAP_SERVER && q.method().equals("POST"))
        .findFirst().orElseThrow();
    assertEquals("first", post.form().get("password"));
    assertFalse(reviewed.toString().contains("first"));
  }

  /** Seed 000: "Review and commit your settings"; a commit never applies an unreviewed plan. */
  @Test
  void commit_serverChangedSincePlan_refusedWithFreshPlan_nothingApplied() {
    Provisioner p = provisioner(Fixtures.secrets("pw"));
    Plan reviewed = p.plan(Fixtures.sample());
    cms.addForeign(CmsKind.LDAP_SERVER, null, Map.of("name", "corp", "address", "other",
        "portNumber", "389", "secure", "false"));
    int writes = cms.requests.size();
    PlanOutdatedException e = assertThrows(PlanOutdatedException.class, () -> p.commit(reviewed));
    assertEquals(writes, cms.requests.size());
    assertNotNull(e.freshPlan());
    assertTrue(e.freshPlan().warnings().stream().anyMatch(w -> w.contains("exists but is not")),
        e.freshPlan().warnings().toString());
    assertEquals(reviewed.steps().size(), p.commit(e.freshPlan()).applied().size());
  }

  @Test
  void commit_handBuiltPlan_rejected() {
    Provisioner p = provisioner(Fixtures.secrets("pw"));
    assertThrows(IllegalArgumentException.class, () -> p.commit(new Plan(List.of(), List.of())));
  }

  private static DesiredState withRole(Role role) {
    DesiredState s = Fixtures.sample();
    SpaceTemplate t = s.spaceTemplates().get(0);
    SpaceTemplate changed = new SpaceTemplate(t.name(), t.description(), t.roleDistinction(),
        List.of(role), null, null);
    return new DesiredState(s.ldapServers(), s.userImports(), s.autoSpaceRules(),
        s.spaceCreationRules(), List.of(changed, s.spaceTemplates().get(1)), s.syncSchedule());
  }

  /**
   * Seed 001, role permissions: "Passcode timeout (seconds) ... To disable the timeout, enter a
   * value of 0." CMS has no zero timeout; {@code passcodeMode=required} never falls back.
   */
  @Test
  void translate_passcodeTimeoutZero_sendsPasscodeModeRequiredWithoutTimeout() {
    Role r = Role.builder().name("Member").visibility(Visibility.PUBLIC).activator(true)
        .overrides(RoleOverrides.builder().passcodeTimeout(Duration.ZERO).build()).build();
    CmsObjectSpec call = CmsTranslation.translate(withRole(r)).stream()
        .filter(s -> s.key().equals("callProfiles:Team")).findFirst().orElseThrow();
    assertEquals("required", call.fields().get("passcodeMode"));
    assertFalse(call.fields().containsKey("passcodeTimeout"));
    Role timed = Role.builder().name("Member").visibility(Visibility.PUBLIC).activator(true)
        .overrides(RoleOverrides.builder().passcodeTimeout(Duration.ofSeconds(20)).build()).build();
    CmsObjectSpec call20 = CmsTranslation.translate(withRole(timed)).stream()
        .filter(s -> s.key().equals("callProfiles:Team")).findFirst().orElseThrow();
    assertEquals("timeout", call20.fields().get("passcodeMode"));
    assertEquals("20", call20.fields().get("passcodeTimeout"));
  }

  /**
   * Seed 001: "Define the minimum passcode length." CMS keeps it as {@code minPasscodeLength} of a
   * dial-in security profile, which the role's access method template references.
   */
  @Test
  void commit_minimumPasscodeLength_sentAsDialInSecurityProfileOfTheRole() {
    Role r = Role.builder().name("Member").visibility(Visibility.PUBLIC).activator(true)
        .minPasscodeLength(6).build();
    Provisioner p = provisioner(Fixtures.secrets("pw"));
    p.commit(withRole(r));
    SimulatedCms.Stored profile = cms.all(CmsKind.DIAL_IN_SECURITY_PROFILE).values().iterator().next();
    assertEquals("6", profile.fields().get("minPasscodeLength"));
    SimulatedCms.Stored method = cms.all(CmsKind.ACCESS_METHOD_TEMPLATE).values().stream()
        .filter(o -> "Member".equals(o.fields().get("name"))).findFirst().orElseThrow();
    assertEquals(profile.id(), method.fields().get("dialInSecurityProfile"));
    assertTrue(p.plan(withRole(r)).isEmpty());
  }

  /** Seed 001: "Allow change role" has no CMS field: the plan says so instead of dropping it. */
  @Test
  void plan_allowChangeRole_warnsOnItsStep_neverDroppedSilently() {
    Role r = Role.builder().name("Member").visibility(Visibility.PUBLIC).activator(true)
        .overrides(RoleOverrides.builder().allowChangeRole(true).build()).build();
    Plan plan = provisioner(Fixtures.secrets("pw")).plan(withRole(r));
    String w = plan.warnings().stream().filter(x -> x.contains("allowChangeRole")).findFirst()
        .orElseThrow(() -> new AssertionError(plan.warnings().toString()));
    assertTrue(w.contains("callLegProfiles:Team/Member"), w);
    assertTrue(w.contains("is not sent"), w);
    assertTrue(plan.renderText().contains("allowChangeRole"));
  }

  /**
   * Seed 001: the audit trail covers provisioning commits and discards (who, what, when,
   * outcome).
   */
  @Test
  void commitAndDiscard_areAudited_withOutcome() {
    io.mmsdk.admin.audit.AuditTrail audit = io.mmsdk.admin.audit.AuditTrail.inMemory(scheduler);
    Provisioner p = Provisioner.builder().gateway(cms).ownership(OwnershipStore.inMemory())
        .secrets(Fixtures.secrets("pw")).scheduler(scheduler).audit(audit, "admin", "cluster-1")
        .build();
    Plan stale = p.plan(Fixtures.sample());
    cms.addForeign(CmsKind.USER_PROFILE, null, Map.of("hasLicense", "true"));
    assertThrows(PlanOutdatedException.class, () -> p.commit(stale));
    p.commit(Fixtures.sample());
    p.discard();
    List<io.mmsdk.admin.audit.AuditEvent> events = audit.events();
    assertEquals(List.of("provisioning.commit", "provisioning.commit", "provisioning.discard"),
        events.stream().map(io.mmsdk.admin.audit.AuditEvent::action).toList());
    assertTrue(events.get(0).detail().startsWith("outcome: refused;"), events.get(0).detail());
    assertTrue(events.get(1).detail().startsWith("outcome: succeeded;"), events.get(1).detail());
    assertEquals("cluster-1", events.get(1).target());
    assertEquals("admin", events.get(2).actor());
  }
}
