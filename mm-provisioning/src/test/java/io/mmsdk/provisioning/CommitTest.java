package io.mmsdk.provisioning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mmsdk.testkit.core.SimulatedClock;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CommitTest {

  private static final Set<String> REFERENCE_FIELDS = Set.of("server", "mapping", "userProfile",
      "callProfile", "callLegProfile", "coSpaceTemplate", "ldapSource", "dialInSecurityProfile");

  @TempDir Path dir;

  private final SimulatedClock scheduler = SimulatedClock.startingAt(Instant.parse("2026-11-24T10:00:00Z"));

  private final List<SimulatedCms> simulators = new ArrayList<>();

  /** Starts a simulated cluster for one scenario; closed after the test, or by {@link #done}. */
  private SimulatedCms cms() {
    SimulatedCms cms = new SimulatedCms();
    simulators.add(cms);
    return cms;
  }

  private void done(SimulatedCms cms) {
    simulators.remove(cms);
    cms.close();
  }

  @AfterEach
  void stopSimulators() {
    simulators.forEach(SimulatedCms::close);
  }

  private Provisioner provisioner(SimulatedCms cms, OwnershipStore store) {
    return Provisioner.builder().gateway(cms).ownership(store).secrets(Fixtures.secrets("pw"))
        .scheduler(scheduler).build();
  }

  /** Foreign objects, one of which is field-for-field identical to an object mm-sdk will create. */
  private static Map<String, CmsKind> addForeign(SimulatedCms cms) {
    Map<String, CmsKind> ids = new TreeMap<>();
    ids.put(cms.addForeign(CmsKind.LDAP_SERVER, null, Map.of("name", "corp", "address", "old.example.com",
        "portNumber", "389", "secure", "false")), CmsKind.LDAP_SERVER);
    ids.put(cms.addForeign(CmsKind.USER_PROFILE, null, Map.of("hasLicense", "true")), CmsKind.USER_PROFILE);
    String t = cms.addForeign(CmsKind.CO_SPACE_TEMPLATE, null, Map.of("name", "Legacy"));
    ids.put(t, CmsKind.CO_SPACE_TEMPLATE);
    ids.put(cms.addForeign(CmsKind.ACCESS_METHOD_TEMPLATE, t, Map.of("name", "Everyone")),
        CmsKind.ACCESS_METHOD_TEMPLATE);
    return ids;
  }

  /** The server state with ids replaced by what they point at, so two runs compare equal. */
  private static List<String> canonical(SimulatedCms cms) {
    List<String> out = new ArrayList<>();
    for (CmsKind k : CmsKind.values()) {
      for (SimulatedCms.Stored o : cms.all(k).values()) {
        out.add(k.collection() + (o.parentId() == null ? "" : " in " + label(cms, CmsKind.CO_SPACE_TEMPLATE,
            o.parentId())) + " " + label(cms, k, o.id()));
      }
    }
    out.sort(null);
    return out;
  }

  private static String label(SimulatedCms cms, CmsKind kind, String id) {
    SimulatedCms.Stored o = cms.all(kind).get(id);
    if (o == null) {
      return "(dangling " + id + ")";
    }
    Map<String, String> fields = new TreeMap<>();
    o.fields().forEach((f, v) -> {
      if (REFERENCE_FIELDS.contains(f)) {
        CmsKind target = switch (f) {
          case "server" -> CmsKind.LDAP_SERVER;
          case "mapping" -> CmsKind.LDAP_MAPPING;
          case "userProfile" -> CmsKind.USER_PROFILE;
          case "callProfile" -> CmsKind.CALL_PROFILE;
          case "callLegProfile" -> CmsKind.CALL_LEG_PROFILE;
          case "coSpaceTemplate" -> CmsKind.CO_SPACE_TEMPLATE;
          case "dialInSecurityProfile" -> CmsKind.DIAL_IN_SECURITY_PROFILE;
          default -> CmsKind.LDAP_SOURCE;
        };
        fields.put(f, label(cms, target, v));
      } else {
        fields.put(f, v);
      }
    });
    return fields.toString();
  }

  /** The fields CMS requires of a new ldapServer. */
  private static Map<String, String> ldapServer(String name) {
    return Map.of("name", name, "address", name + ".example.com", "portNumber", "389", "secure", "false");
  }

  private List<String> cleanFinalState() {
    SimulatedCms cms = cms();
    addForeign(cms);
    provisioner(cms, OwnershipStore.inMemory()).commit(Fixtures.sample());
    List<String> state = canonical(cms);
    done(cms);
    return state;
  }

  @Test
  void commit_then_plan_isEmptyAndForeignObjectsSurvive() {
    SimulatedCms cms = cms();
    Map<String, CmsKind> foreign = addForeign(cms);
    OwnershipStore store = OwnershipStore.file(dir.resolve("owned.json"));
    Provisioner p = provisioner(cms, store);
    CommitResult r = p.commit(Fixtures.sample());
    assertEquals(19, r.applied().size());
    assertTrue(p.plan(Fixtures.sample()).isEmpty());
    foreign.forEach((id, kind) -> assertTrue(cms.all(kind).containsKey(id), "foreign " + id + " deleted"));
    assertEquals("old.example.com", cms.all(CmsKind.LDAP_SERVER).values().iterator().next().fields().get("address"));
    // a restart reads the ownership file and still sees nothing to do
    store.close();
    Provisioner restarted = provisioner(cms, OwnershipStore.file(dir.resolve("owned.json")));
    assertTrue(restarted.plan(Fixtures.sample()).isEmpty());
  }

  @Test
  void commit_sendsPasswordButPlanNeverShowsIt() {
    SimulatedCms cms = cms();
    provisioner(cms, OwnershipStore.inMemory()).commit(Fixtures.sample());
    SimulatedCms.Request post = cms.requests.stream()
        .filter(q -> q.kind() == CmsKind.LDAP_SERVER && q.method().equals("POST")).findFirst().orElseThrow();
    assertEquals("pw", post.form().get("password"));
    assertEquals("cn=cms-bind,ou=service,dc=example,dc=com", post.form().get("username"));
    assertEquals("636", post.form().get("portNumber"));
  }

  @Test
  void commit_emptyDesiredState_deletesOnlyOwnedObjects() {
    SimulatedCms cms = cms();
    Map<String, CmsKind> foreign = addForeign(cms);
    Provisioner p = provisioner(cms, OwnershipStore.inMemory());
    p.commit(Fixtures.sample());
    CommitResult r = p.commit(DesiredState.builder().build());
    assertEquals(19, r.plan().count(PlanAction.DELETE));
    int left = 0;
    for (CmsKind k : CmsKind.values()) {
      left += cms.all(k).size();
    }
    assertEquals(foreign.size(), left);
  }

  @ParameterizedTest
  @EnumSource(SimulatedCms.FaultMode.class)
  void commit_faultAtEveryCreateStep_replanAndRecommitConverge(SimulatedCms.FaultMode mode) {
    List<String> expected = cleanFinalState();
    for (int failAt = 0; failAt < 19; failAt++) {
      SimulatedCms cms = cms();
      Map<String, CmsKind> foreign = addForeign(cms);
      OwnershipStore store = OwnershipStore.file(dir.resolve("owned-" + mode + "-" + failAt + ".json"));
      int[] writes = {0};
      int target = failAt;
      cms.failOnce(mode, q -> writes[0]++ == target);
      CommitFailedException e = assertThrows(CommitFailedException.class,
          () -> provisioner(cms, store).commit(Fixtures.sample()));
      assertEquals(failAt, e.applied().size());
      store.close();

      Provisioner again = provisioner(cms, OwnershipStore.file(dir.resolve("owned-" + mode + "-" + failAt + ".json")));
      Plan left = again.plan(Fixtures.sample());
      assertEquals(19 - failAt, left.steps().size(), "step " + failAt + ":\n" + left.renderText());
      if (mode == SimulatedCms.FaultMode.LOSE_RESPONSE) {
        assertEquals(PlanAction.ADOPT, left.steps().get(0).action(), left.renderText());
      }
      again.commit(Fixtures.sample());
      assertTrue(again.plan(Fixtures.sample()).isEmpty());
      assertEquals(expected, canonical(cms), "after a fault at write " + failAt);
      foreign.forEach((id, kind) -> assertTrue(cms.all(kind).containsKey(id), "foreign " + id + " deleted"));
      done(cms);
    }
  }

  @ParameterizedTest
  @EnumSource(SimulatedCms.FaultMode.class)
  void commit_faultAtEveryStepOfAChange_converges(SimulatedCms.FaultMode mode) {
    DesiredState s = Fixtures.sample();
    DesiredState smaller = new DesiredState(s.ldapServers(), List.of(s.userImports().get(0)),
        s.autoSpaceRules(), List.of(), List.of(s.spaceTemplates().get(0)), s.syncSchedule());
    List<String> expected;
    int total;
    {
      SimulatedCms cms = cms();
      addForeign(cms);
      Provisioner p = provisioner(cms, OwnershipStore.inMemory());
      p.commit(s);
      total = p.commit(smaller).applied().size();
      expected = canonical(cms);
      done(cms);
    }
    for (int failAt = 0; ; failAt++) {
      SimulatedCms cms = cms();
      Map<String, CmsKind> foreign = addForeign(cms);
      OwnershipStore store = OwnershipStore.inMemory();
      Provisioner p = provisioner(cms, store);
      p.commit(s);
      int[] writes = {0};
      int target = failAt;
      cms.failOnce(mode, q -> writes[0]++ == target);
      try {
        p.commit(smaller);
        assertTrue(failAt > 0, "the change has steps");
        done(cms);
        break;
      } catch (CommitFailedException e) {
        int left = p.plan(smaller).steps().size();
        if (mode == SimulatedCms.FaultMode.REJECT) {
          assertEquals(total - e.applied().size(), left);
        } else {
          assertTrue(left <= total - e.applied().size());
        }
      }
      p.commit(smaller);
      assertTrue(p.plan(smaller).isEmpty());
      assertEquals(expected, canonical(cms), "after a fault at write " + failAt);
      foreign.forEach((id, kind) -> assertTrue(cms.all(kind).containsKey(id), "foreign " + id + " deleted"));
      done(cms);
    }
  }

  @Test
  void adopt_foreignObject_isUpdatedInsteadOfDuplicated() {
    SimulatedCms cms = cms();
    String legacy = cms.addForeign(CmsKind.LDAP_SERVER, null, Map.of("name", "corp", "address", "old",
        "portNumber", "389", "secure", "false"));
    Provisioner p = provisioner(cms, OwnershipStore.inMemory());
    p.adopt("ldapServers:corp", legacy);
    Plan plan = p.plan(Fixtures.sample());
    PlanStep first = plan.steps().get(0);
    assertEquals(PlanAction.UPDATE, first.action());
    assertEquals(legacy, first.id());
    p.commit(Fixtures.sample());
    assertEquals(1, cms.all(CmsKind.LDAP_SERVER).size());
    assertEquals("ldap.example.com", cms.all(CmsKind.LDAP_SERVER).get(legacy).fields().get("address"));
    assertThrows(ProvisioningException.class, () -> p.adopt("ldapServers:x", "nope"));
  }

  @Test
  void discardAndAutoRefresh_rereadServerOnlyWithoutDraft() {
    SimulatedCms cms = cms();
    Provisioner p = provisioner(cms, OwnershipStore.inMemory());
    assertEquals(0, p.serverView().of(CmsKind.LDAP_SERVER).size());
    p.startAutoRefresh();
    cms.addForeign(CmsKind.LDAP_SERVER, null, ldapServer("a"));
    p.setDraft(Fixtures.sample());
    scheduler.advance(Provisioner.REFRESH_INTERVAL);
    assertEquals(0, p.serverView().of(CmsKind.LDAP_SERVER).size(), "no refresh while a draft is pending");
    assertEquals(1, p.discard().of(CmsKind.LDAP_SERVER).size());
    assertTrue(p.findDraft().isEmpty());
    cms.addForeign(CmsKind.LDAP_SERVER, null, ldapServer("b"));
    scheduler.advance(Provisioner.REFRESH_INTERVAL);
    assertEquals(2, p.serverView().of(CmsKind.LDAP_SERVER).size());
    p.close();
    cms.addForeign(CmsKind.LDAP_SERVER, null, ldapServer("c"));
    scheduler.advance(Provisioner.REFRESH_INTERVAL);
    assertEquals(2, p.serverView().of(CmsKind.LDAP_SERVER).size());
  }
}
