package io.mmsdk.cdr;

import static io.mmsdk.cdr.Batches.callEnd;
import static io.mmsdk.cdr.Batches.doc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CdrHttpServerTest {
  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private HttpResponse<String> post(URI uri, byte[] body) throws Exception {
    return client.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
            .header("Content-Type", "text/xml").POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void post_overLoopback_journaledThenAcknowledged(@TempDir Path dir) throws Exception {
    List<CdrEvent> events = new ArrayList<>();
    try (CdrPipeline pipeline = CdrPipeline.builder().store(CdrStore.file(dir))
            .addListener(events::add).build();
        CdrHttpServer server = CdrHttpServer.builder()
            .handler(CdrHandler.builder().sink(pipeline).token("tok").build()).start()) {
      URI uri = URI.create(server.uri() + "?cluster=london&token=tok");
      HttpResponse<String> ok = post(uri, Fixtures.bytes("multi-record-batch.xml"));
      assertEquals(200, ok.statusCode());
      assertEquals(6, events.size());
      assertEquals(200, post(uri, Fixtures.bytes("multi-record-batch.xml")).statusCode());
      assertEquals(6, events.size(), "re-sent batch is not delivered again");
      HttpResponse<String> bad = post(uri, Fixtures.bytes("truncated.xml"));
      assertEquals(400, bad.statusCode());
      assertTrue(bad.body().contains("line"), bad.body());
      assertEquals(403, post(URI.create(server.uri() + "?cluster=london"),
          Fixtures.bytes("multi-record-batch.xml")).statusCode());
      HttpResponse<String> get = client.send(HttpRequest.newBuilder(uri).GET().build(),
          HttpResponse.BodyHandlers.ofString());
      assertEquals(405, get.statusCode());
    }
  }

  @Test
  void post_bodyOverLimit_413(@TempDir Path dir) throws Exception {
    try (CdrPipeline pipeline = CdrPipeline.builder().store(CdrStore.file(dir)).build();
        CdrHttpServer server = CdrHttpServer.builder()
            .handler(CdrHandler.builder().sink(pipeline)
                .parser(CdrParser.builder().maxBytes(1024).build()).build()).start()) {
      byte[] big = new byte[512 * 1024];
      java.util.Arrays.fill(big, (byte) 'x');
      try {
        assertEquals(413, post(server.uri(), big).statusCode());
      } catch (java.io.IOException closedWhileSending) {
        // Also fine: the server answered 413 and closed the connection while the body was still
        // being sent, which the client reports as a broken connection.
      }
      assertEquals(0, pipeline.recordsDelivered());
      assertEquals(200, post(server.uri(), doc("s1", null, callEnd(1, 1, "a"))).statusCode(),
          "a small batch is still accepted after an oversized one");
      assertEquals(1, pipeline.recordsDelivered());
    }
  }

  @Test
  void post_overHttps_accepted() throws Exception {
    okhttp3.tls.HeldCertificate ca = new okhttp3.tls.HeldCertificate.Builder()
        .certificateAuthority(0).commonName("test CA").build();
    okhttp3.tls.HeldCertificate cert = new okhttp3.tls.HeldCertificate.Builder()
        .addSubjectAlternativeName("127.0.0.1").addSubjectAlternativeName("localhost")
        .signedBy(ca).build();
    okhttp3.tls.HandshakeCertificates serverCerts = new okhttp3.tls.HandshakeCertificates.Builder()
        .heldCertificate(cert, ca.certificate()).build();
    okhttp3.tls.HandshakeCertificates clientCerts = new okhttp3.tls.HandshakeCertificates.Builder()
        .addTrustedCertificate(ca.certificate()).build();
    List<CdrEvent> events = new ArrayList<>();
    try (CdrPipeline pipeline = CdrPipeline.builder().addListener(events::add).build();
        CdrHttpServer server = CdrHttpServer.builder()
            .handler(CdrHandler.builder().sink(pipeline).build())
            .sslContext(serverCerts.sslContext()).start()) {
      assertTrue(server.uri().toString().startsWith("https://127.0.0.1:"), server.uri().toString());
      HttpClient tls = HttpClient.newBuilder().sslContext(clientCerts.sslContext()).build();
      HttpResponse<String> r = tls.send(HttpRequest.newBuilder(server.uri())
              .POST(HttpRequest.BodyPublishers.ofByteArray(Fixtures.bytes("two-bridges-a.xml")))
              .build(),
          HttpResponse.BodyHandlers.ofString());
      assertEquals(200, r.statusCode());
      assertEquals(3, events.size());
    }
  }
}
