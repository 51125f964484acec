package io.mmsdk.examples.demo;

import io.mmsdk.cdr.CdrPipeline;
import io.mmsdk.testkit.SimulatedCluster;
import io.mmsdk.testkit.SimulatedDirectory;
import io.mmsdk.testkit.core.ClusterOptions;
import io.mmsdk.testkit.core.SimulatedClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Random;

/**
 * The simulated deployment: a two-bridge cms-testkit cluster over HTTPS, a simulated LDAP
 * directory with generated people, and one {@link SimulatedClock} that is both the cluster's clock
 * and the SDK's scheduler, so advancing it moves both together.
 */
final class SimulatedWorld implements AutoCloseable {
  static final String BASE_DN = "ou=people,dc=example,dc=com";
  private static final String[] FIRST = {"Ada", "Bo", "Cleo", "Dev", "Eli", "Fay", "Gus", "Hana", "Ivo",
      "Jun", "Kai", "Lea", "Mo", "Nia", "Oli", "Pia", "Quin", "Rui", "Sol", "Tea"};
  private static final String[] LAST = {"Berg", "Dahl", "Holm", "Lund", "Moe", "Nygaard", "Strand",
      "Vik", "Aas", "Eide", "Foss", "Hauge", "Lie", "Ruud", "Sand"};

  final SimulatedCluster cms;
  /** The one simulated time: the cluster's clock and the scheduler every SDK part is built with. */
  final SimulatedClock scheduler;
  final SimulatedDirectory directory;
  final int staff;
  final int contractors;
  /** The receiver's pipeline, once started: {@link #awaitCdrs} also waits for its listeners. */
  private volatile CdrPipeline receiver;

  private SimulatedWorld(SimulatedCluster cms, SimulatedClock scheduler, SimulatedDirectory directory,
      int staff, int contractors) {
    this.cms = cms;
    this.scheduler = scheduler;
    this.directory = directory;
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
      // The default bind DN, cn=cms-bind,ou=service,dc=example,dc=com, is the sample's bindDn.
      SimulatedDirectory.Builder ds = SimulatedDirectory.builder()
          .entry("dn: " + BASE_DN, "objectClass: organizationalUnit", "ou: people");
      int staff = 0;
      int contractors = 0;
      Random names = new Random(7);
      for (int i = 1; i <= users; i++) {
        boolean contractor = i % 6 == 0;
        String first = FIRST[names.nextInt(FIRST.length)];
        String last = LAST[names.nextInt(LAST.length)];
        String uid = (first.charAt(0) + last + i).toLowerCase(Locale.ROOT);
        ds.entry("dn: uid=" + uid + "," + BASE_DN, "objectClass: person", "objectClass: inetOrgPerson",
            "uid: " + uid, "cn: " + first + " " + last, "sn: " + last, "employeeNumber: " + (40000 + i),
            "employeeType: " + (contractor ? "contractor" : "staff"));
        if (contractor) {
          contractors++;
        } else {
          staff++;
        }
      }
      return new SimulatedWorld(cms, clock, ds.start(), staff, contractors);
    } catch (RuntimeException e) {
      cms.close();
      throw e;
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
   * Moves simulated time forward one second at a time, running the cluster's work (calls ring,
   * answer, push CDRs) and the SDK's (timers, polls, retries) in due order, and waits for the CDRs
   * pushed in each second to arrive before the next.
   */
  void advance(Duration total) {
    for (long s = 0; s < total.toSeconds(); s++) {
      scheduler.advance(Duration.ofSeconds(1));
      awaitCdrs();
    }
  }

  /** Waits (briefly, in real time) until every bridge has delivered its CDRs. */
  void awaitCdrs() {
    if (!cms.awaitCdrDelivered(Duration.ofSeconds(10))) {
      throw new IllegalStateException("The simulated Call Bridges could not deliver their CDRs within 10 s");
    }
    CdrPipeline p = receiver;
    if (p != null && !p.awaitDelivered(Duration.ofSeconds(10))) {
      throw new IllegalStateException("The CDR listeners did not catch up within 10 s");
    }
  }
  /** Makes {@link #awaitCdrs} also wait until {@code pipeline} has handed the CDRs to its listeners. */
  void receiveInto(CdrPipeline pipeline) {
    this.receiver = pipeline;
  }


  @Override
  public void close() {
    directory.close();
    cms.close();
  }
}
