package io.mmsdk.benchmarks.cms;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;

/**
 * A keep-alive HTTP/1.1 server that answers each GET with a body chosen from its request target
 * (path and query), prepared before the run and written in one go with TCP_NODELAY, so that Nagle's
 * algorithm and delayed ACKs do not distort the figure. What a client spends against it is the
 * client's own cost.
 */
final class ReplayServer implements AutoCloseable {
  private final ServerSocket serverSocket;
  private final Function<String, byte[]> responses;

  /**
   * Starts the server.
   *
   * @param responses the whole HTTP response (see {@link #response}) for a request target such as
   *     {@code /api/v1/coSpaces?offset=10&limit=100}
   */
  ReplayServer(Function<String, byte[]> responses) throws IOException {
    this.responses = responses;
    serverSocket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread acceptor = new Thread(this::acceptLoop, "replay-server");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  int port() {
    return serverSocket.getLocalPort();
  }

  /** Returns a 200 response with an XML {@code body}. */
  static byte[] response(byte[] body) {
    byte[] head = ("HTTP/1.1 200 OK\r\nContent-Type: text/xml\r\nContent-Length: " + body.length
        + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    byte[] response = new byte[head.length + body.length];
    System.arraycopy(head, 0, response, 0, head.length);
    System.arraycopy(body, 0, response, head.length, body.length);
    return response;
  }

  private void acceptLoop() {
    while (!serverSocket.isClosed()) {
      try {
        Socket socket = serverSocket.accept();
        socket.setTcpNoDelay(true);
        Thread handler = new Thread(() -> serve(socket), "replay-connection");
        handler.setDaemon(true);
        handler.start();
      } catch (IOException closed) {
        return;
      }
    }
  }

  private void serve(Socket socket) {
    try (socket; InputStream in = new BufferedInputStream(socket.getInputStream());
        OutputStream out = socket.getOutputStream()) {
      ByteArrayOutputStream line = new ByteArrayOutputStream();
      String target = null;
      for (int b = in.read(); b != -1; b = in.read()) {
        if (b != '\n') {
          if (b != '\r') {
            line.write(b);
          }
          continue;
        }
        if (line.size() == 0) { // the blank line ending the request headers
          out.write(responses.apply(target));
          out.flush();
          target = null;
        } else if (target == null) {
          String requestLine = line.toString(StandardCharsets.US_ASCII);
          int start = requestLine.indexOf(' ') + 1;
          target = requestLine.substring(start, requestLine.indexOf(' ', start));
        }
        line.reset();
      }
    } catch (IOException disconnected) {
      // The client closed the connection; nothing left to serve.
    }
  }

  @Override
  public void close() throws IOException {
    serverSocket.close();
  }
}
