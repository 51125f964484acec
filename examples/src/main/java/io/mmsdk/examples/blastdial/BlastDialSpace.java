package io.mmsdk.examples.blastdial;

import io.mmsdk.blastdial.BlastDial;
import io.mmsdk.blastdial.BlastDialConfig;
import io.mmsdk.blastdial.BlastDialStore;
import io.mmsdk.blastdial.BlastStatus;
import io.mmsdk.blastdial.CallPoller;
import io.mmsdk.blastdial.CmsCallBridgeGateway;
import io.mmsdk.blastdial.ContactStatus;
import io.mmsdk.blastdial.MonitoringSettings;
import io.mmsdk.blastdial.SpaceKey;
import io.mmsdk.cdr.CallEnd;
import io.mmsdk.cdr.CallLegEnd;
import io.mmsdk.cdr.CallLegUpdate;
import io.mmsdk.cdr.CdrEvent;
import io.mmsdk.cdr.CdrHandler;
import io.mmsdk.cdr.CdrHttpServer;
import io.mmsdk.cdr.CdrListener;
import io.mmsdk.cdr.CdrPipeline;
import io.mmsdk.cdr.CdrStore;
import io.mmsdk.cms.CmsClient;
import io.mmsdk.cms.core.Form;
import io.mmsdk.common.time.Scheduler;
import io.mmsdk.common.tls.TlsTrust;
import io.mmsdk.examples.ExampleFlags;
import io.mmsdk.meetings.CdrReceiverInstaller;
import io.mmsdk.testkit.SimulatedCluster;
import io.mmsdk.testkit.core.CallLegInfo;
import io.mmsdk.testkit.core.EndpointScript;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;

/**
 * Blast dial for one space: configure it, load contacts from a CSV file, and dial them all when
 * the first participant joins. Outcomes come from CDRs, so the example runs a CDR receiver too.
 *
 * <pre>
 * BlastDialSpace [--contacts contacts.csv] [--retries 2]
 *                [--cms-url https://cms1.example.com:8443 --cms-user api --cms-password-env CMS_PASSWORD
 *                 [--trust-pem ca.pem] --space COSPACE_ID --public-url http://this-host:9080 [--port 9080]]
 * </pre>
 *
 * <p>CSV: {@code name,address,prompt} per line (see docs/mm-blastdial.md). With {@code --cms-url}
 * it runs until Ctrl-C. Without it, a simulated Call Bridge hosts the space and its scripted
 * contacts press 1, press *, are busy, or do not answer.
 */
public final class BlastDialSpace {
  private static final String CLUSTER = "example";
  private static final String SAMPLE_CSV = String.join("\n",
      "name,address,prompt",
      "Accepts,accepts@partner.example,true",
      "Declines,declines@partner.example,true",
      "Busy line,busy@partner.example,true",
      "No answer,silent@partner.example,true",
      "");

  private BlastDialSpace() {}

  /** Runs the example. */
  public static void main(String[] args) throws Exception {
    Map<String, String> flags = ExampleFlags.parse("BlastDialSpace", args);
    byte[] csv = flags.containsKey("--contacts") ? Files.readAllBytes(Path.of(flags.get("--contacts")))
        : SAMPLE_CSV.getBytes(StandardCharsets.UTF_8);
    String csvName = flags.containsKey("--contacts") ? Path.of(flags.get("--contacts")).getFileName().toString()
        : "contacts.csv";
    int retries = Integer.parseInt(flags.getOrDefault("--retries", "1"));
    boolean real = flags.containsKey("--cms-url");

    SimulatedCluster sim = real ? null : SimulatedCluster.start();
    Scheduler scheduler = real ? Scheduler.system() : sim.clock();  // one simulated time for both
    byte[] secret = new byte[16];
    new SecureRandom().nextBytes(secret);
    String token = HexFormat.of().formatHex(secret);
    ForwardToBlastDial forward = new ForwardToBlastDial();
    CdrPipeline pipeline = CdrPipeline.builder().store(CdrStore.none()).addListener(forward).build();
    CdrHttpServer receiver = CdrHttpServer.builder()
        .address(new InetSocketAddress(Integer.parseInt(flags.getOrDefault("--port", "0"))))
        .handler(CdrHandler.builder().sink(pipeline).token(token).scheduler(scheduler).build())
        .start();
    try (CmsClient cms = client(flags, sim);
         BlastDial blast = BlastDial.builder()
             .store(BlastDialStore.file(Files.createTempDirectory("blastdial-")))
             .scheduler(scheduler)
             .callBridge(CLUSTER, CmsCallBridgeGateway.create(cms))
             .build()) {
      forward.blast = blast;
      blast.setMonitoring(MonitoringSettings.primary());
      String base = real ? ExampleFlags.required("BlastDialSpace", flags, "--public-url") + receiver.uri().getPath() : receiver.uri().toString();
      CdrReceiverInstaller installer = CdrReceiverInstaller.create(URI.create(base + "?cluster=" + CLUSTER
          + "&token=" + token));
      installer.install(cms);

      String spaceId = real ? ExampleFlags.required("BlastDialSpace", flags, "--space")
          : cms.coSpaces().create(Form.builder().set("name", "Incident bridge").set("uri", "incident").build());
      SpaceKey space = SpaceKey.of(CLUSTER, spaceId);
      blast.configure(space, BlastDialConfig.builder().enabled(true).retries(retries)
          .retryDelay(Duration.ofSeconds(30)).build());
      System.out.println("Blast dial on space " + spaceId + ": " + blast.uploadCsv(space, csvName, csv).size()
          + " contacts, " + retries + " retries");

      try (CallPoller poller = CallPoller.start(blast, CLUSTER, cms, scheduler, CallPoller.DEFAULT_PERIOD)) {
        if (real) {
          System.out.println("Waiting for the first participant to join; Ctrl-C to stop.");
          Runtime.getRuntime().addShutdownHook(new Thread(() -> installer.uninstall(cms)));
          while (true) {
            Thread.sleep(10_000);
            blast.activeBlasts().forEach(BlastDialSpace::print);
          }
        }
        sim.scriptEndpoint("accepts@partner.example", EndpointScript.answersThenPresses("1"));
        sim.scriptEndpoint("declines@partner.example", EndpointScript.answersThenPresses("*"));
        sim.scriptEndpoint("busy@partner.example", EndpointScript.busy());
        sim.scriptEndpoint("silent@partner.example", EndpointScript.noAnswer());
        CallLegInfo host = sim.callBridge(0).join(spaceId, "host@example.com", "Host");
        System.out.println("host@example.com joined the space (simulated)");
        for (int s = 0; s < 240; s++) {  // four simulated minutes, a second at a time
          sim.clock().advance(Duration.ofSeconds(1));
          sim.awaitCdrDelivered(Duration.ofSeconds(10));
          pipeline.awaitDelivered(Duration.ofSeconds(10));
          if (blast.findStatus(CLUSTER, host.callId()).map(st -> st.phase().isFinal()).orElse(false)) {
            break;
          }
        }
        print(blast.findStatus(CLUSTER, host.callId()).orElseThrow());
      }
    } finally {
      receiver.close();
      pipeline.close();
      if (sim != null) {
        sim.close();
      }
    }
  }

  /** Hands the three record types blast dial needs from the CDR pipeline to it. */
  private static final class ForwardToBlastDial implements CdrListener {
    volatile BlastDial blast;

    @Override
    public void onEvent(CdrEvent event) {
      BlastDial b = blast;
      if (b == null || !(event instanceof CdrEvent.RecordReceived received)) {
        return;
      }
      if (received.record() instanceof CallLegUpdate u && "connected".equals(u.state())) {
        b.callLegConnected(u.callLegId(), Objects.toString(u.confirmationStatus(), ""));
      } else if (received.record() instanceof CallLegEnd e) {
        b.callLegEnded(e.callLegId(), Objects.toString(e.reason(), ""), Objects.toString(e.confirmationStatus(), ""));
      } else if (received.record() instanceof CallEnd c) {
        b.meetingEnded(received.origin().clusterId(), c.callId());
      }
    }
  }

  private static void print(BlastStatus status) {
    System.out.println("Call " + status.callId() + ": " + status.phase());
    for (ContactStatus c : status.contacts()) {
      System.out.printf("  %-28s %-18s attempts=%d last=%s%n", c.contact().address(), c.state(), c.attempts(),
          Objects.toString(c.lastResult(), "-"));
    }
  }

  private static CmsClient client(Map<String, String> flags, SimulatedCluster sim) throws Exception {
    if (sim != null) {
      System.out.println("No --cms-url: using a simulated Call Bridge at " + sim.callBridge(0).baseUrl());
      return CmsClient.builder().baseUrl(sim.callBridge(0).baseUrl())
          .credentials(sim.apiUsername(), sim.apiPassword()).build();
    }
    String password = System.getenv(ExampleFlags.required("BlastDialSpace", flags, "--cms-password-env"));
    if (password == null) {
      fail("environment variable " + flags.get("--cms-password-env") + " is not set");
    }
    CmsClient.Builder builder = CmsClient.builder().baseUrl(flags.get("--cms-url"))
        .credentials(ExampleFlags.required("BlastDialSpace", flags, "--cms-user"), password);
    if (flags.containsKey("--trust-pem")) {
      builder.tlsTrust(TlsTrust.pemFile(Path.of(flags.get("--trust-pem"))));
    }
    return builder.build();
  }

  private static void fail(String message) {
    ExampleFlags.fail("BlastDialSpace", message);
  }
}
