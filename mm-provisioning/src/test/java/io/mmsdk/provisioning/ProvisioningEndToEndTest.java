package io.mmsdk.provisioning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import io.mmsdk.cms.CmsClient;
import io.mmsdk.cms.RetryPolicy;
import io.mmsdk.cms.api.User;
import io.mmsdk.cms.core.CmsObject;
import io.mmsdk.cms.core.Form;
import io.mmsdk.cms.core.ResourceType;
import io.mmsdk.testkit.SimulatedCluster;
import io.mmsdk.testkit.core.SimulatedClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** plan → commit → sync against the simulated cluster and an UnboundID directory on loopback. */
class ProvisioningEndToEndTest {

  @TempDir Path dir;

  private InMemoryDirectoryServer ds;
  private SimulatedCluster cluster;
  private CmsClient client;
  private final SimulatedClock scheduler = SimulatedClock.startingAt(Instant.parse("2026-11-24T10:00:00Z"));

  @BeforeEach
  void start() {
    ds = Directory.start(true);
    Directory.person(ds, "swood", "Sally Wood", "Wood", "1001", "staff");
    Directory.person(ds, "BJones", "Bob Jones", "Jones", "1002", "staff");
    Directory.person(ds, "ckent", "Clark Kent", "Kent", null, "contractor");
    cluster = SimulatedCluster.start();
    client = CmsClient.builder().baseUrl(cluster.callBridge(0).baseUrl())
        .credentials(cluster.apiUsername(), cluster.apiPassword())
        .retryPolicy(RetryPolicy.none()).build();
  }

  private final Map<String, OwnershipStore> stores = new TreeMap<>();

  @AfterEach
  void closeStores() {
    stores.values().forEach(OwnershipStore::close);
  }

  @AfterEach
  void stop() {
    client.close();
    cluster.close();
    ds.shutDown(true);
  }

  /** The sample state, pointed at the loopback directory over plain LDAP. */
  private DesiredState state() {
    return Fixtures.sampleOnLoopback(ds.getListenPort());
  }

  /** Returns a provisioner on {@code ownershipFile}, closing the store an earlier one used (a restart). */
  private Provisioner provisioner(String ownershipFile) {
    OwnershipStore previous = stores.remove(ownershipFile);
    if (previous != null) {
      previous.close();
    }
    OwnershipStore store = OwnershipStore.file(dir.resolve(ownershipFile));
    stores.put(ownershipFile, store);
    return Provisioner.builder().gateway(CmsClientGateway.create(client))
        .ownership(store).secrets(Fixtures.secrets("pw"))
        .scheduler(scheduler).build();
  }

  private Map<String, Integer> counts() {
    Map<String, Integer> out = new TreeMap<>();
    for (ResourceType t : List.of(ResourceType.LDAP_SERVERS, ResourceType.USER_PROFILES, ResourceType.CALL_PROFILES,
        ResourceType.CALL_LEG_PROFILES, ResourceType.CO_SPACE_TEMPLATES, ResourceType.LDAP_MAPPINGS,
        ResourceType.LDAP_SOURCES, ResourceType.LDAP_USER_CO_SPACE_TEMPLATE_SOURCES)) {
      out.put(t.listElement(), (int) client.resources(t).list().stream().count());
    }
    int methods = 0;
    for (CmsObject t : client.coSpaceTemplates().list()) {
      methods += (int) client.accessMethodTemplates(t.id()).list().stream().count();
    }
    out.put("accessMethodTemplates", methods);
    return out;
  }

  private String addForeignObjects() {
    client.ldapServers().create(Form.builder().set("name", "corp").set("address", "legacy.example.com")
        .set("portNumber", "389").set("secure", "false").build());
    client.userProfiles().create(Form.builder().set("hasLicense", "true").build());
    String t = client.coSpaceTemplates().create(Form.builder().set("name", "Legacy").build());
    client.accessMethodTemplates(t).create(Form.builder().set("name", "Everyone").build());
    return t;
  }

  @Test
  void planCommitSync_createsUsersSpacesAndTemplateAssignments() {
    Provisioner p = provisioner("owned.json");
    Plan plan = p.plan(state());
    assertEquals(19, plan.count(PlanAction.CREATE), plan.renderText());
    p.commit(state());
    assertTrue(p.plan(state()).isEmpty(), p.plan(state()).renderText());

    CmsGateway gateway = CmsClientGateway.create(client);
    try (LdapSyncRunner sync = LdapSyncRunner.builder().scheduler(scheduler)
        .callBridges(name -> name.equals("cb1") ? Optional.of(gateway) : Optional.empty()).build()) {
      CompletableFuture<LdapSyncReport> f = sync.runNow("cb1");
      scheduler.advance(Duration.ofSeconds(5));
      LdapSyncReport report = f.join();
      assertEquals(LdapSyncReport.Outcome.COMPLETE, report.outcome(), report.message());
      assertEquals(3, report.numUsersImported());
    }

    Map<String, User> users = gateway.users().stream()
        .collect(Collectors.toMap(u -> u.userJid().orElse(""), u -> u));
    assertEquals(List.of("bjones@example.com", "ckent@example.com", "swood@example.com"),
        users.keySet().stream().sorted().toList());
    assertEquals("Clark Kent (contractor)", users.get("ckent@example.com").name().orElse(""));
    Map<String, Map<String, String>> spaces = client.coSpaces().list().stream()
        .map(o -> client.coSpaces().get(o.id()))
        .collect(Collectors.toMap(o -> o.fields().get("uri"), CmsObject::fields));
    assertEquals(List.of("bjones.space", "swood.space"), spaces.keySet().stream().sorted().toList());
    assertEquals("Sally Wood's space", spaces.get("swood.space").get("name"));
    assertEquals("1001", spaces.get("swood.space").get("callId"));
    String hostAndGuest = client.coSpaceTemplates().list().stream()
        .filter(t -> "Host and guest".equals(client.coSpaceTemplates().get(t.id()).fields().get("name")))
        .findFirst().orElseThrow().id();
    List<String> swoodTemplates = client.userCoSpaceTemplates(users.get("swood@example.com").id()).list()
        .stream().map(o -> o.fields().get("coSpaceTemplate")).toList();
    assertTrue(swoodTemplates.contains(hostAndGuest), swoodTemplates.toString());
    assertTrue(client.userCoSpaceTemplates(users.get("ckent@example.com").id()).list().stream()
        .findAny().isEmpty(), "contractors may not create spaces");
  }

  /**
   * Seed 000: "A space template is a combination of pre-configured settings that can be used to
   * create new spaces": the automatic-space rule's template (Team, one role "Member") shapes the
   * space the simulator creates at sync — its call profile, its default call leg profile and one
   * access method per role.
   */
  @Test
  void sync_autoSpaceRuleTemplate_shapesCreatedSpaces() {
    provisioner("owned.json").commit(state());
    CmsGateway gateway = CmsClientGateway.create(client);
    try (LdapSyncRunner sync = LdapSyncRunner.builder().scheduler(scheduler)
        .callBridges(name -> name.equals("cb1") ? Optional.of(gateway) : Optional.empty()).build()) {
      CompletableFuture<LdapSyncReport> f = sync.runNow("cb1");
      scheduler.advance(Duration.ofSeconds(5));
      assertEquals(LdapSyncReport.Outcome.COMPLETE, f.join().outcome());
    }
    Map<String, String> team = client.coSpaceTemplates().list().stream()
        .map(t -> client.coSpaceTemplates().get(t.id()).fields())
        .filter(t -> "Team".equals(t.get("name"))).findFirst().orElseThrow();
    CmsObject space = client.coSpaces().list().stream().map(o -> client.coSpaces().get(o.id()))
        .filter(o -> "swood.space".equals(o.fields().get("uri"))).findFirst().orElseThrow();
    assertEquals(team.get("callProfile"), space.fields().get("callProfile"));
    assertEquals(team.get("callLegProfile"), space.fields().get("callLegProfile"));
    List<String> roles = client.resources(ResourceType.ACCESS_METHODS, space.id()).list().stream()
        .map(o -> o.fields().get("name")).toList();
    assertEquals(List.of("Member"), roles);
  }

  @Test
  void sync_duplicateUrisInDirectory_previewNamesBothEntriesAndSyncReportsClash() throws Exception {
    com.unboundid.ldap.sdk.Entry dup = new com.unboundid.ldap.sdk.Entry("cn=Sally Double,ou=people,dc=example,dc=com");
    dup.addAttribute("objectClass", "person");
    dup.addAttribute("uid", "SWood");
    dup.addAttribute("cn", "Sally Double");
    dup.addAttribute("employeeType", "staff");
    ds.add(dup);
    PreviewReport preview = LdapPreview.builder().directories(server -> ds).build().run(state());
    assertTrue(preview.hasClashes());
    PreviewReport.Clash first = preview.clashes().get(0);
    assertEquals("jid", first.what());
    assertEquals("swood@example.com", first.value());
    assertTrue(preview.renderText().contains("cn=Sally Double,ou=people,dc=example,dc=com"));

    provisioner("owned.json").commit(state());
    CmsGateway gateway = CmsClientGateway.create(client);
    try (LdapSyncRunner sync = LdapSyncRunner.builder().scheduler(scheduler)
        .callBridges(name -> Optional.of(gateway)).build()) {
      CompletableFuture<LdapSyncReport> f = sync.runNow("cb1");
      scheduler.advance(Duration.ofSeconds(5));
      LdapSyncReport report = f.join();
      assertEquals(LdapSyncReport.Outcome.FAILED, report.outcome(), report.message());
      assertEquals("clashOccurred", report.failureReason());
      assertTrue(report.message().contains("preview"), report.message());
    }
  }

  @Test
  void commit_failureAtEachCollection_replanShowsRestAndRecommitConverges() {
    String foreignTemplate = addForeignObjects();
    Map<String, Integer> expected;
    {
      provisioner("clean.json").commit(state());
      expected = counts();
      provisioner("clean.json").commit(DesiredState.builder().build());
      assertEquals(Map.of("accessMethodTemplates", 1, "coSpaceTemplates", 1, "ldapServers", 1,
          "userProfiles", 1), nonZero(counts()), "only foreign objects remain after deleting ours");
    }
    // The first POST of each collection fails (rejected, or applied with the response lost); every
    // single step is also covered against the fake in CommitTest.
    String[] paths = {"ldapServers", "userProfiles", "callProfiles", "callLegProfiles", "coSpaceTemplates",
        "coSpaceTemplates/*/accessMethodTemplates", "ldapMappings", "ldapSources",
        "ldapUserCoSpaceTemplateSources"};
    for (int i = 0; i < paths.length; i++) {
      for (boolean lostResponse : new boolean[] {false, true}) {
        String file = "owned-" + i + "-" + lostResponse + ".json";
        if (lostResponse) {
          cluster.callBridge(0).faults().dropResponseAfterApplying("POST", paths[i], 1);
        } else {
          cluster.callBridge(0).faults().failNext("POST", paths[i], 1, 500);
        }
        assertThrows(CommitFailedException.class, () -> provisioner(file).commit(state()),
            "fault at " + paths[i]);
        cluster.callBridge(0).faults().clear();
        Plan left = provisioner(file).plan(state());
        assertTrue(!left.isEmpty(), "something is left after a fault at " + paths[i]);
        provisioner(file).commit(state());
        assertTrue(provisioner(file).plan(state()).isEmpty());
        assertEquals(expected, counts(), "after a fault at " + paths[i] + " lostResponse=" + lostResponse);
        provisioner(file).commit(DesiredState.builder().build());
        assertEquals(Map.of("accessMethodTemplates", 1, "coSpaceTemplates", 1, "ldapServers", 1,
            "userProfiles", 1), nonZero(counts()));
      }
    }
    assertEquals("Legacy", client.coSpaceTemplates().get(foreignTemplate).fields().get("name"));
  }

  @Test
  void commit_rejectedAtEveryPost_replanShowsExactlyWhatIsLeftAndRecommitConverges() {
    addForeignObjects();
    Map<String, Integer> expected;
    {
      provisioner("clean.json").commit(state());
      expected = counts();
      provisioner("clean.json").commit(DesiredState.builder().build());
    }
    for (int n = 1; n <= 19; n++) {
      String file = "nth-" + n + ".json";
      cluster.callBridge(0).faults().failNth("POST", "", n, 500);
      CommitFailedException e = assertThrows(CommitFailedException.class, () -> provisioner(file).commit(state()));
      cluster.callBridge(0).faults().clear();
      assertEquals(n - 1, e.applied().size());
      assertEquals(19 - (n - 1), provisioner(file).plan(state()).steps().size(), "after POST #" + n + " failed");
      provisioner(file).commit(state());
      assertTrue(provisioner(file).plan(state()).isEmpty());
      assertEquals(expected, counts(), "after POST #" + n + " failed");
      provisioner(file).commit(DesiredState.builder().build());
    }
  }

  private static Map<String, Integer> nonZero(Map<String, Integer> counts) {
    Map<String, Integer> out = new TreeMap<>(counts);
    out.values().removeIf(v -> v == 0);
    return out;
  }
}
