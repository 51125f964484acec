package io.mmsdk.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mmsdk.testkit.core.CallLegInfo;
import io.mmsdk.testkit.core.ClusterOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CdrPushTest {
  private final AtomicBoolean accepting = new AtomicBoolean(true);
  private final CountDownLatch lastRecordRefused = new CountDownLatch(1);
  private final MockWebServer receiver = new MockWebServer();
  private SimulatedCluster cms;

  @BeforeEach
  void start() throws Exception {
    receiver.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        boolean accept = accepting.get();
        if (!accept && request.getBody().utf8().contains("recordIndex=\"5\"")) {
          lastRecordRefused.countDown();
        }
        return new MockResponse.Builder().code(accept ? 200 : 503).build();
      }
    });
    receiver.start();
  }

  @AfterEach
  void stop() throws Exception {
    if (cms != null) {
      cms.close();
    }
    receiver.close();
  }

  private List<String> drain() throws InterruptedException {
    List<String> bodies = new ArrayList<>();
    RecordedRequest r;
    while ((r = receiver.takeRequest(50, TimeUnit.MILLISECONDS)) != null) {
      bodies.add(r.getTarget() + "\n" + r.getBody().utf8());
    }
    return bodies;
  }

  private static List<String> all(String regex, String text) {
    List<String> out = new ArrayList<>();
    Matcher m = Pattern.compile(regex).matcher(text);
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  private Http setUp(ClusterOptions options) {
    cms = SimulatedCluster.start(options);
    Http api = new Http(cms, 0);
    api.post("system/cdrReceivers", "uri", receiver.url("/cdr?system_id=cms1").toString());
    return api;
  }

  @Test
  void callLifecycle_pushesRecordsInOrderWithIndices() throws Exception {
    Http api = setUp(ClusterOptions.defaults());
    String space = api.post("coSpaces", "name", "Weekly").idFromLocation();
    CallLegInfo leg = cms.callBridge(0).join(space, "alice@example.com", "Alice");
    cms.clock().advance(Duration.ofSeconds(42));
    cms.callBridge(0).leave(leg.id());
    assertTrue(cms.awaitCdrDelivered(Duration.ofSeconds(5)));
    String text = String.join("\n", drain());
    assertTrue(text.startsWith("/cdr?system_id=cms1\n<?xml version=\"1.0\"?>\n<records session=\""
        + cms.callBridge(0).cdrSession() + "\">"), text);
    assertEquals(List.of("callStart", "callLegStart", "callLegUpdate", "callLegEnd", "callEnd"),
        all("type=\"(\\w+)\"", text));
    assertEquals(List.of("1", "2", "3", "4", "5"), all("recordIndex=\"(\\d+)\"", text));
    assertEquals(List.of("0", "1", "2", "3", "4"), all("correlatorIndex=\"(\\d+)\"", text));
    assertTrue(text.contains("<reason>remoteTeardown</reason><remoteTeardown>true</remoteTeardown>"
        + "<durationSeconds>42</durationSeconds>"), text);
    assertTrue(text.contains("<coSpace>" + space + "</coSpace>"));
    assertTrue(text.contains("<state>connected</state>"));
  }

  @Test
  void receiverRefuses_recordsAreResentUntil200() throws Exception {
    Http api = setUp(ClusterOptions.defaults());
    accepting.set(false);
    String space = api.post("coSpaces", "name", "Weekly").idFromLocation();
    cms.callBridge(0).join(space, "alice@example.com", "Alice");
    assertTrue(!cms.awaitCdrDelivered(Duration.ofMillis(300)));
    accepting.set(true);
    assertTrue(cms.awaitCdrDelivered(Duration.ofSeconds(5)));
    List<String> bodies = drain();
    String last = bodies.get(bodies.size() - 1);
    assertEquals(List.of("1", "2", "3"), all("recordIndex=\"(\\d+)\"", last));
  }

  @Test
  void bufferOverflow_marksNumPreceedingRecordsMissing() throws Exception {
    Http api = setUp(ClusterOptions.builder().cdrBufferCapacity(2).build());
    accepting.set(false);
    String space = api.post("coSpaces", "name", "Weekly").idFromLocation();
    CallLegInfo leg = cms.callBridge(0).join(space, "alice@example.com", "Alice");
    cms.callBridge(0).leave(leg.id());
    // The pusher sends one POST at a time: once one holding the last record was refused, none
    // sent earlier can still be answered after the switch.
    assertTrue(lastRecordRefused.await(5, TimeUnit.SECONDS));
    accepting.set(true);
    assertTrue(cms.awaitCdrDelivered(Duration.ofSeconds(5)));
    List<String> bodies = drain();
    String last = bodies.get(bodies.size() - 1);
    assertEquals(List.of("4", "5"), all("recordIndex=\"(\\d+)\"", last));
    assertEquals(List.of("3"), all("numPreceedingRecordsMissing=\"(\\d+)\"", last));
  }

  @Test
  void restart_newSessionAndCountersReset() throws Exception {
    Http api = setUp(ClusterOptions.defaults());
    String before = cms.callBridge(0).cdrSession();
    cms.callBridge(0).restart();
    assertTrue(!before.equals(cms.callBridge(0).cdrSession()));
    String space = api.post("coSpaces", "name", "Weekly").idFromLocation();
    cms.callBridge(0).startCall(space);
    assertTrue(cms.awaitCdrDelivered(Duration.ofSeconds(5)));
    String text = String.join("\n", drain());
    assertTrue(text.contains("session=\"" + cms.callBridge(0).cdrSession() + "\""));
    assertEquals(List.of("0"), all("correlatorIndex=\"(\\d+)\"", text));
  }
}
