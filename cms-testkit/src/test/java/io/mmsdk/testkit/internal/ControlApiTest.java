package io.mmsdk.testkit.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mmsdk.testkit.ClusterOptions;
import io.mmsdk.testkit.SimulatedCluster;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.Credentials;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ControlApiTest {
  private static final OkHttpClient HTTP = new OkHttpClient();
  private SimulatedCluster cms;
  private ControlApi api;
  private final AtomicInteger shutdowns = new AtomicInteger();

  @BeforeEach
  void start() throws IOException {
    cms = SimulatedCluster.start(ClusterOptions.builder().callBridges(2).build());
    api = new ControlApi(cms, null, shutdowns::incrementAndGet);
    assertEquals(200, rest("POST", "coSpaces", "name=Ops&uri=ops"));
  }

  @AfterEach
  void stop() {
    cms.close();
  }

  /** Sends a REST request to bridge 0 over HTTP and returns the status. */
  private int rest(String method, String path, String form) throws IOException {
    RequestBody body = method.equals("GET") ? null
        : RequestBody.create(form, MediaType.get("application/x-www-form-urlencoded"));
    try (Response r = HTTP.newCall(new okhttp3.Request.Builder()
        .url(cms.callBridge(0).baseUrl() + "/api/v1/" + path)
        .header("Authorization", Credentials.basic(cms.apiUsername(), cms.apiPassword()))
        .method(method, body).build()).execute()) {
      return r.code();
    }
  }

  private Reply control(String method, String path, String json) {
    return api.dispatch(new Request(method, path, Map.of(), json));
  }

  @Test
  void speakAndPresent_showAsPresenterCallLeg_unknownLegIs400() throws IOException {
    Reply joined = control("POST", "/bridges/0/join",
        "{\"dial\": \"ops\", \"remoteParty\": \"alice@example.com\", \"displayName\": \"Alice\"}");
    String leg = joined.body.replaceAll("(?s).*\"id\":\"([^\"]+)\".*", "$1");
    String call = cms.callBridge(0).activeCallIds().get(0);
    assertEquals(200, control("POST", "/bridges/0/speak", "{\"callLeg\": \"" + leg + "\"}").status);
    assertEquals(200, control("POST", "/bridges/0/present", "{\"callLeg\": \"" + leg + "\"}").status);
    assertTrue(get("calls/" + call).contains("<presenterCallLeg>" + leg + "</presenterCallLeg>"));
    control("POST", "/bridges/0/present", "{\"callLeg\": \"" + leg + "\", \"presenting\": false}");
    assertTrue(!get("calls/" + call).contains("presenterCallLeg"));
    assertEquals(400, control("POST", "/bridges/0/speak", "{\"callLeg\": \"nope\"}").status);
  }

  private String get(String path) throws IOException {
    try (Response r = HTTP.newCall(new okhttp3.Request.Builder()
        .url(cms.callBridge(0).baseUrl() + "/api/v1/" + path)
        .header("Authorization", Credentials.basic(cms.apiUsername(), cms.apiPassword()))
        .build()).execute()) {
      return r.body().string();
    }
  }

  @Test
  void join_thenKeysAndLeave_driveTheBridge() {
    Reply joined = control("POST", "/bridges/0/join",
        "{\"dial\": \"ops\", \"remoteParty\": \"alice@example.com\", \"displayName\": \"Alice\"}");
    assertEquals(200, joined.status);
    assertTrue(joined.body.contains("\"state\":\"connected\""), joined.body);
    String leg = joined.body.replaceAll("(?s).*\"id\":\"([^\"]+)\".*", "$1");
    assertEquals(200, control("POST", "/bridges/0/keys",
        "{\"callLeg\": \"" + leg + "\", \"digits\": \"42\"}").status);
    assertEquals("42", cms.callBridge(0).findCallLeg(leg).orElseThrow().digitsReceived());
    assertEquals(200, control("POST", "/bridges/0/leave", "{\"callLeg\": \"" + leg + "\"}").status);
    assertEquals("remoteTeardown", cms.callBridge(0).findCallLeg(leg).orElseThrow().endReason());
  }

  @Test
  void faults_statusFault_failsTheNextMatchingRestCall() throws IOException {
    assertEquals(200, control("POST", "/bridges/0/faults",
        "{\"kind\": \"status\", \"method\": \"GET\", \"path\": \"coSpaces\", \"status\": 503}").status);
    assertEquals(503, rest("GET", "coSpaces", ""));
    assertEquals(200, rest("GET", "coSpaces", ""));
  }

  @Test
  void clockAdvance_movesTheClustersTime() {
    java.time.Instant before = cms.clock().instant();
    Reply r = control("POST", "/clock/advance", "{\"seconds\": 90}");
    assertEquals(before.plusSeconds(90), cms.clock().instant());
    assertTrue(r.body.contains(before.plusSeconds(90).toString()), r.body);
  }

  @Test
  void badRequests_areAnsweredWithAnError() {
    assertEquals(404, control("POST", "/bridges/7/join", "{}").status);
    assertEquals(404, control("GET", "/nowhere", "").status);
    assertEquals(400, control("POST", "/clock/advance", "{\"seconds\": -1}").status);
    assertEquals(400, control("POST", "/clock/advance", "not json").status);
    Reply missing = control("POST", "/bridges/0/join", "{\"remoteParty\": \"a@b\"}");
    assertEquals(400, missing.status);
    assertTrue(missing.body.contains("'coSpace' is required"), missing.body);
    assertEquals(400, control("POST", "/endpoints",
        "{\"address\": \"x@y\", \"script\": \"sings\"}").status);
    assertEquals(400, control("POST", "/bridges/0/faults", "{\"kind\": \"boom\"}").status);
  }

  @Test
  void shutdown_runsOnlyAfterTheReplyIsWritten() {
    Reply r = control("POST", "/shutdown", "");
    assertEquals(200, r.status);
    assertEquals(0, shutdowns.get(), "not before the reply is sent");
    r.afterSent.run();
    assertEquals(1, shutdowns.get());
    assertNull(control("GET", "/status", "").afterSent);
  }
}
