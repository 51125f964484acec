package io.mmsdk.it.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mmsdk.cdr.CdrHandler;
import io.mmsdk.cdr.CdrHttpServer;
import io.mmsdk.cdr.CdrPipeline;
import io.mmsdk.cms.CmsClient;
import io.mmsdk.cms.CmsFields;
import io.mmsdk.cms.core.Form;
import io.mmsdk.meetings.CdrReceiverInstaller;
import io.mmsdk.meetings.Meeting;
import io.mmsdk.meetings.MeetingTracker;
import io.mmsdk.testkit.SimulatedCluster;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * What a new user does first, with nothing but the BOM: create a space through the client,
 * register mm-cdr's receiver on the simulated bridge, let someone join, and see the meeting.
 */
class FirstMeetingTest {
  @Test
  void participantJoinsSpace_trackerShowsTheMeeting() {
    try (SimulatedCluster cluster = SimulatedCluster.start();
        CmsClient cms = CmsClient.builder()
            .baseUrl(cluster.callBridge(0).baseUrl())
            .credentials(cluster.apiUsername(), cluster.apiPassword())
            .build();
        MeetingTracker tracker = MeetingTracker.builder().build();
        CdrPipeline pipeline = CdrPipeline.builder().addListener(tracker).build();
        CdrHttpServer server = CdrHttpServer.builder()
            .handler(CdrHandler.builder().sink(pipeline).token("consumer-token").build())
            .start()) {
      String space = cms.coSpaces().create(Form.builder().set(CmsFields.NAME, "Consumers").build());
      CdrReceiverInstaller.create(URI.create(server.uri() + "?cluster=it&token=consumer-token"))
          .install(cms);

      cluster.callBridge(0).join(space, "alice@example.com", "Alice");

      assertTrue(cluster.awaitCdrDelivered(Duration.ofSeconds(30)), "CDRs not delivered");
      assertTrue(pipeline.awaitDelivered(Duration.ofSeconds(30)), "CDRs not handed to the tracker");
      Meeting meeting = tracker.activeMeetings().get(0);
      assertEquals("Consumers", meeting.name());
      assertEquals("it", meeting.clusterId());
      assertEquals("Alice", meeting.activeParticipants().get(0).displayName());
    }
  }
}
