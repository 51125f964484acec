package io.mmsdk.common.tls;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * Sockets that check, during the TLS handshake and so before any application data such as a
 * password is sent, that the server certificate names the host the socket connects to: a DNS name
 * SAN (wildcards allowed) for a host name, an IP address SAN for an IP address, never a reverse
 * lookup. The check is JSSE's endpoint identification with the {@code "HTTPS"} rules (RFC 2818),
 * run by the trust manager.
 */
final class HostNameVerifyingSocketFactory extends SSLSocketFactory {
  private final SSLSocketFactory delegate;

  HostNameVerifyingSocketFactory(SSLSocketFactory delegate) {
    this.delegate = delegate;
  }

  private static Socket verify(Socket s) {
    // The delegate is an SSLContext's own factory, whose sockets are always SSLSockets.
    SSLSocket ssl = (SSLSocket) s;
    SSLParameters p = ssl.getSSLParameters();
    p.setEndpointIdentificationAlgorithm("HTTPS");
    ssl.setSSLParameters(p);
    return ssl;
  }

  @Override
  public String[] getDefaultCipherSuites() {
    return delegate.getDefaultCipherSuites();
  }

  @Override
  public String[] getSupportedCipherSuites() {
    return delegate.getSupportedCipherSuites();
  }

  @Override
  public Socket createSocket() throws IOException {
    return verify(delegate.createSocket());
  }

  @Override
  public Socket createSocket(Socket s, String host, int port, boolean autoClose) throws IOException {
    return verify(delegate.createSocket(s, host, port, autoClose));
  }

  @Override
  public Socket createSocket(String host, int port) throws IOException {
    return verify(delegate.createSocket(host, port));
  }

  @Override
  public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
    return verify(delegate.createSocket(host, port, localHost, localPort));
  }

  @Override
  public Socket createSocket(InetAddress host, int port) throws IOException {
    return verify(delegate.createSocket(host, port));
  }

  @Override
  public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
    return verify(delegate.createSocket(address, port, localAddress, localPort));
  }
}
