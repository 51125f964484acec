package io.mmsdk.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.mmsdk.testkit.core.ClusterOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;

/**
 * A cluster, a coSpace, a CDR receiver and an Events socket for the operator-control tests: what a
 * control changed is read back over REST, from the pushed CDRs and from the Events messages, as an
 * SDK would see it.
 */
final class ControlsFixture implements AutoCloseable {
  final SimulatedCluster cms;
  final SimulatedCallBridge bridge;
  final Http api;
  final String space;
  private final MockWebServer receiver = new MockWebServer();
  private final List<String> records = new ArrayList<>();
  private final BlockingQueue<String> events = new LinkedBlockingQueue<>();
  private final List<String> unmatched = new ArrayList<>();
  private WebSocket socket;

  ControlsFixture(ClusterOptions options) {
    cms = SimulatedCluster.start(options);
    bridge = cms.callBridge(0);
    api = new Http(cms, 0);
    receiver.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        return new MockResponse.Builder().code(200).build();
      }
    });
    try {
      receiver.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    api.post("system/cdrReceivers", "uri", receiver.url("/cdr").toString());
    space = api.post("coSpaces", "name", "Board", "uri", "board").idFromLocation();
  }

  ControlsFixture() {
    this(ClusterOptions.defaults());
  }

  /** Every CDR record pushed so far of {@code type}, as its XML text, oldest first. */
  List<String> cdrs(String type) {
    assertTrue(cms.awaitCdrDelivered(Duration.ofSeconds(10)), "CDRs were not delivered");
    RecordedRequest r;
    try {
      while ((r = receiver.takeRequest(10, TimeUnit.MILLISECONDS)) != null) {
        Matcher m = Pattern.compile("<record type=\"[^\"]+\".*?</record>", Pattern.DOTALL)
            .matcher(r.getBody().utf8());
        while (m.find()) {
          records.add(m.group());
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
    List<String> out = new ArrayList<>();
    for (String record : records) {
      if (record.startsWith("<record type=\"" + type + "\"")) {
        out.add(record);
      }
    }
    return out;
  }

  /** The last CDR record of {@code type} about object {@code id}. */
  String lastCdr(String type, String id) {
    List<String> found = new ArrayList<>();
    for (String record : cdrs(type)) {
      if (record.contains("id=\"" + id + "\"")) {
        found.add(record);
      }
    }
    assertTrue(!found.isEmpty(), "no " + type + " CDR for " + id + " in " + records);
    return found.get(found.size() - 1);
  }

  /**
   * Opens the Events socket and subscribes to the call list and, for {@code callId}, its info and
   * roster (every element); waits for the snapshots and drops them. Every message is acked.
   */
  void subscribe(String callId) {
    Request tokenRequest = new Request.Builder()
        .url(bridge.baseUrl() + "/api/v1/authTokens")
        .header("Authorization", okhttp3.Credentials.basic(cms.apiUsername(), cms.apiPassword()))
        .post(new okhttp3.FormBody.Builder().build()).build();
    String token;
    try (Response response = Http.CLIENT.newCall(tokenRequest).execute()) {
      assertEquals(200, response.code());
      token = response.header("X-Cisco-CMS-Auth-Token");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    socket = Http.CLIENT.newWebSocket(
        new Request.Builder().url(bridge.eventsUrl() + "?authToken=" + token).build(),
        new WebSocketListener() {
          @Override
          public void onMessage(WebSocket webSocket, String text) {
            Matcher id = Pattern.compile("\"messageId\":(\\d+)").matcher(text);
            if (text.startsWith("{\"type\":\"message\"") && id.find()) {
              webSocket.send("{\"type\":\"messageAck\",\"messageAck\":{\"messageId\":"
                  + id.group(1) + ",\"status\":\"success\"}}");
            }
            events.add(text);
          }
        });
    socket.send("{\"type\":\"message\",\"message\":{\"messageId\":1,\"type\":\"subscribeRequest\","
        + "\"subscriptions\":[{\"index\":1,\"type\":\"calls\"},"
        + "{\"index\":2,\"type\":\"callInfo\",\"call\":\"" + callId + "\"},"
        + "{\"index\":3,\"type\":\"callRoster\",\"call\":\"" + callId + "\"}]}}");
    awaitEvent("\"type\":\"rosterUpdate\"", "\"subscriptionIndex\":3");
    unmatched.clear(); // the snapshots: the roster's comes last
  }

  /**
   * Waits (real time, at most 5 s) for an Events message containing every fragment and returns it;
   * messages that do not match stay available to later calls.
   */
  String awaitEvent(String... fragments) {
    String m = findEvent(TimeUnit.SECONDS.toMillis(5), fragments);
    return m != null ? m : fail("no Events message with " + List.of(fragments) + " in " + unmatched);
  }

  /** Whether an Events message containing {@code fragment} arrives within {@code millis} (real time). */
  boolean eventArrives(String fragment, long millis) {
    return findEvent(millis, fragment) != null;
  }

  private String findEvent(long millis, String... fragments) {
    for (String m : unmatched) {
      if (containsAll(m, fragments)) {
        unmatched.remove(m);
        return m;
      }
    }
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
    try {
      String m;
      while ((m = events.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS)) != null) {
        if (containsAll(m, fragments)) {
          return m;
        }
        unmatched.add(m);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return null;
  }

  private static boolean containsAll(String text, String... fragments) {
    for (String f : fragments) {
      if (!text.contains(f)) {
        return false;
      }
    }
    return true;
  }

  /** The text of {@code <element attrs>} in an XML reply. */
  static String attribute(String xml, String element, String attribute) {
    Matcher m = Pattern.compile("<" + element + "[^>]*\\s" + attribute + "=\"([^\"]*)\"").matcher(xml);
    return m.find() ? m.group(1) : "";
  }

  @Override
  public void close() {
    if (socket != null) {
      socket.cancel();
    }
    cms.close();
    receiver.close();
  }
}
