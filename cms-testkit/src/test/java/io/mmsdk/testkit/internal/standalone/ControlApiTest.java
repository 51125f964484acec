package io.mmsdk.testkit.internal.standalone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mmsdk.testkit.SimulatedCluster;
import io.mmsdk.testkit.SimulatedDirectory;
import io.mmsdk.testkit.core.ClusterOptions;
import io.mmsdk.testkit.internal.Reply;
import io.mmsdk.testkit.internal.Request;
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

  @Test
  void passwords_onlyInTheCredentialsReply() {
    try (SimulatedCluster secret = SimulatedCluster.start(ClusterOptions.builder()
            .credentials("api", "api-s3cret").build());
        SimulatedDirectory ldap = SimulatedDirectory.builder()
            .bindCredentials("cn=bind,dc=example,dc=com", "ldap-s3cret").start()) {
      ControlApi withLdap = new ControlApi(secret, ldap, () -> { });
      Reply status = withLdap.dispatch(new Request("GET", "/status", Map.of(), ""));
      assertEquals(200, status.status);
      assertTrue(status.body.contains("\"bindDn\":\"cn=bind,dc=example,dc=com\""), status.body);
      assertFalse(status.body.contains("s3cret") || status.body.contains("assword"), status.body);
      Reply bad = withLdap.dispatch(new Request("POST", "/bridges/0/join", Map.of(), "{}"));
      assertFalse(bad.body.contains("s3cret"), bad.body);

      Reply credentials = withLdap.dispatch(new Request("GET", "/credentials", Map.of(), ""));
      assertEquals(200, credentials.status);
      assertEquals("no-store", credentials.headers.get("Cache-Control"));
      assertTrue(credentials.body.contains(
          "\"apiUsername\":\"api\",\"apiPassword\":\"api-s3cret\""), credentials.body);
      assertTrue(credentials.body.contains("\"bindPassword\":\"ldap-s3cret\""), credentials.body);
      assertEquals(404,
          withLdap.dispatch(new Request("GET", "/credentials/api", Map.of(), "")).status);
      assertEquals(404,
          withLdap.dispatch(new Request("POST", "/credentials", Map.of(), "")).status);
    }
  }
}
