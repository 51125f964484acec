package io.mmsdk.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mmsdk.cdr.CdrHandler;
import io.mmsdk.cdr.CdrHttpServer;
import io.mmsdk.cdr.CdrJournal;
import io.mmsdk.cdr.CdrPipeline;
import io.mmsdk.cms.CmsClient;
import io.mmsdk.cms.CmsFields;
import io.mmsdk.cms.SystemStatus;
import io.mmsdk.cms.core.CmsObject;
import io.mmsdk.cms.core.Form;
import io.mmsdk.cms.core.ListOptions;
import io.mmsdk.cms.core.Page;
import io.mmsdk.common.time.Scheduler;
import io.mmsdk.common.tls.TlsTrust;
import io.mmsdk.meetings.CdrReceiverInstaller;
import io.mmsdk.meetings.Meeting;
import io.mmsdk.meetings.MeetingTracker;
import io.mmsdk.testkit.SimulatedCluster;
import io.mmsdk.testkit.core.ClusterOptions;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The code of docs/getting-started.md, against the simulated cluster over HTTPS. */
class GettingStartedTest {
  @TempDir Path dir;

  @Test
  void guide_connectListSpacesReceiveCdrs_asDocumented() throws Exception {
    try (SimulatedCluster sim = SimulatedCluster.start(ClusterOptions.builder().callBridges(2).https(true).build())) {
      String caPem = sim.findCaCertificatePem().orElseThrow();
      List<String> printed = new ArrayList<>();
      // 2. Connect
      try (CmsClient cms = CmsClient.builder()
          .baseUrl(sim.callBridge(0).baseUrl())
          .credentials(sim.apiUsername(), sim.apiPassword())
          .tlsTrust(TlsTrust.pemCertificates(caPem))
          .build()) {
        SystemStatus status = cms.systemStatus();
        printed.add("CMS " + status.softwareVersion() + " on host " + status.hostId());

        String salesId = null;
        for (int i = 0; i < 12; i++) {
          String id = cms.coSpaces().create(Form.builder().set(CmsFields.NAME, "Sales " + i)
              .set(CmsFields.URI, "sales" + i).build());
          salesId = salesId == null ? id : salesId;
        }
        cms.coSpaces().create(Form.builder().set(CmsFields.NAME, "Support").set(CmsFields.URI, "support").build());

        // 3. List spaces
        ListOptions sales = ListOptions.builder().filter("sales").pageSize(100).build();
        int listed = 0;
        for (CmsObject space : cms.coSpaces().list(sales)) {
          printed.add(space.findText("name").orElse("") + "  " + space.findText("uri").orElse(""));
          listed++;
        }
        Page first = cms.coSpaces().page(0, 20, ListOptions.builder().build());
        printed.add(first.items().size() + " of " + first.total() + ", more: " + first.hasMore());
        assertEquals(12, listed);
        assertEquals("10 of 13, more: true", printed.get(printed.size() - 1), "the server caps pages at 10");

        // 4. Receive CDRs
        Scheduler scheduler = Scheduler.system();
        MeetingTracker tracker = MeetingTracker.builder().scheduler(scheduler).build();
        CdrPipeline pipeline = CdrPipeline.builder()
            .store(CdrJournal.builder(dir.resolve("cdr")).scheduler(scheduler).build())
            .addListener(tracker)
            .build();
        byte[] secret = new byte[16];
        new SecureRandom().nextBytes(secret);
        String token = HexFormat.of().formatHex(secret);
        CdrHttpServer server = CdrHttpServer.builder()
            .address(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
            .handler(CdrHandler.builder().sink(pipeline).token(token).scheduler(scheduler).build())
            .start();
        try {
          URI receiver = URI.create("http://127.0.0.1:" + server.port() + server.uri().getPath()
              + "?cluster=london&token=" + token);
          for (int b = 0; b < 2; b++) {
            try (CmsClient bridge = CmsClient.builder().baseUrl(sim.callBridge(b).baseUrl())
                .credentials(sim.apiUsername(), sim.apiPassword())
                .tlsTrust(TlsTrust.pemCertificates(caPem)).build()) {
              assertEquals(CdrReceiverInstaller.Installation.Action.CREATED,
                  CdrReceiverInstaller.create(receiver).install(bridge).action());
            }
          }
          // 5. A participant dials in on the simulated bridge
          sim.callBridge(0).join(salesId, "alice@example.com", "Alice");
          assertTrue(sim.awaitCdrDelivered(Duration.ofSeconds(5)));
          assertTrue(pipeline.awaitDelivered(Duration.ofSeconds(5)));
          for (Meeting m : tracker.activeMeetings()) {
            printed.add(m.name() + ": " + m.activeParticipants().size() + " participants");
          }
        } finally {
          server.close();
          pipeline.close();
          tracker.close();
        }
      }
      assertTrue(printed.get(0).startsWith("CMS "), printed.toString());
      assertTrue(printed.contains("Sales 0  sales0"), printed.toString());
      assertEquals("Sales 0: 1 participants", printed.get(printed.size() - 1));
    }
  }
}
