package io.mmsdk.examples.demo;

import io.mmsdk.blastdial.BlastDial;
import io.mmsdk.blastdial.BlastDialStore;
import io.mmsdk.blastdial.CmsCallBridgeGateway;
import io.mmsdk.blastdial.MonitoringSettings;
import io.mmsdk.cms.CmsClient;
import io.mmsdk.cms.api.User;
import io.mmsdk.cms.core.CmsObject;
import io.mmsdk.core.cluster.CallBridge;
import io.mmsdk.core.cluster.Cluster;
import io.mmsdk.core.cluster.ClusterRegistry;
import io.mmsdk.licensing.AllocationType;
import io.mmsdk.licensing.Allocations;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The full demo against the simulated cluster and the in-memory directory, step by step. */
final class SimulatedRun {
  static final int STEPS = 9;
  /** Simulated time starts here, so every run prints the same story. */
  static final Instant START = Instant.parse("2026-11-24T09:00:00Z");
  static final int HISTORY_DAYS = 30;

  private SimulatedRun() {}

  static DemoResult run(DemoOptions options, Progress progress) throws IOException, InterruptedException {
    Path out = options.outputDirectory();
    Files.createDirectories(out);
    // Journal, usage and ownership stores live in a temporary directory removed at the end, so
    // every run starts fresh and --out only ever receives the two report files.
    Path state = Files.createTempDirectory("mm-sdk-demo-");
    try {
      return run(options, progress, out, state);
    } finally {
      RealBridgeRun.deleteTree(state);
    }
  }

  /** What the later steps share once the cluster is registered, provisioned and sending CDRs. */
  private record Session(SimulatedWorld world, ClusterRegistry registry, Cluster cluster, CmsClient client,
      CdrStep cdr, BlastDialStep.CdrToBlastDial toBlastDial, Path state) {}

  private static DemoResult run(DemoOptions options, Progress progress, Path out, Path state)
      throws IOException, InterruptedException {
    progress.plain("Starting a simulated two-bridge CMS cluster (cms-testkit) and an LDAP directory with "
        + options.directoryUsers() + " people ...");
    try (SimulatedWorld world = SimulatedWorld.start(START, options.directoryUsers())) {
      int history = LicenseHistory.seed(world.cms, START, HISTORY_DAYS);
      progress.plain("  " + world.cms.callBridges().size() + " Call Bridges up; " + history
          + " past license-usage entries recorded on them (" + HISTORY_DAYS + " days)");

      ClusterRegistry registry = ClusterRegistry.inMemory();
      Cluster cluster = ClusterStep.run(progress, world, registry);
      CallBridge first = cluster.callBridges().get(0);
      try (CmsClient client = registry.client(first.id())) {
        ProvisioningStep.Outcome provisioned = ProvisioningStep.run(progress, world, client, first.name(), state);
        BlastDialStep.CdrToBlastDial toBlastDial = new BlastDialStep.CdrToBlastDial();
        try (CdrStep cdr = CdrStep.run(progress, world.scheduler, registry, cluster, state,
            toBlastDial)) {
          world.receiveInto(cdr.pipeline());
          Session session = new Session(world, registry, cluster, client, cdr, toBlastDial, state);
          return meetingsBlastDialAndLicensing(options, progress, session, provisioned, out);
        }
      }
    }
  }

  private static DemoResult meetingsBlastDialAndLicensing(DemoOptions options, Progress progress, Session s,
      ProvisioningStep.Outcome provisioned, Path out) throws IOException, InterruptedException {
    List<User> people = provisioned.users();
    List<CmsObject> spaces = provisioned.someSpaces();
    if (spaces.size() < 5 || people.isEmpty()) {
      throw new IllegalStateException("Expected at least 5 spaces and some users after the LDAP sync, found "
          + spaces.size() + " spaces and " + people.size() + " users");
    }
    int meetings = MeetingsStep.run(progress, s.world(), s.cdr().tracker, spaces.subList(0, 4), people,
        options.pace());
    OperatorStep.run(progress, s.world(), s.client(), spaces, people);

    Map<String, String> blastOutcomes;
    try (BlastDial blast = BlastDial.builder()
        .store(BlastDialStore.file(s.state().resolve("blastdial")))
        .scheduler(s.world().scheduler)
        .callBridge(s.cluster().id(), CmsCallBridgeGateway.create(s.client()))
        .clusters(s.registry())
        .executor(Runnable::run)  // dial-outs sent in step with simulated time
        .build()) {
      blast.setMonitoring(MonitoringSettings.primary());
      s.toBlastDial().target.set(blast);
      blastOutcomes = BlastDialStep.run(progress, s.world(), blast, s.cluster().id(), s.client(), spaces.get(4),
          people.get(0).userJid().orElse(""));
      s.toBlastDial().target.set(null);
    }

    LicensingStep.Outcome licensing = LicensingStep.run(progress, s.world().scheduler, s.registry(),
        Allocations.builder()
            .allocate(AllocationType.PMP, 40)
            .allocate(AllocationType.SMP, 18)
            .allocate(AllocationType.RECORDING_OR_STREAMING, 2)
            .customizationLicense(false)
            .build(),
        out, s.state());

    progress.step("Files");
    List<Path> files = new ArrayList<>(licensing.files());
    for (Path f : files) {
      progress.line("%s (%,d bytes)", f.toAbsolutePath().normalize(), Files.size(f));
    }
    progress.line("%d CDRs received and committed to the database (stores in a temporary directory, removed at exit)",
        s.cdr().recordsDelivered());
    return new DemoResult(true, provisioned.spaces(), provisioned.usersImported(), meetings, blastOutcomes,
        licensing.compliance(), files, progress.lines());
  }
}
