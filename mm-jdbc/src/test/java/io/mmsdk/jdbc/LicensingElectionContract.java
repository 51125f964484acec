package io.mmsdk.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mmsdk.core.cluster.CallBridge;
import io.mmsdk.core.cluster.Cluster;
import io.mmsdk.core.cluster.ClusterRegistry;
import io.mmsdk.core.notify.Notifications;
import io.mmsdk.licensing.LicenseMonitor;
import io.mmsdk.licensing.LicenseStateStore;
import io.mmsdk.licensing.MultipartyUsage;
import io.mmsdk.licensing.UsageSample;
import io.mmsdk.licensing.UsageSource;
import io.mmsdk.licensing.UsageStore;
import io.mmsdk.licensing.UsageValues;
import io.mmsdk.testkit.core.SimulatedClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two licensing monitors ("instance a" and "instance b", each with its own database handle, as two
 * processes would have) share one database and elect one collector through a {@link JdbcLease}.
 * Time is a {@link SimulatedClock}; no test sleeps. Subclassed per database.
 */
abstract class LicensingElectionContract {
  private static final Instant T0 = Instant.parse("2026-06-01T00:00:00Z");
  private static final Duration POLL = Duration.ofMinutes(5);
  private static final Duration LEASE = Duration.ofMinutes(15);
  @TempDir protected Path dir;
  private final SimulatedClock clock = SimulatedClock.startingAt(T0);
  private final List<AutoCloseable> toClose = new ArrayList<>();
  private Instance a;
  private Instance b;

  /** Opens a new handle on this test's shared database, as another process would. */
  protected abstract JdbcDatabase openDatabase();

  /** One SDK process: its own database handle, stores, lease and monitor. */
  private final class Instance {
    final AtomicInteger usageCalls = new AtomicInteger();
    final UsageStore usage;
    final LicenseMonitor monitor;

    Instance(String name) {
      JdbcDatabase db = openDatabase();
      usage = JdbcStores.usage(db);
      LicenseStateStore state = LicenseStateStore.file(dir.resolve(name));
      ClusterRegistry registry = ClusterRegistry.inMemory();
      registry.add(Cluster.builder().id("c1").name("Oslo").addCallBridge(CallBridge.builder().id("b1").name("cb1")
          .address("b1.example.com").credentials("admin", "secret").build()).build());
      monitor = LicenseMonitor.builder().scheduler(clock).registry(registry)
          .usageSources(bridge -> new Bridge(usageCalls)).usageStore(usage).stateStore(state)
          .notifications(Notifications.create(clock)).pollInterval(POLL)
          .election(JdbcStores.lease(db, "licensing-collector", name, LEASE)).build();
      toClose.add(state);
      toClose.add(usage);
      toClose.add(db);
    }
  }

  /** A Call Bridge whose one host reports a sample every 5 minutes of simulated time. */
  private final class Bridge implements UsageSource {
    private final AtomicInteger calls;

    Bridge(AtomicInteger calls) {
      this.calls = calls;
    }

    @Override
    public List<String> knownHosts() {
      return List.of("h1");
    }

    @Override
    public List<UsageSample> usage(String hostId, Instant start, Instant end) {
      calls.incrementAndGet();
      List<UsageSample> out = new ArrayList<>();
      for (Instant t = T0.minus(Duration.ofHours(1)); !t.isAfter(end); t = t.plus(POLL)) {
        if (!t.isBefore(start) && !t.isAfter(clock.instant())) {
          out.add(new UsageSample(hostId, t, new UsageValues(0, 0, 0, 1, 0, 0)));
        }
      }
      return out;
    }

    @Override
    public boolean hasActivation() {
      return true;
    }

    @Override
    public MultipartyUsage multipartyUsage() {
      return new MultipartyUsage(T0, 0, 0, 0, 0, 0, 0);
    }
  }

  @BeforeEach
  void twoInstances() {
    a = new Instance("instance-a");
    b = new Instance("instance-b");
  }

  @AfterEach
  void closeAll() throws Exception {
    a.monitor.close();
    b.monitor.close();
    for (AutoCloseable c : toClose) {
      c.close();
    }
  }

  /** Every 5-minute sample from an hour before T0 up to now: what one collector stores. */
  private long expectedSamples() {
    return Duration.between(T0.minus(Duration.ofHours(1)), clock.instant()).dividedBy(POLL) + 1;
  }

  @Test
  void twoMonitors_oneCollects_theOtherStandsByAndComputesFromTheSharedStore() {
    a.monitor.collectNow();
    b.monitor.collectNow();
    for (int round = 0; round < 6; round++) {
      clock.advance(POLL);
      b.monitor.collectNow();
      a.monitor.collectNow();
      assertTrue(a.monitor.isCollector());
      assertFalse(b.monitor.isCollector(), "only one instance may do licensing (seed 001, 2.9)");
    }
    assertEquals(0, b.usageCalls.get(), "the standby never asked a Call Bridge for usage");
    assertEquals(expectedSamples(), b.usage.size(), "the standby sees the collector's samples");
    assertEquals(a.monitor.status(), b.monitor.status());
  }

  @Test
  void collectorCrashes_standbyTakesOverWhenTheLeaseLapses_noUsageLost() {
    a.monitor.collectNow();
    b.monitor.start(); // the standby polls on the simulated clock
    clock.advance(POLL);
    a.monitor.collectNow();
    // a crashes now: it neither collects again nor resigns
    clock.advance(LEASE.minus(Duration.ofSeconds(1)));
    assertFalse(b.monitor.isCollector(), "the crashed collector's lease has not lapsed yet");
    assertEquals(0, b.usageCalls.get());
    clock.advance(POLL);
    assertTrue(b.monitor.isCollector(), "the standby took over once the lease lapsed");
    assertEquals(expectedSamples(), b.usage.size(), "collection resumed from the newest stored sample: no gap");
    clock.advance(POLL.multipliedBy(3));
    assertEquals(expectedSamples(), a.usage.size());
  }

  @Test
  void collectorCloses_resigns_standbyTakesOverAtItsNextRound() {
    a.monitor.collectNow();
    b.monitor.collectNow();
    assertFalse(b.monitor.isCollector());
    a.monitor.close();
    clock.advance(POLL);
    b.monitor.collectNow();
    assertTrue(b.monitor.isCollector(), "no wait for the lease to lapse after a clean close");
    a.monitor.collectNow();
    assertFalse(a.monitor.isCollector(), "a monitor that comes back stands by");
  }
}
