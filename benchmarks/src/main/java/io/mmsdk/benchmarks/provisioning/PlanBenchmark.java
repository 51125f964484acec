package io.mmsdk.benchmarks.provisioning;

import io.mmsdk.cms.CmsClient;
import io.mmsdk.provisioning.CmsClientGateway;
import io.mmsdk.provisioning.DesiredState;
import io.mmsdk.provisioning.LastActivatorBehaviour;
import io.mmsdk.provisioning.Layout;
import io.mmsdk.provisioning.OwnershipStore;
import io.mmsdk.provisioning.Plan;
import io.mmsdk.provisioning.Provisioner;
import io.mmsdk.provisioning.Role;
import io.mmsdk.provisioning.RoleDistinction;
import io.mmsdk.provisioning.RoleOverrides;
import io.mmsdk.provisioning.ServerSnapshot;
import io.mmsdk.provisioning.SpaceOverrides;
import io.mmsdk.provisioning.SpaceTemplate;
import io.mmsdk.testkit.SimulatedCluster;
import io.mmsdk.testkit.core.SimulatedClock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Plans 1,000 space templates (two roles each: 6,000 CMS objects) against a cluster that already has
 * them (no changes), against one where every template changed, and against an empty cluster. Target:
 * at most 100 ms per plan.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class PlanBenchmark {

  private static final int TEMPLATES = 1_000;

  private SimulatedCluster cluster;
  private CmsClient client;
  private Provisioner provisioner;
  private DesiredState state;
  private DesiredState changed;
  private ServerSnapshot committed;
  private ServerSnapshot empty;

  static DesiredState templates(String description) {
    DesiredState.Builder b = DesiredState.builder();
    for (int i = 0; i < TEMPLATES; i++) {
      b.addSpaceTemplate(SpaceTemplate.builder().name("Template " + i).description(description)
          .roleDistinction(RoleDistinction.UNIQUE_URI)
          .addRole(Role.builder().name("Host").uriGenerator("$.host").activator(true)
              .overrides(RoleOverrides.builder().defaultLayout(Layout.SPEAKER_ONLY).build()).build())
          .addRole(Role.builder().name("Guest").uriGenerator("$.guest").minPasscodeLength(6)
              .overrides(RoleOverrides.builder().lastActivatorLeaves(LastActivatorBehaviour.DEACTIVATE)
                  .videoAllowed(true).build()).build())
          .spaceOverrides(new SpaceOverrides(50, null, null, null))
          .build());
    }
    return b.build();
  }

  /**
   * Commits the templates once to a simulated cluster and reads them back; the benchmarks then plan
   * against those snapshots, so no request is measured.
   */
  @Setup
  public void setUp() {
    cluster = SimulatedCluster.start();
    client = CmsClient.builder().baseUrl(cluster.callBridge(0).baseUrl())
        .credentials(cluster.apiUsername(), cluster.apiPassword()).build();
    provisioner = Provisioner.builder().gateway(CmsClientGateway.create(client))
        .ownership(OwnershipStore.inMemory())
        .secrets(ref -> "unused").scheduler(SimulatedClock.startingAt(Instant.EPOCH)).build();
    state = templates("Host and guest");
    changed = templates("Host and guest, changed");
    provisioner.commit(state);
    committed = provisioner.refresh();
    empty = new ServerSnapshot(Map.of(), Map.of(), Instant.EPOCH);
  }

  /** Stops the simulated cluster. */
  @TearDown
  public void tearDown() {
    client.close();
    cluster.close();
  }

  /** Validates, translates and diffs 1,000 unchanged templates. */
  @Benchmark
  public Plan planNoChanges() {
    return provisioner.plan(state, committed);
  }

  /** Same, with every template's description changed (1,000 update steps). */
  @Benchmark
  public Plan planAllChanged() {
    return provisioner.plan(changed, committed);
  }

  /** Same, against an empty cluster (6,000 create steps). */
  @Benchmark
  public Plan planAllNew() {
    return provisioner.plan(state, empty);
  }
}
