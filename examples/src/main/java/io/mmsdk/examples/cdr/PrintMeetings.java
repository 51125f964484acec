package io.mmsdk.examples.cdr;

import io.mmsdk.cdr.CdrHandler;
import io.mmsdk.cdr.CdrHttpServer;
import io.mmsdk.cdr.CdrJournal;
import io.mmsdk.cdr.CdrPipeline;
import io.mmsdk.cms.CmsClient;
import io.mmsdk.common.time.Scheduler;
import io.mmsdk.common.tls.TlsTrust;
import io.mmsdk.examples.ExampleFlags;
import io.mmsdk.meetings.CdrReceiverInstaller;
import io.mmsdk.meetings.Meeting;
import io.mmsdk.meetings.MeetingTracker;
import io.mmsdk.testkit.SimulatedCallBridge;
import io.mmsdk.testkit.SimulatedCluster;
import io.mmsdk.testkit.core.CallLegInfo;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * A standalone CDR receiver that prints meetings as they change.
 *
 * <pre>
 * PrintMeetings [--port 9080] [--journal DIR]
 *               [--cms-url https://cms1.example.com:8443 --cms-user api --cms-password-env CMS_PASSWORD
 *                [--trust-pem ca.pem] --public-url http://this-host.example.com:9080]
 * </pre>
 *
 * <p>With {@code --cms-url} it registers {@code --public-url} (how the Call Bridge reaches this
 * program) as a CDR receiver on that bridge and runs until stopped (Ctrl-C removes the entry
 * again). Without it, it starts a simulated Call Bridge, runs one short meeting and exits.
 */
public final class PrintMeetings {
  private PrintMeetings() {}

  /** Runs the example. */
  public static void main(String[] args) throws Exception {
    Map<String, String> flags = ExampleFlags.parse("PrintMeetings", args);
    Scheduler scheduler = Scheduler.system();
    Path journalDir = flags.containsKey("--journal") ? Path.of(flags.get("--journal"))
        : Files.createTempDirectory("cdr-journal-");
    byte[] secret = new byte[16];
    new SecureRandom().nextBytes(secret);
    String token = HexFormat.of().formatHex(secret);

    MeetingTracker tracker = MeetingTracker.builder().scheduler(scheduler).build();
    tracker.addListener(change -> System.out.printf("%s  %-22s %-20s %s %s%n", change.entry().time(),
        change.entry().kind(), change.name() == null ? "(unnamed)" : change.name(),
        change.entry().subject(), change.entry().detail()));
    CdrPipeline pipeline = CdrPipeline.builder()
        .store(CdrJournal.builder(journalDir).scheduler(scheduler).build())
        .addListener(tracker)
        .build();
    CdrHttpServer server = CdrHttpServer.builder()
        .address(new InetSocketAddress(Integer.parseInt(flags.getOrDefault("--port", "0"))))
        .handler(CdrHandler.builder().sink(pipeline).token(token).scheduler(scheduler).build())
        .start();
    System.out.println("CDR receiver listening on port " + server.port() + ", journal in " + journalDir);
    try {
      if (flags.containsKey("--cms-url")) {
        runAgainstRealBridge(flags, server, token);
      } else {
        runAgainstSimulatedBridge(server, token, tracker, pipeline);
      }
    } finally {
      server.close();
      pipeline.close();
      tracker.close();
    }
  }

  private static void runAgainstRealBridge(Map<String, String> flags, CdrHttpServer server, String token)
      throws IOException, InterruptedException {
    String password = System.getenv(ExampleFlags.required("PrintMeetings", flags, "--cms-password-env"));
    if (password == null) {
      fail("environment variable " + flags.get("--cms-password-env") + " is not set");
    }
    CmsClient.Builder builder = CmsClient.builder().baseUrl(flags.get("--cms-url"))
        .credentials(ExampleFlags.required("PrintMeetings", flags, "--cms-user"), password);
    if (flags.containsKey("--trust-pem")) {
      builder.tlsTrust(TlsTrust.pemFile(Path.of(flags.get("--trust-pem"))));
    }
    URI receiver = URI.create(ExampleFlags.required("PrintMeetings", flags, "--public-url") + server.uri().getPath()
        + "?cluster=example&token=" + token);
    CdrReceiverInstaller installer = CdrReceiverInstaller.create(receiver);
    try (CmsClient cms = builder.build()) {
      System.out.println("Registered on " + flags.get("--cms-url") + ": " + installer.install(cms).action()
          + ". Waiting for CDRs; Ctrl-C to stop.");
      CountDownLatch stopped = new CountDownLatch(1);
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        System.out.println("Removed " + installer.uninstall(cms) + " receiver entry.");
        stopped.countDown();
      }));
      stopped.await();
    }
  }

  private static void runAgainstSimulatedBridge(CdrHttpServer server, String token, MeetingTracker tracker,
      CdrPipeline pipeline) {
    try (SimulatedCluster cms = SimulatedCluster.start();
         CmsClient client = CmsClient.builder().baseUrl(cms.callBridge(0).baseUrl())
             .credentials(cms.apiUsername(), cms.apiPassword()).build()) {
      System.out.println("No --cms-url: using a simulated Call Bridge at " + cms.callBridge(0).baseUrl());
      URI receiver = URI.create(server.uri() + "?cluster=example&token=" + token);
      System.out.println("Receiver entry: " + CdrReceiverInstaller.create(receiver).install(client).action());
      String space = client.coSpaces().create(io.mmsdk.cms.core.Form.builder()
          .set("name", "Weekly sync").set("uri", "weekly.sync").build());

      SimulatedCallBridge bridge = cms.callBridge(0);
      CallLegInfo alice = bridge.join(space, "alice@example.com", "Alice");
      CallLegInfo bob = bridge.join(space, "bob@example.com", "Bob");
      cms.clock().advance(Duration.ofMinutes(5));
      delivered(cms, pipeline);
      for (Meeting m : tracker.activeMeetings()) {
        System.out.println(">> active: " + m.name() + " with " + m.activeParticipants().size() + " participants");
      }
      bridge.leave(bob.id());
      cms.clock().advance(Duration.ofMinutes(1));
      bridge.endCall(alice.callId());
      delivered(cms, pipeline);
      System.out.println(">> meetings seen: " + tracker.meetings().size() + ", active now: "
          + tracker.activeMeetings().size());
    }
  }

  private static void delivered(SimulatedCluster cms, CdrPipeline pipeline) {
    // Acknowledged by the receiver, then handed to the tracker on the pipeline's delivery thread.
    if (!cms.awaitCdrDelivered(Duration.ofSeconds(10))
        || !pipeline.awaitDelivered(Duration.ofSeconds(10))) {
      fail("the simulated Call Bridge could not deliver its CDRs");
    }
  }

  private static void fail(String message) {
    ExampleFlags.fail("PrintMeetings", message);
  }
}
