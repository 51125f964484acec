package io.mmsdk.examples.demo;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPException;
import io.mmsdk.common.time.ManualScheduler;
import io.mmsdk.testkit.ClusterOptions;
import io.mmsdk.testkit.SimulatedClock;
import io.mmsdk.testkit.SimulatedCluster;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Random;

/**
 * The simulated deployment: a two-bridge cms-testkit cluster over HTTPS, an UnboundID in-memory
 * directory with generated people, and one simulated time that moves the cluster's clock and the
 * SDK's {@link ManualScheduler} together.
 */
final class SimulatedWorld implements AutoCloseable {
  static final String BASE_DN = "ou=people,dc=example,dc=com";
  static final String BIND_DN = "cn=cms-bind,ou=service,dc=example,dc=com";
  private static final String[] FIRST = {"Ada", "Bo", "Cleo", "Dev", "Eli", "Fay", "Gus", "Hana", "Ivo",
      "Jun", "Kai", "Lea", "Mo", "Nia", "Oli", "Pia", "Quin", "Rui", "Sol", "Tea"};
  private static final String[] LAST = {"Berg", "Dahl", "Holm", "Lund", "Moe", "Nygaard", "Strand",
      "Vik", "Aas", "Eide", "Foss", "Hauge", "Lie", "Ruud", "Sand"};

  final SimulatedCluster cms;
  final ManualScheduler scheduler;
  final InMemoryDirectoryServer directory;
  final String bindPassword;
  final int staff;
  final int contractors;

  private SimulatedWorld(SimulatedCluster cms, ManualScheduler scheduler, InMemoryDirectoryServer directory,
      String bindPassword, int staff, int contractors) {
    this.cms = cms;
    this.scheduler = scheduler;
    this.directory = directory;
    this.bindPassword = bindPassword;
    this.staff = staff;
    this.contractors = contractors;
  }

  /** Starts both servers; the directory gets {@code users} people, about one in six contractors. */
  static SimulatedWorld start(Instant start, int users) {
    SimulatedClock clock = SimulatedClock.startingAt(start);
    SimulatedCluster cms = SimulatedCluster.start(ClusterOptions.builder()
        .callBridges(2)
        .https(true)
        .clock(clock)
        .pageLimit("MPLicenseUsage", 1000)
        .build());
    try {
      String password = Long.toHexString(new Random().nextLong());
      InMemoryDirectoryServer ds = startDirectory(password);
      int staff = 0;
      int contractors = 0;
      Random names = new Random(7);
      for (int i = 1; i <= users; i++) {
        boolean contractor = i % 6 == 0;
        String first = FIRST[names.nextInt(FIRST.length)];
        String last = LAST[names.nextInt(LAST.length)];
        String uid = (first.charAt(0) + last + i).toLowerCase(Locale.ROOT);
        addPerson(ds, uid, first + " " + last, last, String.valueOf(40000 + i),
            contractor ? "contractor" : "staff");
        if (contractor) {
          contractors++;
        } else {
          staff++;
        }
      }
      return new SimulatedWorld(cms, ManualScheduler.startingAt(start), ds, password, staff, contractors);
    } catch (RuntimeException e) {
      cms.close();
      throw e;
    }
  }

  private static InMemoryDirectoryServer startDirectory(String password) {
    try {
      InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig("dc=example,dc=com");
      config.addAdditionalBindCredentials(BIND_DN, password);
      config.setSchema(null);
      config.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig("ldap", 0));
      InMemoryDirectoryServer ds = new InMemoryDirectoryServer(config);
      ds.add("dn: dc=example,dc=com", "objectClass: domain", "dc: example");
      ds.add("dn: " + BASE_DN, "objectClass: organizationalUnit", "ou: people");
      ds.startListening();
      return ds;
    } catch (LDAPException | com.unboundid.ldif.LDIFException e) {
      throw new IllegalStateException("Could not start the in-memory LDAP directory: " + e.getMessage(), e);
    }
  }

  private static void addPerson(InMemoryDirectoryServer ds, String uid, String cn, String sn, String number,
      String type) {
    Entry e = new Entry("uid=" + uid + "," + BASE_DN);
    e.addAttribute("objectClass", "person", "inetOrgPerson");
    e.addAttribute("uid", uid);
    e.addAttribute("cn", cn);
    e.addAttribute("sn", sn);
    e.addAttribute("employeeNumber", number);
    e.addAttribute("employeeType", type);
    try {
      ds.add(e);
    } catch (LDAPException ex) {
      throw new IllegalStateException("Could not add " + uid + " to the directory: " + ex.getMessage(), ex);
    }
  }

  /** The CA certificate of the simulated bridges' HTTPS endpoints. */
  String caPem() {
    return cms.findCaCertificatePem().orElseThrow();
  }

  Instant now() {
    return scheduler.now();
  }

  /**
   * Moves simulated time forward one second at a time: the cluster first (calls ring, answer,
   * push CDRs, which are awaited), then the SDK's scheduler (timers, polls, retries).
   */
  void advance(Duration total) {
    for (long s = 0; s < total.toSeconds(); s++) {
      cms.clock().advance(Duration.ofSeconds(1));
      awaitCdrs();
      scheduler.advance(Duration.ofSeconds(1));
      awaitCdrs();
    }
  }

  /** Waits (briefly, in real time) until every bridge has delivered its CDRs. */
  void awaitCdrs() {
    if (!cms.awaitCdrDelivered(Duration.ofSeconds(10))) {
      throw new IllegalStateException("The simulated Call Bridges could not deliver their CDRs within 10 s");
    }
  }

  @Override
  public void close() {
    directory.shutDown(true);
    cms.close();
  }
}
