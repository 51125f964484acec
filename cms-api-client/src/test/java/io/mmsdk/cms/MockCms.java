package io.mmsdk.cms;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;

/** Helpers for tests against a MockWebServer playing a Meeting Server. */
final class MockCms {
  static final List<Duration> NO_WAITS = new ArrayList<>();

  private MockCms() {}

  static CmsClient client(MockWebServer server) {
    return client(server, RetryPolicy.none());
  }

  static CmsClient client(MockWebServer server, RetryPolicy retryPolicy) {
    return CmsClient.builder()
        .baseUrl(server.url("/").toString())
        .credentials("apiuser", "s3cret-pw")
        .retryPolicy(retryPolicy)
        .readTimeout(Duration.ofSeconds(5))
        .build();
  }

  static MockResponse xml(String body) {
    return new MockResponse().setResponseCode(200).setHeader("Content-Type", "text/xml").setBody(body);
  }

  static MockResponse status(int code, String body) {
    return new MockResponse().setResponseCode(code).setHeader("Content-Type", "text/xml").setBody(body);
  }

  static MockResponse created(String location) {
    return new MockResponse().setResponseCode(200).setHeader("Location", location);
  }
}
