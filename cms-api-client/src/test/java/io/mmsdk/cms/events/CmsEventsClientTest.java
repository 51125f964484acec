package io.mmsdk.cms.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import io.mmsdk.cms.CmsAuthenticationException;
import io.mmsdk.cms.CmsClient;
import io.mmsdk.common.MmSdkException;
import io.mmsdk.cms.RetryPolicy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Events client against a MockWebServer playing the token endpoint and the WebSocket. */
class CmsEventsClientTest {
  private static final JsonAdapter<Object> JSON = new Moshi.Builder().build().adapter(Object.class);
  private static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");

  private final BlockingQueue<String> fromClient = new LinkedBlockingQueue<>();
  private final BlockingQueue<WebSocket> serverSockets = new LinkedBlockingQueue<>();
  private final BlockingQueue<String> upgradeTokens = new LinkedBlockingQueue<>();
  private final BlockingQueue<String> upgradeExtensions = new LinkedBlockingQueue<>();
  private final RecordingListener events = new RecordingListener();
  private final AtomicInteger tokens = new AtomicInteger();
  private volatile int tokenStatus = 200;
  private volatile int upgradeStatus = 0;
  private MockWebServer server;
  private CmsClient cms;

  @BeforeEach
  void setUp() throws Exception {
    server = new MockWebServer();
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        if (request.getMethod().equals("POST") && request.getTarget().equals("/api/v1/authTokens")) {
          if (tokenStatus != 200) {
            return new MockResponse.Builder().code(tokenStatus).build();
          }
          return new MockResponse.Builder().setHeader("X-Cisco-CMS-Auth-Token", "token-" + tokens.incrementAndGet()).build();
        }
        if (request.getUrl().encodedPath().equals("/events/v1")) {
          upgradeTokens.add(request.getUrl().queryParameter("authToken"));
          String extensions = request.getHeaders().get("Sec-WebSocket-Extensions");
          upgradeExtensions.add(extensions == null ? "none" : extensions);
          if (upgradeStatus != 0) {
            return new MockResponse.Builder().code(upgradeStatus).build();
          }
          return new MockResponse.Builder().webSocketUpgrade(new WebSocketListener() {
            @Override
            public void onOpen(WebSocket webSocket, Response response) {
              serverSockets.add(webSocket);
            }

            @Override
            public void onMessage(WebSocket webSocket, String text) {
              fromClient.add(text);
            }

            @Override
            public void onClosing(WebSocket webSocket, int code, String reason) {
              webSocket.close(1000, null);
            }
          }).build();
        }
        return new MockResponse.Builder().code(404).build();
      }
    });
    server.start();
    cms = CmsClient.builder().baseUrl(server.url("/").toString()).credentials("apiuser", "pw")
        .retryPolicy(RetryPolicy.none()).clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
  }

  @AfterEach
  void tearDown() throws Exception {
    cms.close();
    server.close();
  }

  private CmsEventsClient start(List<Subscription> subscriptions) {
    CmsEventsClient client = CmsEventsClient.builder(cms)
        .subscriptions(subscriptions)
        .reconnectBackoff(Duration.ofMillis(10), Duration.ofMillis(40))
        .listener(events)
        .build();
    client.start();
    return client;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> json(String text) throws Exception {
    return (Map<String, Object>) JSON.fromJson(text);
  }

  private String nextFromClient() throws InterruptedException {
    String text = fromClient.poll(5, TimeUnit.SECONDS);
    assertNotNull(text, "the client sent nothing");
    return text;
  }

  private Object nextEvent() throws InterruptedException {
    return events.next();
  }

  @Test
  @SuppressWarnings("unchecked")
  void start_tokenThenSubscribe_sendsWholeSubscriptionSet() throws Exception {
    try (CmsEventsClient client = start(List.of(
        Subscription.calls(1, List.of("name", "participants")),
        Subscription.callRoster(2, "call-1", Subscription.ROSTER_ELEMENTS)))) {
      RecordedRequest tokenRequest = server.takeRequest(5, TimeUnit.SECONDS);
      assertEquals("/api/v1/authTokens", tokenRequest.getTarget());
      assertTrue(tokenRequest.getHeaders().get("Authorization").startsWith("Basic "));
      assertEquals("token-1", upgradeTokens.poll(5, TimeUnit.SECONDS));

      Map<String, Object> subscribe = json(nextFromClient());

      assertEquals("connected", nextEvent());
      assertEquals("message", subscribe.get("type"));
      Map<String, Object> message = (Map<String, Object>) subscribe.get("message");
      assertEquals("subscribeRequest", message.get("type"));
      List<Map<String, Object>> subs = (List<Map<String, Object>>) message.get("subscriptions");
      assertEquals(2, subs.size());
      assertEquals("calls", subs.get(0).get("type"));
      assertEquals(List.of("name", "participants"), subs.get(0).get("elements"));
      assertEquals(false, subs.get(0).containsKey("call"));
      assertEquals("callRoster", subs.get(1).get("type"));
      assertEquals("call-1", subs.get(1).get("call"));
      assertEquals(2.0, subs.get(1).get("index"));
      assertTrue(client.isConnected());
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void messages_eachAckedAndDispatchedTyped() throws Exception {
    try (CmsEventsClient client = start(List.of(Subscription.calls(3, Subscription.CALL_ELEMENTS)))) {
      WebSocket socket = serverSockets.poll(5, TimeUnit.SECONDS);
      Map<String, Object> subscribe = json(nextFromClient());
      Object subscribeId = ((Map<String, Object>) subscribe.get("message")).get("messageId");
      socket.send("{\"type\":\"messageAck\",\"messageAck\":{\"messageId\":" + subscribeId + ",\"status\":\"success\"}}");
      assertEquals("connected", nextEvent());

      socket.send("{\"type\":\"message\",\"message\":{\"messageId\":7,\"type\":\"subscriptionUpdate\","
          + "\"subscriptions\":[{\"index\":3,\"type\":\"calls\",\"state\":\"active\"}]}}");
      socket.send("{\"type\":\"message\",\"message\":{\"messageId\":8,\"type\":\"callListUpdate\",\"subscriptionIndex\":3,"
          + "\"updates\":[{\"call\":\"97c771ae-fc2e-4257-b129-30ee818e034b\",\"updateType\":\"add\",\"name\":\"Andy's coSpace\","
          + "\"participants\":0,\"recording\":false,\"newElement\":\"x\"}]}}");
      socket.send("{\"type\":\"message\",\"message\":{\"messageId\":9,\"type\":\"rosterUpdate\",\"subscriptionIndex\":3,"
          + "\"updates\":[{\"participant\":\"p-1\",\"updateType\":\"remove\"}]}}");
      socket.send("{\"type\":\"message\",\"message\":{\"messageId\":10,\"type\":\"callInfoUpdate\",\"subscriptionIndex\":3,"
          + "\"callInfo\":{\"name\":\"Sales\",\"lockState\":\"unlocked\"}}}");

      for (int id = 7; id <= 10; id++) {
        Map<String, Object> ack = json(nextFromClient());
        assertEquals("messageAck", ack.get("type"));
        assertEquals(Map.of("messageId", (double) id, "status", "success"), ack.get("messageAck"));
      }
      SubscriptionUpdate states = assertInstanceOf(SubscriptionUpdate.class, nextEvent());
      assertEquals(Map.of(3, "active"), states.states());
      CallListUpdate calls = assertInstanceOf(CallListUpdate.class, nextEvent());
      assertEquals(3, calls.subscriptionIndex());
      EventUpdate add = calls.updates().get(0);
      assertEquals("97c771ae-fc2e-4257-b129-30ee818e034b", add.id());
      assertTrue(add.isAdd());
      assertEquals("Andy's coSpace", add.findText("name").orElseThrow());
      assertEquals("0", add.findText("participants").orElseThrow());
      assertEquals("false", add.findText("recording").orElseThrow());
      assertEquals("x", add.findText("newElement").orElseThrow());
      RosterUpdate roster = assertInstanceOf(RosterUpdate.class, nextEvent());
      assertTrue(roster.updates().get(0).isRemove());
      assertEquals("p-1", roster.updates().get(0).id());
      CallInfoUpdate info = assertInstanceOf(CallInfoUpdate.class, nextEvent());
      assertEquals("Sales", info.findText("name").orElseThrow());
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void serverDrop_reportsGapThenReconnectsWithFreshTokenAndResubscribes() throws Exception {
    try (CmsEventsClient client = start(List.of(Subscription.calls(1, List.of("name"))))) {
      WebSocket first = serverSockets.poll(5, TimeUnit.SECONDS);
      nextFromClient();
      assertEquals("connected", nextEvent());

      first.close(1001, "going away");

      EventGap gap = assertInstanceOf(EventGap.class, nextEvent());
      assertEquals(NOW, gap.since());
      assertTrue(gap.reason().contains("1001"), gap.reason());
      assertEquals("reconnected", nextEvent());
      assertEquals(List.of("token-1", "token-2"), List.of(upgradeTokens.poll(5, TimeUnit.SECONDS), upgradeTokens.poll(5, TimeUnit.SECONDS)));
      Map<String, Object> resubscribe = json(nextFromClient());
      assertEquals("subscribeRequest", ((Map<String, Object>) resubscribe.get("message")).get("type"));
    }
  }

  @Test
  void tokenRefused_reportsAuthenticationErrorAndKeepsTrying() throws Exception {
    tokenStatus = 401;
    try (CmsEventsClient client = start(List.of())) {
      assertInstanceOf(CmsAuthenticationException.class, nextEvent());
      assertInstanceOf(CmsAuthenticationException.class, nextEvent());

      tokenStatus = 200;
      Object next;
      do {
        next = nextEvent();
      } while (next instanceof CmsAuthenticationException);
      assertEquals("connected", next);
    }
  }

  @Test
  void upgradeRefusedBeforeFirstConnect_errorNotGapThenConnects() throws Exception {
    upgradeStatus = 403;
    try (CmsEventsClient client = start(List.of())) {
      MmSdkException error = assertInstanceOf(MmSdkException.class, nextEvent());
      assertTrue(error.getMessage().contains("HTTP 403"), error.getMessage());

      upgradeStatus = 0;
      Object next;
      do {
        next = nextEvent();
        assertTrue(!(next instanceof EventGap), "no gap before the first connection");
      } while (next instanceof MmSdkException);
      assertEquals("connected", next);
    }
  }

  @Test
  void subscribeRefusedByServer_reportedAsError() throws Exception {
    try (CmsEventsClient client = start(List.of(Subscription.callInfo(4, "no-such-call", List.of("name"))))) {
      WebSocket socket = serverSockets.poll(5, TimeUnit.SECONDS);
      nextFromClient();
      assertEquals("connected", nextEvent());

      socket.send("{\"type\":\"messageAck\",\"messageAck\":{\"messageId\":1,\"status\":\"failure\"}}");

      MmSdkException error = assertInstanceOf(MmSdkException.class, nextEvent());
      assertTrue(error.getMessage().contains("status failure"), error.getMessage());
    }
  }

  @Test
  void listenerThrows_connectionCarriesOnAndAcks() throws Exception {
    BlockingQueue<String> seen = new LinkedBlockingQueue<>();
    try (CmsEventsClient client = CmsEventsClient.builder(cms)
        .subscriptions(List.of(Subscription.calls(1, List.of("name"))))
        .listener(new CmsEventListener() {
          @Override
          public void onCallListUpdate(CallListUpdate update) {
            seen.add(update.updates().get(0).id());
            throw new IllegalStateException("listener bug");
          }
        })
        .build()) {
      client.start();
      WebSocket socket = serverSockets.poll(5, TimeUnit.SECONDS);
      nextFromClient();
      for (int id = 1; id <= 2; id++) {
        socket.send("{\"type\":\"message\",\"message\":{\"messageId\":" + (100 + id)
            + ",\"type\":\"callListUpdate\",\"subscriptionIndex\":1,\"updates\":[{\"call\":\"c" + id
            + "\",\"updateType\":\"add\"}]}}");
      }

      assertEquals("c1", seen.poll(5, TimeUnit.SECONDS));
      assertEquals("c2", seen.poll(5, TimeUnit.SECONDS));
      assertTrue(nextFromClient().contains("101"));
      assertTrue(nextFromClient().contains("102"));
      assertTrue(client.isConnected());
    }
  }

  @Test
  void upgrade_offersNoCompression() throws Exception {
    // An inflated permessage-deflate message is not bounded by the bytes on the wire.
    try (CmsEventsClient client = start(List.of())) {
      assertEquals("connected", nextEvent());

      assertEquals("none", upgradeExtensions.poll(5, TimeUnit.SECONDS));
    }
  }

  @Test
  void message_overSizeLimit_typedErrorGapThenReconnects() throws Exception {
    try (CmsEventsClient client = start(List.of(Subscription.calls(1, List.of("name"))))) {
      WebSocket socket = serverSockets.poll(5, TimeUnit.SECONDS);
      nextFromClient();
      assertEquals("connected", nextEvent());

      socket.send("{\"type\":\"message\",\"message\":{\"messageId\":5,\"type\":\"callListUpdate\","
          + "\"subscriptionIndex\":1,\"updates\":[{\"call\":\"c1\",\"updateType\":\"add\",\"name\":\""
          + "x".repeat(5 << 20) + "\"}]}}");

      CmsEventMessageException error = assertInstanceOf(CmsEventMessageException.class, nextEvent());
      assertTrue(error.getMessage().contains("4194304 bytes"), error.getMessage());
      assertTrue(error.getMessage().contains("maxMessageSize"), error.getMessage());
      assertInstanceOf(EventGap.class, nextEvent());
      assertEquals("reconnected", nextEvent());
    }
  }

  @Test
  void message_notJson_typedErrorAndConnectionCarriesOn() throws Exception {
    try (CmsEventsClient client = start(List.of(Subscription.calls(1, List.of("name"))))) {
      WebSocket socket = serverSockets.poll(5, TimeUnit.SECONDS);
      nextFromClient();
      assertEquals("connected", nextEvent());

      socket.send("{\"type\":\"message\",\"message\":{\"messageId\":");
      socket.send("[1,2]");
      socket.send("{\"type\":\"message\",\"message\":{\"messageId\":6,\"type\":\"callListUpdate\","
          + "\"subscriptionIndex\":1,\"updates\":[{\"call\":\"c1\",\"updateType\":\"add\"}]}}");

      CmsEventMessageException notJson = assertInstanceOf(CmsEventMessageException.class, nextEvent());
      assertTrue(notJson.getMessage().contains("not JSON"), notJson.getMessage());
      CmsEventMessageException notObject = assertInstanceOf(CmsEventMessageException.class, nextEvent());
      assertTrue(notObject.getMessage().contains("[1,2]"), notObject.getMessage());
      assertEquals("c1", assertInstanceOf(CallListUpdate.class, nextEvent()).updates().get(0).id());
      assertTrue(client.isConnected());
    }
  }

  @Test
  void listenerThrowsError_threadKeepsServing() throws Exception {
    BlockingQueue<String> seen = new LinkedBlockingQueue<>();
    try (CmsEventsClient client = CmsEventsClient.builder(cms)
        .subscriptions(List.of(Subscription.calls(1, List.of("name"))))
        .listener(new CmsEventListener() {
          @Override
          public void onCallListUpdate(CallListUpdate update) {
            seen.add(update.updates().get(0).id());
            throw new StackOverflowError("listener bug");
          }
        })
        .build()) {
      client.start();
      WebSocket socket = serverSockets.poll(5, TimeUnit.SECONDS);
      nextFromClient();
      for (int id = 1; id <= 2; id++) {
        socket.send("{\"type\":\"message\",\"message\":{\"messageId\":" + (200 + id)
            + ",\"type\":\"callListUpdate\",\"subscriptionIndex\":1,\"updates\":[{\"call\":\"e" + id
            + "\",\"updateType\":\"add\"}]}}");
      }

      assertEquals("e1", seen.poll(5, TimeUnit.SECONDS));
      assertEquals("e2", seen.poll(5, TimeUnit.SECONDS));
      assertTrue(client.isConnected());
    }
  }

  @Test
  void subscribe_whileConnected_sendsNewSet() throws Exception {
    try (CmsEventsClient client = start(List.of(Subscription.calls(1, List.of("name"))))) {
      nextFromClient();
      assertEquals("connected", nextEvent());

      client.subscribe(List.of(Subscription.callInfo(5, "call-9", List.of("name"))));

      String text = nextFromClient();
      assertTrue(text.contains("\"callInfo\"") && text.contains("call-9") && !text.contains("\"calls\""), text);
    }
  }

  @Test
  void subscription_invalidShape_rejected() {
    assertThrows(IllegalArgumentException.class, () -> Subscription.callRoster(1, "", List.of()));
    assertThrows(IllegalArgumentException.class, () -> new Subscription(1, SubscriptionType.CALLS, "c", List.of()));
    assertThrows(IllegalStateException.class, () -> CmsEventsClient.builder(cms).build());
    assertThrows(IllegalArgumentException.class, () -> CmsEventsClient.builder(cms).maxMessageSize(0));
  }
}
