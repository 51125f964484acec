package io.mmsdk.testkit.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The bridges' HTTP/1.1 server over raw sockets: keep-alive, bodies, closing and restarting. */
class HttpServerTest {
  private final List<Request> seen = new ArrayList<>();
  private HttpServer server;

  private HttpServer start(int port) throws IOException {
    server = HttpServer.start(port, null, request -> {
      synchronized (seen) {
        seen.add(request);
      }
      if (request.path().equals("/drop")) {
        return Reply.disconnect();
      }
      return Reply.status(201).header("Content-Type", "text/plain")
          .body(request.method() + " " + request.target() + " [" + request.body() + "] "
              + request.header("x-test"));
    });
    return server;
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void keepAlive_servesRequestsInTurnOnOneConnection_withBodiesAndHeaders() throws IOException {
    start(0);
    try (Socket s = connect()) {
      send(s, "GET /a?x=1 HTTP/1.1\r\nHost: h\r\nX-Test: one\r\n\r\n"
          + "POST /b HTTP/1.1\r\nHost: h\r\nx-test: two\r\nContent-Length: 5\r\n\r\nab=cd");
      InputStream in = s.getInputStream();
      assertEquals("HTTP/1.1 201 Created|Content-Type: text/plain|GET /a?x=1 [] one", response(in));
      assertEquals("HTTP/1.1 201 Created|Content-Type: text/plain|POST /b [ab=cd] two",
          response(in));
    }
  }

  @Test
  void chunkedBodyAfterExpectContinue_isReadWhole() throws IOException {
    start(0);
    try (Socket s = connect()) {
      send(s, "PUT /c HTTP/1.1\r\nHost: h\r\nExpect: 100-continue\r\n"
          + "Transfer-Encoding: chunked\r\n\r\n4\r\nname\r\n2;ext=1\r\n=x\r\n0\r\n\r\n");
      InputStream in = s.getInputStream();
      assertEquals("HTTP/1.1 100 Continue", line(in));
      assertEquals("", line(in));
      assertEquals("HTTP/1.1 201 Created|Content-Type: text/plain|PUT /c [name=x] null",
          response(in));
    }
  }

  @Test
  void connectionClose_andDisconnectReplies_closeTheConnection() throws IOException {
    start(0);
    try (Socket s = connect()) {
      send(s, "GET /a HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\n");
      assertTrue(response(s.getInputStream()).endsWith("GET /a [] null"));
      assertEquals(-1, s.getInputStream().read());
    }
    try (Socket s = connect()) {
      send(s, "GET /drop HTTP/1.1\r\nHost: h\r\n\r\n");
      assertEquals(-1, s.getInputStream().read(), "closed without an answer");
    }
    try (Socket s = connect()) {
      send(s, "NOT HTTP\r\n\r\n");
      assertEquals(-1, s.getInputStream().read(), "closed without an answer");
    }
    synchronized (seen) {
      assertEquals(List.of("/a", "/drop"), seen.stream().map(Request::path).toList());
    }
  }

  @Test
  void close_withAnIdleConnectionOpen_letsTheSamePortBeBoundAtOnce() throws IOException {
    int port = start(0).port();
    try (Socket idle = connect()) {
      send(idle, "GET /a HTTP/1.1\r\nHost: h\r\n\r\n");
      response(idle.getInputStream());
      server.close();
      assertEquals(-1, idle.getInputStream().read(), "open connections are closed");
      start(port);
      try (Socket again = connect()) {
        send(again, "GET /b HTTP/1.1\r\nHost: h\r\n\r\n");
        assertTrue(response(again.getInputStream()).endsWith("GET /b [] null"));
      }
    }
  }

  private Socket connect() throws IOException {
    return new Socket(InetAddress.getByName("127.0.0.1"), server.port());
  }

  private static void send(Socket s, String text) throws IOException {
    OutputStream out = s.getOutputStream();
    out.write(text.getBytes(StandardCharsets.US_ASCII));
    out.flush();
  }

  /** Reads one response: status line, headers other than Content-Length, body; joined by '|'. */
  private static String response(InputStream in) throws IOException {
    List<String> parts = new ArrayList<>();
    parts.add(line(in));
    int length = 0;
    for (String h = line(in); !h.isEmpty(); h = line(in)) {
      if (h.startsWith("Content-Length: ")) {
        length = Integer.parseInt(h.substring("Content-Length: ".length()));
      } else {
        parts.add(h);
      }
    }
    parts.add(new String(in.readNBytes(length), StandardCharsets.UTF_8));
    return String.join("|", parts);
  }

  private static String line(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    for (int b = in.read(); b != '\n'; b = in.read()) {
      if (b == -1) {
        throw new IOException("closed after " + line);
      }
      if (b != '\r') {
        line.write(b);
      }
    }
    return line.toString(StandardCharsets.US_ASCII);
  }
}
