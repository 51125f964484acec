package io.mmsdk.cms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mmsdk.cms.core.ListOptions;
import java.time.Duration;
import mockwebserver3.MockWebServer;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

class CmsClientBuilderTest {
  @Test
  void host_ipv6WithOrWithoutBrackets_defaultPort443() {
    try (CmsClient a = CmsClient.builder().host("2001:db8::1").credentials("u", "p").build();
        CmsClient b = CmsClient.builder().host("[2001:db8::1]").port(8443).credentials("u", "p").build()) {
      assertEquals("https://[2001:db8::1]/api/v1/", a.apiBase().toString());
      assertEquals("https://[2001:db8::1]:8443/api/v1/", b.apiBase().toString());
    }
  }

  @Test
  void baseUrl_withApiSuffix_normalised() {
    try (CmsClient cms = CmsClient.builder().baseUrl("https://cms1.example.com:445/api/v1")
        .credentials("u", "p").build()) {
      assertEquals("https://cms1.example.com:445/api/v1/", cms.apiBase().toString());
    }
  }

  @Test
  void build_missingParts_explains() {
    IllegalStateException noCreds =
        assertThrows(IllegalStateException.class, () -> CmsClient.builder().host("h").build());
    IllegalStateException noHost =
        assertThrows(IllegalStateException.class, () -> CmsClient.builder().credentials("u", "p").build());

    assertTrue(noCreds.getMessage().contains("credentials"));
    assertTrue(noHost.getMessage().contains("baseUrl"));
  }

  @Test
  void setters_badValues_rejected() {
    CmsClient.Builder builder = CmsClient.builder();
    assertThrows(IllegalArgumentException.class, () -> builder.port(0));
    assertThrows(IllegalArgumentException.class, () -> builder.baseUrl("cms:443"));
    assertThrows(IllegalArgumentException.class, () -> builder.readTimeout(Duration.ZERO));
    assertThrows(IllegalArgumentException.class, () -> builder.credentials("a:b", "p"));
    assertThrows(NullPointerException.class, () -> builder.tlsTrust(null));
  }

  @Test
  void toString_neverShowsPassword() {
    CmsClient.Builder builder = CmsClient.builder().host("h").credentials("admin", "hunter2");
    try (CmsClient cms = builder.build()) {
      assertFalse(builder.toString().contains("hunter2"));
      assertFalse(cms.toString().contains("hunter2"));
      assertTrue(cms.toString().contains("admin"));
    }
  }

  @Test
  void close_sharedOkHttpClient_leftRunning() throws Exception {
    OkHttpClient shared = new OkHttpClient();
    try (MockWebServer server = new MockWebServer()) {
      server.start();
      server.enqueue(MockCms.xml("<tenants total=\"0\"/>"));
      server.enqueue(MockCms.xml("<tenants total=\"0\"/>"));
      CmsClient first = CmsClient.builder().baseUrl(server.url("/").toString()).credentials("u", "p")
          .okHttpClient(shared).build();
      first.tenants().count(ListOptions.none());
      first.close();

      assertFalse(shared.dispatcher().executorService().isShutdown());
      try (CmsClient second = CmsClient.builder().baseUrl(server.url("/").toString()).credentials("u", "p")
          .okHttpClient(shared).build()) {
        assertEquals(0, second.tenants().count(ListOptions.none()));
      }
    } finally {
      shared.dispatcher().executorService().shutdown();
      shared.connectionPool().evictAll();
    }
  }

  @Test
  void version_parseAndCompare() {
    assertTrue(CmsVersion.parse("3.0").compareTo(CmsVersion.parse("2.9.5")) > 0);
    assertTrue(CmsVersion.parse("2.9.1 (build 20)").isAtLeast(2, 9));
    assertFalse(CmsVersion.parse("2.10").compareTo(CmsVersion.parse("2.9")) < 0);
    assertEquals(0, CmsVersion.parse("3.2").compareTo(CmsVersion.parse("3.2.0")));
    assertThrows(IllegalArgumentException.class, () -> CmsVersion.parse("unknown"));
  }
}
