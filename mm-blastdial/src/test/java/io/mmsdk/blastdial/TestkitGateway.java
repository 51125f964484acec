package io.mmsdk.blastdial;

import io.mmsdk.testkit.SimulatedCallBridge;
import io.mmsdk.testkit.SimulatedCluster;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Test glue: a {@link CallBridgeGateway} that speaks the simulated bridge's REST API over loopback
 * with the JDK HTTP client, so the blast dial scenarios run against cms-testkit on the wire. Leg
 * direction and state come from {@code GET /callLegs/<id>} like a real client would fetch them.
 */
final class TestkitGateway implements CallBridgeGateway {
  private static final Pattern LEG = Pattern.compile("<callLeg id=\"([^\"]+)\">(.*?)</callLeg>", Pattern.DOTALL);

  private final SimulatedCallBridge bridge;
  private final String auth;
  private final HttpClient http = HttpClient.newHttpClient();
  int requests;

  TestkitGateway(SimulatedCluster cms, SimulatedCallBridge bridge) {
    this.bridge = bridge;
    this.auth = "Basic " + Base64.getEncoder().encodeToString(
        (cms.apiUsername() + ":" + cms.apiPassword()).getBytes(StandardCharsets.UTF_8));
  }

  String post(String path, Map<String, String> form) {
    String body = form.entrySet().stream()
        .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
    HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(bridge.baseUrl() + "/api/v1/" + path))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body)));
    if (r.statusCode() == 503) {
      throw new BridgeBusyException("503 from POST /api/v1/" + path);
    }
    if (r.statusCode() != 200) {
      throw new IllegalStateException("POST " + path + " -> " + r.statusCode() + " " + r.body());
    }
    String location = r.headers().firstValue("Location").orElseThrow();
    return location.substring(location.lastIndexOf('/') + 1);
  }

  private HttpResponse<String> get(String path) {
    return send(HttpRequest.newBuilder(URI.create(bridge.baseUrl() + "/api/v1/" + path)).GET());
  }

  private HttpResponse<String> send(HttpRequest.Builder b) {
    synchronized (this) {
      requests++;
    }
    try {
      return http.send(b.header("Authorization", auth).build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public String dialOut(String callId, String remoteParty, boolean confirmation) {
    return post("calls/" + callId + "/callLegs",
        Map.of("remoteParty", remoteParty, "confirmation", Boolean.toString(confirmation)));
  }

  @Override
  public List<CallLegInfo> callLegs(String callId) {
    HttpResponse<String> r = get("calls/" + callId + "/callLegs?limit=100");
    if (r.statusCode() == 404) {
      return List.of();
    }
    List<CallLegInfo> result = new ArrayList<>();
    Matcher m = LEG.matcher(r.body());
    while (m.find()) {
      String detail = get("callLegs/" + m.group(1)).body();
      result.add(new CallLegInfo(m.group(1), text(m.group(2), "remoteParty"),
          "outgoing".equals(text(detail, "direction")), text(detail, "state")));
    }
    return result;
  }

  @Override
  public boolean isCallActive(String callId) {
    return get("calls/" + callId).statusCode() == 200;
  }

  private static String text(String xml, String element) {
    Matcher m = Pattern.compile("<" + element + ">([^<]*)</" + element + ">").matcher(xml);
    return m.find() ? m.group(1) : "";
  }
}
