package io.mmsdk.cdr;

import io.mmsdk.testkit.SimulatedCallBridge;
import io.mmsdk.testkit.SimulatedCluster;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/**
 * Calls a simulated Call Bridge's REST API with the JDK's HTTP client, for tests of modules that
 * do not depend on cms-api-client (a CDR receiver's tests register receivers and spaces with it).
 */
public final class SimulatedRest {
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private SimulatedRest() {}

  /**
   * Sends a form request to {@code /api/v1/<path>} of {@code cb} with the cluster's credentials.
   *
   * @param cb the bridge
   * @param method the HTTP method
   * @param path the API path, e.g. {@code coSpaces}
   * @param form the form fields
   * @return the response
   */
  public static HttpResponse<String> send(SimulatedCallBridge cb, String method, String path,
      Map<String, String> form) {
    SimulatedCluster cms = cb.cluster();
    StringBuilder body = new StringBuilder();
    form.forEach((k, v) -> body.append(body.length() == 0 ? "" : "&")
        .append(URLEncoder.encode(k, StandardCharsets.UTF_8)).append('=')
        .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
    String auth = Base64.getEncoder().encodeToString(
        (cms.apiUsername() + ":" + cms.apiPassword()).getBytes(StandardCharsets.UTF_8));
    try {
      return HTTP.send(HttpRequest.newBuilder(URI.create(cb.baseUrl() + "/api/v1/" + path))
              .header("Authorization", "Basic " + auth)
              .header("Content-Type", "application/x-www-form-urlencoded")
              .method(method, HttpRequest.BodyPublishers.ofString(body.toString())).build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new AssertionError("API call failed: " + method + " " + path, e);
    }
  }

  /**
   * Creates a space on bridge 0 of the cluster of {@code cb}.
   *
   * @param cb a bridge of the cluster
   * @param name the space's name
   * @return the new space's id
   */
  public static String createSpace(SimulatedCallBridge cb, String name) {
    HttpResponse<String> r = send(cb, "POST", "coSpaces", Map.of("name", name));
    String location = r.headers().firstValue("Location").orElseThrow();
    return location.substring(location.lastIndexOf('/') + 1);
  }
}
