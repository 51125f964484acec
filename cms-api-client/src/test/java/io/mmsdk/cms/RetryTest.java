package io.mmsdk.cms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mmsdk.cms.core.CmsObject;
import io.mmsdk.cms.core.Form;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RetryTest {
  private final List<Duration> waits = new CopyOnWriteArrayList<>();
  private MockWebServer server;
  private CmsClient cms;

  @BeforeEach
  void setUp() throws Exception {
    server = new MockWebServer();
    server.start();
    RetryPolicy policy = RetryPolicy.builder()
        .maxAttempts(3)
        .initialBackoff(Duration.ofMillis(100))
        .maxBackoff(Duration.ofMillis(150))
        .jitter(0.5)
        .waiter(waits::add)
        .build();
    cms = CmsClient.builder().baseUrl(server.url("/").toString()).credentials("a", "b")
        .retryPolicy(policy).readTimeout(Duration.ofMillis(300)).build();
  }

  @AfterEach
  void tearDown() throws Exception {
    cms.close();
    server.close();
  }

  @Test
  void get_busyThenOk_retriedWithJitteredCappedBackoff() {
    server.enqueue(MockCms.status(503, ""));
    server.enqueue(MockCms.status(503, ""));
    server.enqueue(MockCms.xml("<call id=\"c1\"><name>x</name></call>"));

    CmsObject call = cms.calls().get("c1");

    assertEquals("c1", call.id());
    assertEquals(3, server.getRequestCount());
    assertEquals(2, waits.size());
    assertTrue(between(waits.get(0), 50, 100), waits.toString());
    assertTrue(between(waits.get(1), 75, 150), waits.toString());
  }

  @Test
  void get_alwaysBusy_givesUpAfterMaxAttempts() {
    for (int i = 0; i < 3; i++) {
      server.enqueue(MockCms.status(503, ""));
    }

    assertThrows(CmsBusyException.class, () -> cms.calls().get("c1"));

    assertEquals(3, server.getRequestCount());
  }

  @Test
  void post_busy_notRetried() throws Exception {
    server.enqueue(MockCms.status(503, ""));
    server.enqueue(MockCms.created("/api/v1/calls/should-not-be-used"));

    assertThrows(CmsBusyException.class,
        () -> cms.calls().create(Form.builder().set(CmsFields.CO_SPACE, "cs1").build()));

    assertEquals(1, server.getRequestCount());
    assertTrue(waits.isEmpty());
  }

  @Test
  void post_timeout_notRetried() {
    server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build());

    assertThrows(CmsTimeoutException.class,
        () -> cms.callLegsOf("call1").create(Form.builder().set(CmsFields.REMOTE_PARTY, "sip:a@b").build()));

    assertEquals(1, server.getRequestCount());
  }

  @Test
  void put_timeoutThenOk_retried() throws Exception {
    server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build());
    server.enqueue(new MockResponse.Builder().code(200).build());

    cms.participants().update("p1", Form.builder().set(CmsFields.IMPORTANCE, 5L).build());

    assertEquals(2, server.getRequestCount());
    assertEquals("importance=5", server.takeRequest().getBody().utf8());
    assertEquals("importance=5", server.takeRequest().getBody().utf8());
  }

  @Test
  void delete_disconnectThenOk_retried() {
    server.enqueue(new MockResponse.Builder().onRequestStart(new SocketEffect.CloseSocket()).build());
    server.enqueue(new MockResponse.Builder().code(200).build());

    cms.callLegs().delete("leg1");

    assertEquals(2, server.getRequestCount());
    assertEquals(1, waits.size());
  }

  @Test
  void get_notFound_notRetried() {
    server.enqueue(MockCms.status(404, ""));

    assertThrows(CmsNotFoundException.class, () -> cms.calls().get("c1"));

    assertEquals(1, server.getRequestCount());
  }

  @Test
  void backoff_growsAndIsCapped() {
    RetryPolicy policy = RetryPolicy.builder().initialBackoff(Duration.ofMillis(100))
        .maxBackoff(Duration.ofSeconds(1)).jitter(0).build();

    assertEquals(Duration.ofMillis(100), policy.backoff(1, 0.9));
    assertEquals(Duration.ofMillis(200), policy.backoff(2, 0.9));
    assertEquals(Duration.ofMillis(800), policy.backoff(4, 0.9));
    assertEquals(Duration.ofSeconds(1), policy.backoff(30, 0.9));
  }

  @Test
  void builder_badValues_rejected() {
    assertThrows(IllegalArgumentException.class, () -> RetryPolicy.builder().maxAttempts(0));
    assertThrows(IllegalArgumentException.class, () -> RetryPolicy.builder().jitter(1.5));
    assertThrows(IllegalArgumentException.class, () -> RetryPolicy.builder()
        .initialBackoff(Duration.ofSeconds(2)).maxBackoff(Duration.ofSeconds(1)).build());
  }

  private static boolean between(Duration d, long minMillis, long maxMillis) {
    return d.toMillis() >= minMillis && d.toMillis() <= maxMillis;
  }
}
