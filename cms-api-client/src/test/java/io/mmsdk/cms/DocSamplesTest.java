package io.mmsdk.cms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mmsdk.cms.core.CmsObject;
import io.mmsdk.cms.core.Form;
import io.mmsdk.cms.core.ListOptions;
import io.mmsdk.cms.events.CallListUpdate;
import io.mmsdk.cms.events.CmsEventListener;
import io.mmsdk.cms.events.CmsEventsClient;
import io.mmsdk.cms.events.EventGap;
import io.mmsdk.cms.events.RosterUpdate;
import io.mmsdk.cms.events.Subscription;
import io.mmsdk.common.tls.TlsTrust;
import io.mmsdk.testkit.SimulatedCluster;
import io.mmsdk.testkit.core.ClusterOptions;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The code samples of docs/cms-api-client.md, run against the simulated cluster over HTTPS. */
class DocSamplesTest {
  @Test
  void guide_samples_runAsDocumented() throws Exception {
    try (SimulatedCluster cluster = SimulatedCluster.start(ClusterOptions.builder().https(true).build())) {
      String caPem = cluster.findCaCertificatePem().orElseThrow();
      String password = cluster.apiPassword();
      int port = URI.create(cluster.callBridge(0).baseUrl()).getPort();

      try (CmsClient cms = CmsClient.builder()
          .host("localhost").port(port)
          .credentials(cluster.apiUsername(), password)
          .tlsTrust(TlsTrust.pemCertificates(caPem))
          .connectTimeout(Duration.ofSeconds(5))
          .readTimeout(Duration.ofSeconds(30))
          .retryPolicy(RetryPolicy.defaults())
          .build()) {
        SystemStatus status = cms.systemStatus();
        assertTrue(status.softwareVersion().major() >= 2);

        String id = cms.coSpaces().create(Form.builder()
            .set(CmsFields.NAME, "Sales")
            .set(CmsFields.URI, "sales")
            .set(CmsFields.NON_MEMBER_ACCESS, false)
            .build());
        CmsObject space = cms.coSpaces().get(id);
        String uri = space.find(CmsFields.URI).orElse("");
        assertEquals("sales", uri);
        cms.coSpaces().update(id, Form.builder()
            .set(CmsFields.NAME, "Sales EMEA")
            .unset(CmsFields.SECONDARY_URI)
            .build());

        ListOptions sales = ListOptions.builder().filter("sales").pageSize(100).build();
        List<String> names = new ArrayList<>();
        for (CmsObject s : cms.coSpaces().list(sales)) {
          names.add(s.find(CmsFields.NAME).orElse(""));
        }
        assertEquals(List.of("Sales EMEA"), names);
        assertEquals(1, cms.coSpaces().count(sales));

        Form form = Form.builder().set(CmsFields.NAME, "Copy").set(CmsFields.URI, "sales").build();
        try {
          cms.coSpaces().create(form);
          throw new AssertionError("a second coSpace with uri 'sales' must be refused");
        } catch (CmsDuplicateException e) {
          assertEquals(Optional.of(FailureReason.DUPLICATE_CO_SPACE_URI), e.findFailureReason());
        }

        String callId = cluster.callBridge(0).startCall(id);
        CountDownLatch sawCall = new CountDownLatch(1);
        try (CmsEventsClient events = CmsEventsClient.builder(cms)
            .subscriptions(List.of(
                Subscription.calls(1, Subscription.CALL_ELEMENTS),
                Subscription.callRoster(2, callId, Subscription.ROSTER_ELEMENTS)))
            .reconnectBackoff(Duration.ofSeconds(1), Duration.ofSeconds(60))
            .listener(new CmsEventListener() {
              @Override public void onCallListUpdate(CallListUpdate u) {
                if (u.updates().stream().anyMatch(x -> x.id().equals(callId))) {
                  sawCall.countDown();
                }
              }

              @Override public void onRosterUpdate(RosterUpdate u) { }

              @Override public void onGap(EventGap gap) { }

              @Override public void onReconnected() { }
            })
            .build()) {
          events.start();
          assertTrue(sawCall.await(5, TimeUnit.SECONDS));
        }
        cms.coSpaces().delete(id);
      }
    }
  }
}
