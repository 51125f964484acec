package io.mmsdk.core.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mmsdk.common.listen.Registration;
import io.mmsdk.common.tls.TlsTrust;
import io.mmsdk.core.audit.AuditHook;
import io.mmsdk.core.cluster.InvalidClusterException.Problem;
import io.mmsdk.core.internal.Props;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClusterRegistryTest {
  private static final String PEM = new okhttp3.tls.HeldCertificate.Builder().certificateAuthority(0).build().certificatePem();

  static CallBridge bridge(String name, String address) {
    return CallBridge.builder().name(name).address(address).credentials("mmapi", "s3cret-Pa55").build();
  }

  @Test
  void callBridge_toString_neverShowsPassword() {
    CallBridge b = bridge("cb1", "cb1.example.com");
    assertFalse(b.toString().contains("s3cret-Pa55"), b.toString());
    assertTrue(b.toString().contains("mmapi"));
    assertFalse(ClusterRegistry.inMemory().add(Cluster.builder().name("c").addCallBridge(b).build()).toString().contains("s3cret"));
  }

  @Test
  void callBridge_blankName_blankNameProblem() {
    InvalidClusterException e =
        assertThrows(InvalidClusterException.class, () -> bridge("  ", "cb1.example.com"));
    assertEquals(Problem.BLANK_NAME, e.problem());
  }

  @Test
  void callBridge_noAddress_badHost() {
    InvalidClusterException e = assertThrows(
        InvalidClusterException.class, () -> CallBridge.builder().name("x").credentials("u", "p").build());
    assertEquals(Problem.BAD_HOST, e.problem());
  }

  @Test
  void cluster_blankName_blankNameProblem() {
    InvalidClusterException e =
        assertThrows(InvalidClusterException.class, () -> Cluster.builder().name(" ").build());
    assertEquals(Problem.BLANK_NAME, e.problem());
  }

  @Test
  void cluster_duplicateBridgeAddress_rejected() {
    Cluster.Builder b = Cluster.builder().name("c")
        .addCallBridge(bridge("cb1", "cb1.example.com"))
        .addCallBridge(bridge("cb2", "CB1.example.com:443"));
    assertEquals(Problem.DUPLICATE_ADDRESS, assertThrows(InvalidClusterException.class, b::build).problem());
  }

  @Test
  void cluster_samHostDifferentPort_accepted() {
    Cluster c = Cluster.builder().name("c")
        .addCallBridge(bridge("cb1", "cb1.example.com"))
        .addCallBridge(bridge("cb2", "cb1.example.com:8443")).build();
    assertEquals(2, c.callBridges().size());
  }

  @Test
  void cluster_duplicateBridgeName_rejectedCaseInsensitive() {
    Cluster.Builder b = Cluster.builder().name("c")
        .addCallBridge(bridge("London", "cb1.example.com"))
        .addCallBridge(bridge("london", "cb2.example.com"));
    assertEquals(Problem.DUPLICATE_NAME, assertThrows(InvalidClusterException.class, b::build).problem());
  }

  @Test
  void addListener_toldOfEveryChange_untilItsRegistrationIsClosed() {
    ClusterRegistry r = ClusterRegistry.inMemory();
    List<List<String>> heard = new ArrayList<>();
    List<Integer> other = new ArrayList<>();
    Registration reg = r.addListener(all -> heard.add(all.stream().map(Cluster::name).toList()));
    r.addListener(all -> other.add(all.size()));

    Cluster a = r.add(Cluster.builder().name("A").build());
    reg.close();
    reg.close();
    r.add(Cluster.builder().name("B").build());
    r.remove(a.id());

    assertEquals(List.of(List.of("A")), heard);
    assertEquals(List.of(1, 2, 1), other);
  }

  @Test
  void addListener_aThrowingListener_neitherUndoesTheChangeNorSilencesTheOthers() {
    ClusterRegistry r = ClusterRegistry.inMemory();
    List<Integer> heard = new ArrayList<>();
    r.addListener(all -> {
      throw new IllegalStateException("listener bug");
    });
    r.addListener(all -> heard.add(all.size()));

    r.add(Cluster.builder().name("A").build());

    assertEquals(1, r.clusters().size());
    assertEquals(List.of(1), heard);
  }

  @Test
  void add_addressInOtherCluster_rejectedAndNothingChanges() {
    ClusterRegistry r = ClusterRegistry.inMemory();
    r.add(Cluster.builder().name("A").addCallBridge(bridge("cb1", "[2001:db8::1]")).build());
    InvalidClusterException e = assertThrows(InvalidClusterException.class,
        () -> r.add(Cluster.builder().name("B").addCallBridge(bridge("cbX", "[2001:DB8:0::1]:443")).build()));
    assertEquals(Problem.DUPLICATE_ADDRESS, e.problem());
    assertEquals(1, r.clusters().size());
  }

  @Test
  void add_duplicateClusterName_rejected() {
    ClusterRegistry r = ClusterRegistry.inMemory();
    r.add(Cluster.builder().name("Europe").build());
    assertEquals(Problem.DUPLICATE_NAME,
        assertThrows(InvalidClusterException.class, () -> r.add(Cluster.builder().name("EUROPE").build())).problem());
  }

  @Test
  void fileStore_documentFromTrustSettingsDays_loadsWithTheSameTrust(@TempDir Path dir) throws Exception {
    // The keys and values ClusterCodec wrote from TrustSettings, before TlsTrust replaced it.
    Props legacy = Props.create().put("version", 1).put("clusters", 1)
        .put("cluster.0.id", "c0").put("cluster.0.name", "Europe").put("cluster.0.manageMeetings", true)
        .put("cluster.0.bridges", 4);
    String[][] bridges = {
        {"pem", PEM, "true", "true", "false"},
        {"pemFile", dir.resolve("ca.pem").toString(), "false", "false", "false"},
        {null, null, "true", "false", "true"},
        {null, null, "true", "false", "false"}};
    for (int j = 0; j < bridges.length; j++) {
      String bk = "cluster.0.bridge." + j;
      legacy.put(bk + ".id", "b" + j).put(bk + ".name", "CB" + j).put(bk + ".address", "cb" + j + ".example.com:8443")
          .put(bk + ".username", "api").put(bk + ".password", "pw");
      if (bridges[j][0] != null) {
        legacy.put(bk + ".trust." + bridges[j][0], bridges[j][1]);
      }
      legacy.put(bk + ".trust.verifyHostname", bridges[j][2]).put(bk + ".trust.checkRevocation", bridges[j][3])
          .put(bk + ".trust.insecure", bridges[j][4]);
    }
    Path file = Files.write(dir.resolve("registry.properties"), legacy.toBytes());

    try (ClusterStore store = ClusterStore.file(file)) {
      List<CallBridge> loaded = store.load().get(0).callBridges();

      assertEquals(TlsTrust.pemCertificates(PEM).checkingRevocation(), loaded.get(0).trust());
      // verifyHostname=false is read with the host name check on: the opt-out is gone, the trust is kept.
      assertEquals(TlsTrust.pemFile(dir.resolve("ca.pem")), loaded.get(1).trust());
      assertEquals(TlsTrust.insecureTrustAllForLabUseOnly(), loaded.get(2).trust());
      assertEquals(TlsTrust.systemDefault(), loaded.get(3).trust());
    }
  }

  @Test
  void fileStore_roundTrip_keepsIdsAndSettings(@TempDir Path dir) {
    Path file = dir.resolve("registry.properties");
    ClusterStore store = ClusterStore.file(file);
    ClusterRegistry r = ClusterRegistry.create(store);
    CallBridge cb1 = CallBridge.builder().name("Lon=don: #1").address("[2001:db8::7]:8443")
        .credentials("api", "p=ss:wörd\n#x").trust(TlsTrust.pemCertificates(PEM).checkingRevocation()).build();
    CallBridge cb2 = CallBridge.builder().name("Oslo").address("10.1.1.1").credentials("api", "x")
        .trust(TlsTrust.insecureTrustAllForLabUseOnly()).build();
    Cluster c = r.add(Cluster.builder().name("Europe").manageMeetings(false).addCallBridge(cb1).addCallBridge(cb2).build());
    Cluster d = r.add(Cluster.builder().name("US").addCallBridge(CallBridge.builder().name("NY").address("ny.example.com")
        .credentials("a", "b").trust(TlsTrust.pemFile(dir.resolve("ca.pem"))).build()).build());
    store.close();

    ClusterRegistry reloaded = ClusterRegistry.create(ClusterStore.file(file));
    assertEquals(List.of(c, d), reloaded.clusters());
    assertEquals(cb1, reloaded.callBridge(cb1.id()));
    assertEquals(c.id(), reloaded.findClusterOf(cb2.id()).orElseThrow().id());
  }

  @Test
  void updateRemove_bridgeLifecycle_savedAndListenersTold() {
    ClusterRegistry r = ClusterRegistry.inMemory();
    List<Integer> seen = new ArrayList<>();
    r.addListener(all -> seen.add(all.size()));
    Cluster c = r.add(Cluster.builder().name("A").build());
    CallBridge b = bridge("cb1", "cb1.example.com");
    r.addCallBridge(c.id(), b);
    assertEquals(b, r.callBridge(b.id()));
    r.update(r.cluster(c.id()).toBuilder().name("A2").build());
    assertEquals("A2", r.cluster(c.id()).name());
    assertEquals(b.id(), r.cluster(c.id()).callBridges().get(0).id());
    r.removeCallBridge(b.id());
    assertTrue(r.findCallBridge(b.id()).isEmpty());
    r.remove(c.id());
    assertTrue(r.clusters().isEmpty());
    assertEquals(List.of(1, 1, 1, 1, 0), seen);
    assertThrows(ClusterNotFoundException.class, () -> r.remove(c.id()));
    assertThrows(ClusterNotFoundException.class, () -> r.callBridge("nope"));
  }

  @Test
  void audit_changesReportedWithActorWithoutSecrets() {
    List<String> reported = new ArrayList<>();
    AuditHook hook = (actor, action, target, outcome, detail) ->
        reported.add(actor + " " + action + " " + outcome + " " + target + " " + detail);
    ClusterRegistry r = ClusterRegistry.create(ClusterStore.inMemory(), hook);
    Cluster c = r.add("alice", Cluster.builder().name("A").build());
    CallBridge b = bridge("cb1", "cb1.example.com");
    r.addCallBridge("bob", c.id(), b);
    r.removeCallBridge(b.id());
    r.remove("alice", c.id());
    assertEquals(List.of("alice cluster.add", "bob cluster.update", "system cluster.update", "alice cluster.remove"),
        reported.stream().map(e -> e.split(" ")[0] + " " + e.split(" ")[1]).toList());
    assertTrue(reported.stream().allMatch(e -> e.split(" ")[2].equals("SUCCEEDED") && e.split(" ")[3].equals(c.id())),
        reported.toString());
    assertTrue(reported.get(1).contains("cb1@cb1.example.com:443"), reported.get(1));
    reported.forEach(e -> assertFalse(e.contains("s3cret"), e));
  }

  @Test
  void addListener_listenerRunsWithoutTheRegistryLock_anotherThreadChangesMeanwhileAndBothAreToldInOrder()
      throws Exception {
    ClusterRegistry r = ClusterRegistry.inMemory();
    List<List<String>> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
    java.util.concurrent.atomic.AtomicBoolean otherFinished = new java.util.concurrent.atomic.AtomicBoolean();
    r.addListener(all -> {
      seen.add(all.stream().map(Cluster::name).toList());
      if (all.size() == 1) {
        // Held the registry's lock, this thread would wait for ever for the other's change.
        Thread other = new Thread(() -> r.add(Cluster.builder().name("B").build()));
        other.start();
        try {
          other.join(java.time.Duration.ofSeconds(30).toMillis());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        otherFinished.set(!other.isAlive());
      }
    });
    r.add(Cluster.builder().name("A").build());
    assertTrue(otherFinished.get(), "the other thread's change waited for the listener: a lock was held");
    assertEquals(List.of(List.of("A"), List.of("A", "B")), seen);
  }

  @Test
  void addListener_listenerChangesTheRegistry_toldOfThatChangeAfterItReturns() {
    ClusterRegistry r = ClusterRegistry.inMemory();
    List<Integer> seen = new ArrayList<>();
    r.addListener(all -> {
      seen.add(all.size());
      if (all.size() == 1) {
        r.add(Cluster.builder().name("B").build());
        seen.add(-1);
      }
    });
    r.add(Cluster.builder().name("A").build());
    assertEquals(List.of(1, -1, 2), seen);
  }
}
