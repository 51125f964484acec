package io.mmsdk.testkit.junit5;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.SearchScope;
import io.mmsdk.cms.CmsClient;
import io.mmsdk.cms.core.Form;
import io.mmsdk.common.time.Scheduler;
import io.mmsdk.testkit.SimulatedCallBridge;
import io.mmsdk.testkit.SimulatedCluster;
import io.mmsdk.testkit.SimulatedDirectory;
import io.mmsdk.testkit.core.ClusterOptions;
import io.mmsdk.testkit.core.SimulatedClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/**
 * Runs small test classes through the JUnit engine and checks what the extension injected, and
 * that it closed it afterwards.
 */
class SimulatedClusterExtensionTest {
  /** What the sample classes saw; reset before each run. */
  static final List<Object> SEEN = new CopyOnWriteArrayList<>();

  private static Events run(Class<?> sample) {
    SEEN.clear();
    return EngineTestKit.engine("junit-jupiter").selectors(selectClass(sample)).execute()
        .testEvents();
  }

  private static void assertAllPassed(Events events, int tests) {
    events.assertStatistics(s -> s.started(tests).succeeded(tests).failed(0));
  }

  // ---- per-test scope with @ExtendWith defaults ----

  @ExtendWith(SimulatedClusterExtension.class)
  @TestMethodOrder(MethodOrderer.MethodName.class)
  static class PerTest {
    @Test
    void a_createsASpace(SimulatedCluster cluster, CmsClient cms, SimulatedClock clock) {
      SEEN.add(cluster);
      SEEN.add(clock);
      cms.coSpaces().create(Form.builder().set("name", "Standup").build());
      assertEquals(1, cms.coSpaces().list().stream().count());
      assertSame(cluster.clock(), clock);
    }

    @Test
    void b_seesAFreshCluster(SimulatedCluster cluster, CmsClient cms) {
      SEEN.add(cluster);
      assertEquals(0, cms.coSpaces().list().stream().count());
    }
  }

  @Test
  void extendWith_eachTestGetsAFreshClusterClosedAfterIt() {
    assertAllPassed(run(PerTest.class), 2);
    SimulatedCluster first = (SimulatedCluster) SEEN.get(0);
    SimulatedCluster second = (SimulatedCluster) SEEN.get(2);
    assertNotSame(first, second);
    assertFalse(first.callBridge(0).isUp(), "closed after its test");
    assertFalse(second.callBridge(0).isUp(), "closed after its test");
  }

  // ---- class scope through @BeforeAll, configured through @RegisterExtension ----

  @TestMethodOrder(MethodOrderer.MethodName.class)
  static class PerClass {
    @RegisterExtension
    static final SimulatedClusterExtension CMS = SimulatedClusterExtension.builder()
        .options(ClusterOptions.builder().callBridges(2).https(true)
            .clock(SimulatedClock.startingAt(Instant.parse("2026-03-02T08:00:00Z"))).build())
        .build();

    static SimulatedCluster shared;

    @BeforeAll
    static void startOnce(SimulatedCluster cluster) {
      shared = cluster;
      SEEN.add(cluster);
    }

    @Test
    void a_bothBridgesOverHttps(CmsClient first, @CallBridge(1) CmsClient second,
        @CallBridge(1) SimulatedCallBridge bridge, SimulatedCluster cluster) {
      assertSame(shared, cluster);
      assertTrue(bridge.baseUrl().startsWith("https://"));
      assertSame(cluster.callBridge(1), bridge);
      first.coSpaces().create(Form.builder().set("name", "Shared").build());
      assertEquals(1, second.coSpaces().list().stream().count(), "configuration is cluster-wide");
    }

    @Test
    void b_sharesTheClusterOfTheClass(SimulatedCluster cluster, CmsClient cms,
        SimulatedClock clock) {
      assertSame(shared, cluster);
      assertEquals(1, cms.coSpaces().list().stream().count(), "the space of the first test");
      assertEquals(Instant.parse("2026-03-02T08:00:00Z"), clock.instant());
    }
  }

  @Test
  void beforeAll_injectsOneClusterPerClass_closedAfterTheClass() {
    assertAllPassed(run(PerClass.class), 2);
    SimulatedCluster cluster = (SimulatedCluster) SEEN.get(0);
    assertEquals(1, SEEN.size());
    assertFalse(cluster.callBridge(0).isUp());
    assertFalse(cluster.callBridge(1).isUp());
  }

  // ---- bad bridge index ----

  @ExtendWith(SimulatedClusterExtension.class)
  static class MissingBridge {
    @Test
    void third(@CallBridge(2) CmsClient cms) {
      SEEN.add(cms);
    }
  }

  @Test
  void callBridgeOutOfRange_failsTheTestWithAClearMessage() {
    Events events = run(MissingBridge.class);
    events.assertStatistics(s -> s.failed(1));
    Throwable t = events.failed().stream().findFirst().orElseThrow().getPayload(
        org.junit.platform.engine.TestExecutionResult.class).orElseThrow().getThrowable()
        .orElseThrow();
    assertTrue(t.getMessage().contains("@CallBridge(2)"), t.getMessage());
    assertTrue(t.getMessage().contains("has 1 bridge(s)"), t.getMessage());
    assertTrue(SEEN.isEmpty());
  }

  // ---- directory from LDIF ----

  static class WithDirectory {
    @RegisterExtension
    static final SimulatedClusterExtension CMS = SimulatedClusterExtension.builder()
        .directory(SimulatedDirectory.builder()
            .ldif(Path.of("src/test/resources/people.ldif"))
            .entry("dn: uid=cdoe,ou=people,dc=example,dc=com", "objectClass: inetOrgPerson",
                "uid: cdoe", "cn: Carol Doe", "sn: Doe"))
        .build();

    @Test
    void searchesTheDirectory(SimulatedDirectory ldap) throws Exception {
      SEEN.add(ldap);
      try (LDAPConnection c = new LDAPConnection(ldap.host(), ldap.port(), ldap.bindDn(),
          ldap.bindPassword())) {
        List<String> uids = new ArrayList<>();
        c.search("ou=people," + ldap.baseDn(), SearchScope.ONE, "(objectClass=inetOrgPerson)",
            "uid").getSearchEntries().forEach(e -> uids.add(e.getAttributeValue("uid")));
        uids.sort(null);
        assertEquals(List.of("asmith", "bjones", "cdoe"), uids);
      }
    }
  }

  @Test
  void directory_loadedFromLdifAndBuilder_closedAfterTheTest() {
    assertAllPassed(run(WithDirectory.class), 1);
    SimulatedDirectory ldap = (SimulatedDirectory) SEEN.get(0);
    assertThrows(LDAPException.class, () -> new LDAPConnection(ldap.host(), ldap.port()).close(),
        "the directory stopped listening after the test");
  }

  // ---- the clock drives the cluster and the SDK together ----

  @ExtendWith(SimulatedClusterExtension.class)
  static class OneClock {
    @Test
    void sdkWorkAndClusterWorkShareTime(SimulatedCluster cluster, SimulatedClock clock) {
      Scheduler sdk = clock;
      List<Instant> runs = new ArrayList<>();
      sdk.scheduleRepeating(Duration.ofMinutes(1), Duration.ofMinutes(1), () -> runs.add(sdk.now()));
      Instant start = cluster.clock().instant();
      cluster.clock().advance(Duration.ofMinutes(3));
      assertEquals(List.of(start.plusSeconds(60), start.plusSeconds(120), start.plusSeconds(180)),
          runs);
      SEEN.add(runs.size());
    }
  }

  @Test
  void clock_isTheClustersClockAndAScheduler() {
    assertAllPassed(run(OneClock.class), 1);
    assertEquals(List.of(3), SEEN);
  }
}
