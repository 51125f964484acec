package io.mmsdk.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mmsdk.testkit.core.CallLegInfo;
import io.mmsdk.testkit.core.ClusterOptions;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.Credentials;
import okhttp3.FormBody;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EventsTest {
  private SimulatedCluster cms;
  private final BlockingQueue<String> received = new LinkedBlockingQueue<>();
  private final BlockingQueue<Integer> closed = new LinkedBlockingQueue<>();
  private WebSocket socket;

  @BeforeEach
  void start() {
    cms = SimulatedCluster.start();
  }

  @AfterEach
  void stop() {
    if (socket != null) {
      socket.cancel();
    }
    cms.close();
  }

  private String token() throws Exception {
    Request r = new Request.Builder().url(cms.callBridge(0).baseUrl() + "/api/v1/authTokens")
        .header("Authorization", Credentials.basic(cms.apiUsername(), cms.apiPassword()))
        .post(new FormBody.Builder().build()).build();
    try (Response response = Http.CLIENT.newCall(r).execute()) {
      assertEquals(200, response.code());
      return response.header("X-Cisco-CMS-Auth-Token");
    }
  }

  private void open(String token) {
    socket = Http.CLIENT.newWebSocket(
        new Request.Builder().url(cms.callBridge(0).eventsUrl() + "?authToken=" + token).build(),
        new WebSocketListener() {
          @Override
          public void onMessage(WebSocket webSocket, String text) {
            received.add(text);
          }

          @Override
          public void onClosing(WebSocket webSocket, int code, String reason) {
            closed.add(code);
          }

          @Override
          public void onFailure(WebSocket webSocket, Throwable t, Response response) {
            closed.add(response == null ? -1 : response.code());
          }
        });
  }

  private String next() throws InterruptedException {
    String m = received.poll(2, TimeUnit.SECONDS);
    assertNotNull(m, "expected an events message");
    return m;
  }

  private static String messageId(String json) {
    Matcher m = Pattern.compile("\"messageId\":(\\d+)").matcher(json);
    return m.find() ? m.group(1) : "";
  }

  private void ack(String json) {
    socket.send("{\"type\":\"messageAck\",\"messageAck\":{\"messageId\":" + messageId(json)
        + ",\"status\":\"success\"}}");
  }

  @Test
  void subscribeCalls_receivesAckSnapshotAndUpdates() throws Exception {
    open(token());
    socket.send("{\"type\":\"message\",\"message\":{\"messageId\":1,\"type\":\"subscribeRequest\","
        + "\"subscriptions\":[{\"index\":3,\"type\":\"calls\",\"elements\":[\"name\"]}]}}");
    String ack = next();
    assertTrue(ack.contains("\"type\":\"messageAck\"") && ack.contains("\"status\":\"success\""), ack);
    String state = next();
    assertTrue(state.contains("subscriptionUpdate") && state.contains("active"), state);
    ack(state);
    String snapshot = next();
    assertTrue(snapshot.contains("callListUpdate"), snapshot);
    ack(snapshot);
    String space = new Http(cms, 0).post("coSpaces", "name", "Town hall").idFromLocation();
    cms.callBridge(0).join(space, "a@example.com", "A");
    String add = next();
    assertTrue(add.contains("\"updateType\":\"add\"") && add.contains("Town hall")
        && add.contains("\"subscriptionIndex\":3"), add);
  }

  @Test
  void subscribeRoster_receivesParticipantAddAndRemove() throws Exception {
    String space = new Http(cms, 0).post("coSpaces", "name", "Board").idFromLocation();
    String call = cms.callBridge(0).startCall(space);
    open(token());
    socket.send("{\"type\":\"message\",\"message\":{\"messageId\":7,\"type\":\"subscribeRequest\","
        + "\"subscriptions\":[{\"index\":2,\"type\":\"callRoster\",\"call\":\"" + call
        + "\",\"elements\":[\"name\",\"state\"]}]}}");
    assertTrue(next().contains("\"messageId\":7"));
    String state = next();
    assertTrue(state.contains("\"state\":\"active\""), state);
    ack(state);
    ack(next());
    CallLegInfo leg = cms.callBridge(0).join(space, "ann@example.com", "Ann");
    String add = next();
    assertTrue(add.contains("rosterUpdate") && add.contains("\"participant\":\"" + leg.participantId())
        && add.contains("\"updateType\":\"add\""), add);
    ack(add);
    ack(next());
    cms.callBridge(0).leave(leg.id());
    String remove = next();
    assertTrue(remove.contains("\"updateType\":\"remove\""), remove);
  }

  @Test
  void badToken_isRefused() throws Exception {
    open("not-a-token");
    Integer code = closed.poll(2, TimeUnit.SECONDS);
    assertEquals(401, code);
  }

  @Test
  void clientStopsAcking_serverStopsSending() throws Exception {
    cms.close();
    cms = SimulatedCluster.start(ClusterOptions.builder().eventsMaxUnacknowledged(3).build());
    open(token());
    socket.send("{\"type\":\"message\",\"message\":{\"messageId\":1,\"type\":\"subscribeRequest\","
        + "\"subscriptions\":[{\"index\":1,\"type\":\"calls\",\"elements\":[\"name\"]}]}}");
    next();  // ack of our request
    next();  // subscriptionUpdate (unacked 1)
    next();  // snapshot (unacked 2)
    String space = new Http(cms, 0).post("coSpaces", "name", "Room").idFromLocation();
    CallLegInfo leg = cms.callBridge(0).join(space, "a@example.com", "A");
    next();  // add (unacked 3 = limit)
    cms.callBridge(0).leave(leg.id());
    assertNull(received.poll(300, TimeUnit.MILLISECONDS));
  }

  @Test
  void closeEventSockets_closesClient() throws Exception {
    open(token());
    for (int i = 0; i < 50 && cms.callBridge(0).openEventSockets() == 0; i++) {
      Thread.sleep(10);
    }
    cms.callBridge(0).closeEventSockets();
    assertEquals(1001, closed.poll(2, TimeUnit.SECONDS));
  }
}
