package io.mmsdk.examples.demo;

import io.mmsdk.blastdial.BlastDial;
import io.mmsdk.blastdial.CmsCallBridgeGateway;
import io.mmsdk.blastdial.FileBlastDialStore;
import io.mmsdk.blastdial.MonitoringSettings;
import io.mmsdk.cms.CmsClient;
import io.mmsdk.cms.CmsObject;
import io.mmsdk.core.cluster.CallBridge;
import io.mmsdk.core.cluster.Cluster;
import io.mmsdk.core.cluster.ClusterRegistry;
import io.mmsdk.licensing.AllocationType;
import io.mmsdk.licensing.Allocations;
import io.mmsdk.provisioning.CmsClientGateway;
import io.mmsdk.provisioning.CmsUser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The full demo against the simulated cluster and the in-memory directory, step by step. */
final class SimulatedRun {
  static final int STEPS = 8;
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
      BlastDialStep.CdrToBlastDial toBlastDial = new BlastDialStep.CdrToBlastDial();

      try (CmsClient client = registry.client(first.id());
           CdrStep cdr = CdrStep.run(progress, world.scheduler, registry, cluster, state.resolve("cdr-journal"),
               toBlastDial)) {
        ProvisioningStep.Outcome provisioned =
            ProvisioningStep.run(progress, world, client, first.name(), state);
        List<CmsUser> people = CmsClientGateway.of(client).users();
        List<CmsObject> spaces = provisioned.someSpaces();
        if (spaces.size() < 5) {
          throw new IllegalStateException("Expected at least 5 spaces after the LDAP sync, found " + spaces.size());
        }

        int meetings = MeetingsStep.run(progress, world, cdr.tracker, spaces.subList(0, 4), people, options.pace());

        Map<String, String> blastOutcomes;
        try (BlastDial blast = BlastDial.builder()
            .store(FileBlastDialStore.open(state.resolve("blastdial")))
            .scheduler(world.scheduler)
            .callBridge(cluster.id(), CmsCallBridgeGateway.create(client))
            .clusters(registry)
            .executor(Runnable::run)
            .build()) {
          blast.setMonitoring(MonitoringSettings.primary());
          toBlastDial.target.set(blast);
          blastOutcomes = BlastDialStep.run(progress, world, blast, cluster.id(), client, spaces.get(4),
              people.get(0).jid());
          toBlastDial.target.set(null);
        }

        LicensingStep.Outcome licensing = LicensingStep.run(progress, world.scheduler, registry,
            Allocations.builder()
                .allocate(AllocationType.PMP, 40)
                .allocate(AllocationType.SMP, 18)
                .allocate(AllocationType.RECORDING_OR_STREAMING, 2)
                .customizationLicense(false)
                .build(),
            out, state);

        progress.step("Files");
        List<Path> files = new ArrayList<>(licensing.files());
        for (Path f : files) {
          progress.line("%s (%,d bytes)", f.toAbsolutePath().normalize(), Files.size(f));
        }
        progress.line("%d CDRs received and journaled (stores were in a temporary directory, now removed)",
            cdr.recordsDelivered());
        return new DemoResult(true, provisioned.spaces(), provisioned.usersImported(), meetings, blastOutcomes,
            licensing.compliance(), files, progress.lines());
      }
    }
  }
}
