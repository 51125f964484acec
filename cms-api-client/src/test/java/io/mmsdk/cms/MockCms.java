package io.mmsdk.cms;

import java.time.Duration;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Base for tests against a MockWebServer playing a Meeting Server: starts {@link #server} and a
 * {@link #cms} client without retries before each test and closes both after it.
 */
abstract class MockCms {
  protected MockWebServer server;
  protected CmsClient cms;

  @BeforeEach
  void startServer() throws Exception {
    server = new MockWebServer();
    server.start();
    cms = client(server);
  }

  @AfterEach
  void stopServer() throws Exception {
    cms.close();
    server.close();
  }

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
    return new MockResponse.Builder().code(200).setHeader("Content-Type", "text/xml").body(body).build();
  }

  static MockResponse status(int code, String body) {
    return new MockResponse.Builder().code(code).setHeader("Content-Type", "text/xml").body(body).build();
  }

  static MockResponse created(String location) {
    return new MockResponse.Builder().code(200).setHeader("Location", location).build();
  }
}
