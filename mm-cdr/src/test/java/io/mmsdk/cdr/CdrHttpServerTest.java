package io.mmsdk.cdr;

import static io.mmsdk.cdr.Batches.callEnd;
import static io.mmsdk.cdr.Batches.doc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mmsdk.common.tls.TlsIdentity;
import io.mmsdk.common.tls.TlsTrust;
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
      assertTrue(pipeline.awaitDelivered(java.time.Duration.ofSeconds(30)));
      assertEquals(6, events.size());
      assertEquals(200, post(uri, Fixtures.bytes("multi-record-batch.xml")).statusCode());
      assertTrue(pipeline.awaitDelivered(java.time.Duration.ofSeconds(30)));
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
  void post_listenerParked_stillAnswered200() throws Exception {
    java.util.concurrent.CountDownLatch parked = new java.util.concurrent.CountDownLatch(1);
    java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
    List<CdrEvent> events = new java.util.concurrent.CopyOnWriteArrayList<>();
    try (CdrPipeline pipeline = CdrPipeline.builder().addListener(e -> {
          parked.countDown();
          try {
            release.await();
          } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
          }
          events.add(e);
        }).build();
        CdrHttpServer server = CdrHttpServer.builder()
            .handler(CdrHandler.builder().sink(pipeline).build()).start()) {
      assertEquals(200, post(server.uri(), doc("s1", null, callEnd(1, 1, "a"))).statusCode());
      assertTrue(parked.await(30, java.util.concurrent.TimeUnit.SECONDS));
      // The listener is parked; the Call Bridge's next post is acknowledged all the same.
      assertEquals(200, post(server.uri(), doc("s1", null, callEnd(2, 2, "b"))).statusCode());
      assertEquals(List.of(), events);
      release.countDown();
      assertTrue(pipeline.awaitDelivered(java.time.Duration.ofSeconds(30)));
      assertEquals(2, events.size());
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
    List<CdrEvent> events = new ArrayList<>();
    try (CdrPipeline pipeline = CdrPipeline.builder().addListener(events::add).build();
        CdrHttpServer server = CdrHttpServer.builder()
            .handler(CdrHandler.builder().sink(pipeline).build())
            .tls(TlsIdentity.of(cert.keyPair().getPrivate(), List.of(cert.certificate(), ca.certificate()))).start()) {
      assertTrue(server.uri().toString().startsWith("https://127.0.0.1:"), server.uri().toString());
      // java.net.http.HttpClient sets the HTTPS endpoint identification the trust manager insists on.
      HttpClient tls = HttpClient.newBuilder()
          .sslContext(TlsTrust.certificates(List.of(ca.certificate())).client("test").sslContext()).build();
      HttpResponse<String> r = tls.send(HttpRequest.newBuilder(server.uri())
              .POST(HttpRequest.BodyPublishers.ofByteArray(Fixtures.bytes("two-bridges-a.xml")))
              .build(),
          HttpResponse.BodyHandlers.ofString());
      assertEquals(200, r.statusCode());
      assertTrue(pipeline.awaitDelivered(java.time.Duration.ofSeconds(30)));
      assertEquals(3, events.size());
    }
  }

  /** Sends raw bytes on a new connection and returns the socket. */
  private static java.net.Socket raw(CdrHttpServer server, String text) throws Exception {
    java.net.Socket s = new java.net.Socket();
    s.connect(new java.net.InetSocketAddress(server.uri().getHost(), server.port()), 5_000);
    s.getOutputStream().write(text.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
    s.getOutputStream().flush();
    return s;
  }

  /** Reads one response head (status line and headers) from {@code s}. */
  private static String head(java.net.Socket s) throws Exception {
    s.setSoTimeout(10_000);
    java.io.InputStream in = s.getInputStream();
    StringBuilder sb = new StringBuilder();
    int c;
    while ((c = in.read()) >= 0) {
      sb.append((char) c);
      if (sb.toString().endsWith("\r\n\r\n")) {
        break;
      }
    }
    return sb.toString();
  }

  @Test
  void post_whileSlowClientsHoldConnections_genuineBatchStillAnswered() throws Exception {
    List<java.net.Socket> slow = new ArrayList<>();
    try (CdrPipeline pipeline = CdrPipeline.builder().build();
        CdrHttpServer server = CdrHttpServer.builder()
            .handler(CdrHandler.builder().sink(pipeline).build()).start()) {
      for (int i = 0; i < 16; i++) {
        // Half a request line, then nothing: each holds its connection open.
        slow.add(raw(server, "POST /cdr HTT"));
        slow.add(raw(server, "POST /cdr HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n<rec"));
      }
      assertEquals(200, post(server.uri(), doc("s1", null, callEnd(1, 1, "a"))).statusCode());
      assertEquals(1, pipeline.recordsDelivered());
    } finally {
      for (java.net.Socket s : slow) {
        s.close();
      }
    }
  }

  @Test
  void post_requestNotCompleteBeforeDeadline_connectionClosed() throws Exception {
    io.mmsdk.testkit.core.SimulatedClock scheduler =
        io.mmsdk.testkit.core.SimulatedClock.startingAt(java.time.Instant.parse("2026-03-02T09:00:00Z"));
    try (CdrPipeline pipeline = CdrPipeline.builder().build();
        CdrHttpServer server = CdrHttpServer.builder()
            .handler(CdrHandler.builder().sink(pipeline).build())
            .scheduler(scheduler).requestTimeout(Duration.ofSeconds(30)).start();
        java.net.Socket s = raw(server, "POST /cdr HTTP/1.1\r\nHost: x\r\n")) {
      s.setSoTimeout(200);
      int read = 0;
      // The deadline is armed when the server takes the connection; advance until it has fired.
      for (int i = 0; i < 500 && read >= 0; i++) {
        scheduler.advance(Duration.ofSeconds(31));
        try {
          read = s.getInputStream().read();
        } catch (java.net.SocketTimeoutException notYet) {
          read = 0;
        } catch (java.io.IOException reset) {
          read = -1;
        }
      }
      assertEquals(-1, read, "connection closed once the request deadline passed");
    }
  }

  @Test
  void post_bodyOverLimit_413WithConnectionClose() throws Exception {
    try (CdrPipeline pipeline = CdrPipeline.builder().build();
        CdrHttpServer server = CdrHttpServer.builder()
            .handler(CdrHandler.builder().sink(pipeline)
                .parser(CdrParser.builder().maxBytes(1024).build()).build()).start();
        java.net.Socket s = raw(server, "POST /cdr HTTP/1.1\r\nHost: x\r\n"
            + "Content-Length: 4096\r\n\r\n" + "x".repeat(4096))) {
      String head = head(s);
      assertTrue(head.startsWith("HTTP/1.1 413 "), head);
      assertTrue(head.toLowerCase(java.util.Locale.ROOT).contains("\r\nconnection: close\r\n"), head);
    }
  }

  @Test
  void post_badDocumentOnKeepAlive_400AndConnectionStaysUsable() throws Exception {
    try (CdrPipeline pipeline = CdrPipeline.builder().build();
        CdrHttpServer server = CdrHttpServer.builder()
            .handler(CdrHandler.builder().sink(pipeline).build()).start()) {
      byte[] good = doc("s1", null, callEnd(1, 1, "a"));
      String bad = "<records";
      try (java.net.Socket s = raw(server, "POST /cdr?cluster=x HTTP/1.1\r\nHost: x\r\n"
          + "Content-Length: " + bad.length() + "\r\n\r\n" + bad)) {
        String first = head(s);
        assertTrue(first.startsWith("HTTP/1.1 400 "), first);
        int len = Integer.parseInt(first.replaceAll("(?is).*content-length: *(\\d+).*", "$1"));
        s.getInputStream().readNBytes(len);
        s.getOutputStream().write(("POST /cdr HTTP/1.1\r\nHost: x\r\nContent-Length: "
            + good.length + "\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        s.getOutputStream().write(good);
        String second = head(s);
        assertTrue(second.startsWith("HTTP/1.1 200 "), second);
      }
      assertEquals(1, pipeline.recordsDelivered());
    }
  }

  @Test
  void post_utf16Document_400NotAClosedConnection() throws Exception {
    try (CdrPipeline pipeline = CdrPipeline.builder().build();
        CdrHttpServer server = CdrHttpServer.builder()
            .handler(CdrHandler.builder().sink(pipeline).build()).start()) {
      byte[] utf16 = ("<?xml version=\"1.0\" encoding=\"UTF-16\"?><records session=\"s1\">"
          + callEnd(1, 1, "a") + "</records>").getBytes(java.nio.charset.StandardCharsets.UTF_16);
      HttpResponse<String> r = post(server.uri(), utf16);
      assertEquals(400, r.statusCode());
      assertTrue(r.body().contains("UTF-8"), r.body());
    }
  }

  @Test
  void write_errorReply_headAndBodyInOneWrite() throws Exception {
    List<byte[]> writes = new ArrayList<>();
    java.io.OutputStream out = new java.io.OutputStream() {
      @Override
      public void write(int b) {
        writes.add(new byte[] {(byte) b});
      }

      @Override
      public void write(byte[] b, int off, int len) {
        writes.add(java.util.Arrays.copyOfRange(b, off, off + len));
      }
    };
    CdrHttpServer.write(out, 400, "NOT_WELL_FORMED: truncated", true);
    assertEquals(1, writes.size(), "one write for head and body");
    String reply = new String(writes.get(0), java.nio.charset.StandardCharsets.UTF_8);
    assertTrue(reply.startsWith("HTTP/1.1 400 Bad Request\r\n"), reply);
    assertTrue(reply.contains("\r\nConnection: close\r\n"), reply);
    assertTrue(reply.endsWith("\r\n\r\nNOT_WELL_FORMED: truncated\n"), reply);
  }

  @Test
  void connect_overPerAddressLimit_503WithConnectionClose() throws Exception {
    List<java.net.Socket> held = new ArrayList<>();
    try (CdrPipeline pipeline = CdrPipeline.builder().build();
        CdrHttpServer server = CdrHttpServer.builder()
            .handler(CdrHandler.builder().sink(pipeline).build())
            .maxConnectionsPerAddress(2).start()) {
      held.add(raw(server, "POST /cdr HTTP/1.1\r\n"));
      held.add(raw(server, "POST /cdr HTTP/1.1\r\n"));
      try (java.net.Socket third = raw(server, "")) {
        String head = head(third);
        assertTrue(head.startsWith("HTTP/1.1 503 "), head);
        assertTrue(head.contains("\r\nConnection: close\r\n"), head);
      }
    } finally {
      for (java.net.Socket s : held) {
        s.close();
      }
    }
  }

  @Test
  void post_chunkedBodyWithExpectContinue_accepted() throws Exception {
    try (CdrPipeline pipeline = CdrPipeline.builder().build();
        CdrHttpServer server = CdrHttpServer.builder()
            .handler(CdrHandler.builder().sink(pipeline).build()).start()) {
      String xml = new String(doc("s1", null, callEnd(1, 1, "a")), java.nio.charset.StandardCharsets.UTF_8);
      String first = xml.substring(0, 40);
      String rest = xml.substring(40);
      try (java.net.Socket s = raw(server, "POST /cdr HTTP/1.1\r\nHost: x\r\n"
          + "Transfer-Encoding: chunked\r\nExpect: 100-continue\r\n\r\n")) {
        assertTrue(head(s).startsWith("HTTP/1.1 100 "));
        s.getOutputStream().write((Integer.toHexString(first.length()) + "\r\n" + first + "\r\n"
            + Integer.toHexString(rest.length()) + ";ext=1\r\n" + rest + "\r\n0\r\n\r\n")
            .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        String reply = head(s);
        assertTrue(reply.startsWith("HTTP/1.1 200 "), reply);
        assertTrue(!reply.toLowerCase(java.util.Locale.ROOT).contains("connection: close"), reply);
      }
      assertEquals(1, pipeline.recordsDelivered());
    }
  }

  @Test
  void post_bodyLargerThanTheFirstBuffer_readWhole() throws Exception {
    try (CdrPipeline pipeline = CdrPipeline.builder().build();
        CdrHttpServer server = CdrHttpServer.builder()
            .handler(CdrHandler.builder().sink(pipeline).build()).start()) {
      String[] records = new String[9_000];
      for (int i = 0; i < records.length; i++) {
        records[i] = callEnd(i + 1, i + 1, "call-" + i);
      }
      byte[] xml = doc("s1", null, records);
      assertTrue(xml.length > HttpRequestHead.INITIAL_BODY_BUFFER, "length " + xml.length);
      assertEquals(200, post(server.uri(), xml).statusCode());
      assertEquals(records.length, pipeline.recordsDelivered());
    }
  }

  @Test
  void post_bodyCutShortPastTheFirstBuffer_400() throws Exception {
    try (CdrPipeline pipeline = CdrPipeline.builder().build();
        CdrHttpServer server = CdrHttpServer.builder()
            .handler(CdrHandler.builder().sink(pipeline).build()).start()) {
      int sent = HttpRequestHead.INITIAL_BODY_BUFFER + 4096;
      try (java.net.Socket s = raw(server, "POST /cdr HTTP/1.1\r\nHost: x\r\n"
          + "Content-Length: " + (3 * HttpRequestHead.INITIAL_BODY_BUFFER) + "\r\n\r\n")) {
        s.getOutputStream().write(new byte[sent]);
        s.shutdownOutput();
        String head = head(s);
        assertTrue(head.startsWith("HTTP/1.1 400 "), head);
        String body = new String(s.getInputStream().readAllBytes(),
            java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(body.contains("after " + sent + " of "), body);
      }
      assertEquals(0, pipeline.recordsDelivered());
    }
  }
}
