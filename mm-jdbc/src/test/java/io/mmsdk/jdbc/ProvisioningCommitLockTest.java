package io.mmsdk.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mmsdk.cms.CmsClient;
import io.mmsdk.cms.RetryPolicy;
import io.mmsdk.provisioning.CmsClientGateway;
import io.mmsdk.provisioning.CommitInProgressException;
import io.mmsdk.provisioning.CommitLock;
import io.mmsdk.provisioning.DesiredState;
import io.mmsdk.provisioning.DesiredStateJson;
import io.mmsdk.provisioning.OwnershipStore;
import io.mmsdk.provisioning.Plan;
import io.mmsdk.provisioning.Provisioner;
import io.mmsdk.testkit.SimulatedCluster;
import io.mmsdk.testkit.core.SimulatedClock;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two provisioning instances (each with its own database handle, as two processes would have)
 * commit to one simulated cluster through one SQLite database: the commit lock in the database lets
 * one commit at a time, and the other gets a {@link CommitInProgressException} having applied
 * nothing.
 */
class ProvisioningCommitLockTest {
  private static final Duration LOCK = Duration.ofMinutes(2);
  @TempDir Path dir;
  private final SimulatedClock clock = SimulatedClock.startingAt(Instant.parse("2026-11-24T10:00:00Z"));
  private final List<AutoCloseable> toClose = new ArrayList<>();
  private SimulatedCluster cluster;
  private CmsClient client;

  @BeforeEach
  void start() {
    cluster = SimulatedCluster.start();
    client = CmsClient.builder().baseUrl(cluster.callBridge(0).baseUrl())
        .credentials(cluster.apiUsername(), cluster.apiPassword()).retryPolicy(RetryPolicy.none()).build();
    toClose.add(client);
    toClose.add(cluster);
  }

  @AfterEach
  void stop() throws Exception {
    for (int i = toClose.size() - 1; i >= 0; i--) {
      toClose.get(i).close();
    }
  }

  private JdbcDatabase database() {
    JdbcDatabase db = JdbcDatabase.sqlite(dir.resolve("shared.db"));
    toClose.add(db);
    return db;
  }

  /** One instance's Provisioner; its lock is returned through {@code lock[0]}. */
  private Provisioner provisioner(String holder, JdbcLease[] lock) {
    JdbcDatabase db = database();
    OwnershipStore ownership = JdbcStores.ownership(db, "cluster-1");
    toClose.add(ownership);
    lock[0] = JdbcStores.lease(db, "provisioning:cluster-1", holder, LOCK);
    return Provisioner.builder().gateway(CmsClientGateway.create(client)).ownership(ownership)
        .secrets(ref -> "pw").scheduler(clock).commitLock(lock[0]).build();
  }

  private static DesiredState state() {
    try (InputStream in = ProvisioningCommitLockTest.class.getResourceAsStream("/desired-state.json")) {
      return DesiredStateJson.fromJson(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private long ldapServers() {
    return client.ldapServers().list().stream().count();
  }

  @Test
  void commit_whileAnotherInstanceCommits_failsTypedNamingTheHolderAndAppliesNothing() {
    JdbcLease[] lockA = new JdbcLease[1];
    JdbcLease[] lockB = new JdbcLease[1];
    provisioner("instance-a", lockA);
    Provisioner b = provisioner("instance-b", lockB);
    Plan plan = b.plan(state());

    try (CommitLock.Held held = lockA[0].acquire(clock.instant())) { // a's commit is in progress
      CommitInProgressException e = assertThrows(CommitInProgressException.class, () -> b.commit(plan));
      assertEquals("instance-a", e.holder());
      assertTrue(e.getMessage().contains("plan again"), e.getMessage());
      assertEquals(0, ldapServers(), "the loser applied nothing");
    }
    b.commit(plan);
    assertEquals(1, ldapServers());
    assertTrue(b.plan(state()).isEmpty(), "the lock was released after the commit");
    assertTrue(lockA[0].tryAcquire(clock.instant()), "b's commit released the lock");
  }

  @Test
  void commit_holderCrashed_lockLapsesAndTheOtherInstanceCommits() {
    JdbcLease[] lockA = new JdbcLease[1];
    JdbcLease[] lockB = new JdbcLease[1];
    provisioner("instance-a", lockA);
    Provisioner b = provisioner("instance-b", lockB);
    Plan plan = b.plan(state());
    lockA[0].acquire(clock.instant()); // a takes the lock and dies without releasing it
    assertThrows(CommitInProgressException.class, () -> b.commit(plan));
    clock.advance(LOCK);
    b.commit(plan);
    assertEquals(1, ldapServers());
  }

  @Test
  void renew_holdLapsedAndTaken_failsTypedSoTheCommitStopsBeforeItsNextStep() {
    JdbcLease[] lockA = new JdbcLease[1];
    JdbcLease[] lockB = new JdbcLease[1];
    provisioner("instance-a", lockA);
    provisioner("instance-b", lockB);
    CommitLock.Held held = lockA[0].acquire(clock.instant());
    clock.advance(LOCK.dividedBy(2));
    held.renew(clock.instant()); // a renewing in time keeps the lock
    clock.advance(LOCK.dividedBy(2));
    assertThrows(CommitInProgressException.class, () -> lockB[0].acquire(clock.instant()));
    clock.advance(LOCK); // a stalled past its lease; b takes the lock
    assertTrue(lockB[0].tryAcquire(clock.instant()));
    CommitInProgressException e = assertThrows(CommitInProgressException.class, () -> held.renew(clock.instant()));
    assertEquals("instance-b", e.holder());
    held.close();
    assertEquals("instance-b", lockB[0].findHolder(clock.instant()).orElseThrow(), "a's release leaves b's lock alone");
  }

  @Test
  void lease_defaultHolderNamesThisProcess_badArgumentsRejected() {
    JdbcDatabase db = database();
    JdbcLease lease = JdbcStores.lease(db, "provisioning:cluster-2", LOCK);
    assertTrue(lease.tryAcquire(clock.instant()));
    assertTrue(lease.findHolder(clock.instant()).orElseThrow().startsWith(ProcessHandle.current().pid() + "@"));
    assertThrows(IllegalArgumentException.class, () -> JdbcStores.lease(db, " ", "a", LOCK));
    assertThrows(IllegalArgumentException.class, () -> JdbcStores.lease(db, "n", "a", Duration.ZERO));
    assertThrows(NullPointerException.class, () -> JdbcStores.lease(db, "n", null, LOCK));
  }
}
