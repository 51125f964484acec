package io.mmsdk.cms;

import static java.util.Objects.requireNonNull;

import io.mmsdk.cms.core.CmsElement;
import io.mmsdk.cms.core.CmsObject;
import io.mmsdk.cms.core.CmsResources;
import io.mmsdk.cms.core.Form;
import io.mmsdk.cms.core.ResourceType;
import io.mmsdk.cms.internal.EventsEndpoint;
import io.mmsdk.cms.internal.PathSegments;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import okhttp3.Credentials;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;

/** The {@link CmsClient} implementation over OkHttp. */
final class RealCmsClient implements CmsClient, EventsEndpoint {
  /** Header carrying an Events API token in the reply to {@code POST /authTokens}. */
  static final String AUTH_TOKEN_HEADER = "X-Cisco-CMS-Auth-Token";

  private final HttpUrl apiBase;
  private final OkHttpClient http;
  private final boolean ownsHttp;
  private final String username;
  private final Clock clock;
  private final RequestExecutor executor;
  private final AtomicBoolean closed = new AtomicBoolean();

  /** Creates a client; called by {@link CmsClient.Builder#build()}. */
  RealCmsClient(
      HttpUrl apiBase,
      OkHttpClient baseHttp,
      boolean ownsHttp,
      String username,
      String password,
      RetryPolicy retryPolicy,
      Clock clock) {
    this.apiBase = requireNonNull(apiBase, "apiBase == null");
    this.ownsHttp = ownsHttp;
    this.username = username;
    this.clock = clock;
    String authorization = Credentials.basic(username, password);
    this.http =
        baseHttp.newBuilder()
            .addInterceptor(chain -> chain.proceed(
                chain.request().newBuilder().header("Authorization", authorization).build()))
            .build();
    this.executor = new RequestExecutor(http, retryPolicy, username,
        Duration.ofMillis(baseHttp.callTimeoutMillis()));
  }

  @Override
  public URI apiBase() {
    return apiBase.uri();
  }

  @Override
  public CmsResources resources(ResourceType type) {
    requireNonNull(type, "type == null");
    if (type.isNested()) {
      throw new IllegalArgumentException(
          type + " is nested below another object; call resources(type, parentId)");
    }
    return new RealResources(this, type, type.pathTemplate());
  }

  @Override
  public CmsResources resources(ResourceType type, String parentId) {
    requireNonNull(type, "type == null");
    requireNonNull(parentId, "parentId == null");
    if (!type.isNested()) {
      throw new IllegalArgumentException(type + " is not nested; call resources(type)");
    }
    return new RealResources(this, type, type.pathTemplate().replace("{parent}", PathSegments.segment(parentId)));
  }

  @Override
  public CmsObject read(SystemResource resource) {
    requireNonNull(resource, "resource == null");
    return CmsObject.of(get(resource.path(), Map.of()));
  }

  @Override
  public CmsObject read(String path) {
    return CmsObject.of(get(checkPath(path), Map.of()));
  }

  @Override
  public CmsObject read(String path, Form query) {
    requireNonNull(query, "query == null");
    return CmsObject.of(get(checkPath(path), query.parameters()));
  }

  @Override
  public Optional<String> post(String path, Form form) {
    requireNonNull(form, "form == null");
    RequestExecutor.Reply response = post(checkPath(path), form.parameters());
    String location = response.headers().get("Location");
    if (location == null) {
      return Optional.empty();
    }
    String trimmed = location.replaceAll("[/\\s]+$", "");
    String id = trimmed.substring(trimmed.lastIndexOf('/') + 1);
    return id.isEmpty() ? Optional.empty() : Optional.of(id);
  }

  @Override
  public CmsObject postForReply(String path, Form form) {
    requireNonNull(form, "form == null");
    RequestExecutor.Reply reply = executor.execute(
        request(checkPath(path)).post(form(form.parameters())).build(), true);
    if (reply.body() == null) {
      CmsRequest request = RequestExecutor.describe("POST", reply.url());
      throw new CmsParseException(request, request + " succeeded without a reply body; the query"
          + " answers with its result, so the server is not speaking the CMS API as expected.",
          true, -1, -1, "", null);
    }
    return CmsObject.of(reply.body());
  }

  @Override
  public void put(String path, Form form) {
    requireNonNull(form, "form == null");
    put(checkPath(path), form.parameters());
  }

  @Override
  public void delete(String path) {
    delete(checkPath(path), true);
  }

  private static String checkPath(String path) {
    requireNonNull(path, "path == null");
    if (path.isEmpty() || path.startsWith("/") || path.contains("?") || path.contains("#")
        || path.contains("..") || path.contains("//")) {
      throw new IllegalArgumentException("path \"" + path + "\" must be relative to /api/v1 without a "
          + "query, for example \"system/configuration/cluster\"");
    }
    return path;
  }

  @Override
  public SystemStatus systemStatus() {
    CmsObject status = read(SystemResource.STATUS);
    try {
      return SystemStatus.of(status);
    } catch (IllegalArgumentException e) {
      CmsRequest request = new CmsRequest("GET", apiBase.encodedPath() + SystemResource.STATUS.path());
      throw new CmsParseException(request, request + ": " + e.getMessage(), true, -1, -1, "status", e);
    }
  }

  CmsElement get(String path, Map<String, String> query) {
    HttpUrl.Builder url = url(path).newBuilder();
    query.forEach(url::addQueryParameter);
    RequestExecutor.Reply reply = executor.execute(new Request.Builder().url(url.build()).get().build(), true);
    if (reply.body() == null) {
      CmsRequest request = RequestExecutor.describe("GET", reply.url());
      throw new CmsParseException(request, request + " succeeded without a reply body; the server is"
          + " not speaking the CMS API as expected.", true, -1, -1, "", null);
    }
    return reply.body();
  }

  RequestExecutor.Reply post(String path, Map<String, String> form) {
    return executor.execute(request(path).post(form(form)).build(), false);
  }

  void put(String path, Map<String, String> form) {
    executor.execute(request(path).put(form(form)).build(), false);
  }

  void delete(String path, boolean checked) {
    executor.execute(request(path).delete().build(), false);
  }

  /** The URL of {@code path}, relative to {@code /api/v1/} (already segment-encoded). */
  private HttpUrl url(String path) {
    HttpUrl url = apiBase.resolve(path);
    if (url == null) {
      throw new IllegalArgumentException("path \"" + path + "\" does not form a URL below " + apiBase);
    }
    return url;
  }

  private Request.Builder request(String path) {
    return new Request.Builder().url(url(path));
  }

  private static RequestBody form(Map<String, String> fields) {
    FormBody.Builder body = new FormBody.Builder();
    fields.forEach(body::add);
    return body.build();
  }

  /** The token is in the {@value #AUTH_TOKEN_HEADER} reply header. */
  @Override
  public String newAuthToken() {
    RequestExecutor.Reply response =
        executor.execute(request("authTokens").post(RequestBody.create(new byte[0])).build(), false);
    String token = response.headers().get(AUTH_TOKEN_HEADER);
    if (token == null || token.isBlank()) {
      CmsRequest request = RequestExecutor.describe("POST", apiBase.resolve("authTokens"));
      throw new CmsParseException(request, request + " succeeded but the reply has no " + AUTH_TOKEN_HEADER
          + " header; the server may not support the Events API (CMS 2.x or later is needed).",
          true, -1, -1, "", null);
    }
    return token;
  }

  /** Returns the events URL for {@code token}: ws(s)://host:port/events/v1?authToken=... */
  @Override
  public HttpUrl eventsUrl(String token) {
    // OkHttp WebSocket requests take http(s) URLs and upgrade them; http maps to ws, https to wss.
    return apiBase.newBuilder().encodedPath("/events/v1").setQueryParameter("authToken", token).build();
  }

  /** Returns the HTTP client (with the Basic auth interceptor) for the Events WebSocket. */
  @Override
  public OkHttpClient http() {
    return http;
  }

  /** Returns the injected clock. */
  @Override
  public Clock clock() {
    return clock;
  }

  @Override
  public void close() {
    if (closed.compareAndSet(false, true) && ownsHttp) {
      http.dispatcher().executorService().shutdown();
      http.connectionPool().evictAll();
    }
  }

  @Override
  public String toString() {
    return "CmsClient[" + apiBase + ", user=" + username + "]";
  }
}
