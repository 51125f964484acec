package io.mmsdk.cms.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mmsdk.cms.CmsClient;
import io.mmsdk.cms.CmsConnectionException;
import io.mmsdk.cms.RetryPolicy;
import io.mmsdk.common.tls.TlsTrust;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.SSLHandshakeException;
import okhttp3.OkHttpClient;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Events client over TLS against a server whose certificate names another host. */
class CmsEventsTlsTest {
  private final RecordingListener events = new RecordingListener();
  private HeldCertificate ca;
  private MockWebServer server;

  @BeforeEach
  void setUp() {
    ca = new HeldCertificate.Builder().certificateAuthority(0).commonName("Test CMS CA").build();
  }

  private void startServerFor(String sanHost) throws Exception {
    HeldCertificate cert = new HeldCertificate.Builder()
        .signedBy(ca).commonName("cms").addSubjectAlternativeName(sanHost).build();
    server = new MockWebServer();
    server.useHttps(new HandshakeCertificates.Builder().heldCertificate(cert, ca.certificate()).build()
        .sslSocketFactory());
    server.start();
  }

  @AfterEach
  void tearDown() throws Exception {
    server.close();
  }

  @Test
  void certificateForAnotherHost_refusedEvenWithPermissiveSharedClient() throws Exception {
    startServerFor("cms.example.com");
    for (int i = 0; i < 20; i++) {
      server.enqueue(new MockResponse.Builder().setHeader("X-Cisco-CMS-Auth-Token", "token").build());
    }
    HandshakeCertificates trustTestCa = new HandshakeCertificates.Builder().addTrustedCertificate(ca.certificate()).build();
    OkHttpClient anyHost = new OkHttpClient.Builder()
        .sslSocketFactory(trustTestCa.sslSocketFactory(), trustTestCa.trustManager())
        .hostnameVerifier((hostname, session) -> true)
        .build();
    try (CmsClient cms = CmsClient.builder().host("localhost").port(server.getPort()).credentials("a", "b")
            .okHttpClient(anyHost).tlsTrust(TlsTrust.pemCertificates(ca.certificatePem()))
            .retryPolicy(RetryPolicy.none()).build();
        CmsEventsClient client = CmsEventsClient.builder(cms).listener(events)
            .subscriptions(List.of(Subscription.calls(1, List.of("name"))))
            .reconnectBackoff(Duration.ofMillis(10), Duration.ofMillis(40)).build()) {
      client.start();

      CmsConnectionException e = assertInstanceOf(CmsConnectionException.class, events.next());

      assertInstanceOf(SSLHandshakeException.class, e.getCause());
      assertFalse(client.isConnected());
    }
  }

  @org.junit.jupiter.api.RepeatedTest(20) // a race: it failed 8 times in 150 before the fix
  void messageOverSizeLimit_overTls_typedErrorThenGap() throws Exception {
    startServerFor("localhost");
    server.enqueue(new MockResponse.Builder().setHeader("X-Cisco-CMS-Auth-Token", "token").build());
    server.enqueue(new MockResponse.Builder().webSocketUpgrade(new WebSocketListener() {
      @Override
      public void onOpen(WebSocket webSocket, Response response) {
        webSocket.send("{\"type\":\"message\",\"message\":{\"messageId\":1,\"type\":\"callListUpdate\","
            + "\"subscriptionIndex\":1,\"updates\":[{\"call\":\"c1\",\"name\":\"" + "x".repeat(200_000) + "\"}]}}");
      }
    }).build());
    try (CmsClient cms = CmsClient.builder().host("localhost").port(server.getPort()).credentials("a", "b")
            .tlsTrust(TlsTrust.pemCertificates(ca.certificatePem())).retryPolicy(RetryPolicy.none()).build();
        CmsEventsClient client = CmsEventsClient.builder(cms).listener(events).maxMessageSize(100_000)
            .reconnectBackoff(Duration.ofSeconds(30), Duration.ofSeconds(30)).build()) {
      client.start();

      assertEquals("connected", events.next());
      CmsEventMessageException e = assertInstanceOf(CmsEventMessageException.class, events.next());
      assertTrue(e.getMessage().contains("limit of 100000 bytes"), e.getMessage());
      assertInstanceOf(EventGap.class, events.next());
    }
  }
}
