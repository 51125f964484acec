package io.mmsdk.common.tls;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;

/** A loopback TLS server that answers every handshake it completes with one byte, 42. */
final class TlsServer implements AutoCloseable {
  private final SSLServerSocket server;
  private final Thread acceptor;

  private TlsServer(SSLContext context) throws IOException {
    server = (SSLServerSocket) context.getServerSocketFactory().createServerSocket(0, 5, InetAddress.getLoopbackAddress());
    acceptor = new Thread(this::serve, "tls-test-server");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /** Serves {@code certificate}, issued by {@code ca}. */
  static TlsServer presenting(HeldCertificate certificate, HeldCertificate ca) throws IOException {
    return new TlsServer(new HandshakeCertificates.Builder().heldCertificate(certificate, ca.certificate()).build().sslContext());
  }

  /** Serves with {@code context}. */
  static TlsServer with(SSLContext context) throws IOException {
    return new TlsServer(context);
  }

  /** A certificate issued by {@code ca} naming {@code sans} (DNS names or IP addresses). */
  static HeldCertificate certificate(HeldCertificate ca, String... sans) {
    HeldCertificate.Builder b = new HeldCertificate.Builder().signedBy(ca).commonName("server");
    for (String san : sans) {
      b.addSubjectAlternativeName(san);
    }
    return b.build();
  }

  static HeldCertificate ca(String name) {
    return new HeldCertificate.Builder().certificateAuthority(0).commonName(name).build();
  }

  int port() {
    return server.getLocalPort();
  }

  /**
   * Connects to this server as {@code host} with {@code factory}, completes the handshake and reads
   * the server's byte.
   */
  int exchange(SSLSocketFactory factory, String host) throws IOException {
    try (Socket s = factory.createSocket(host, port())) {
      ((SSLSocket) s).startHandshake();
      InputStream in = s.getInputStream();
      return in.read();
    }
  }

  private void serve() {
    while (!server.isClosed()) {
      try (SSLSocket s = (SSLSocket) server.accept()) {
        s.startHandshake();
        s.getOutputStream().write(42);
        s.getOutputStream().flush();
      } catch (IOException e) {
        // A refused handshake is what many tests expect; the next client is served.
      }
    }
  }

  @Override
  public void close() throws Exception {
    server.close();
    acceptor.join();
  }
}
