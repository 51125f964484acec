package io.mmsdk.core.internal.tls;

import io.mmsdk.core.cluster.TrustSettings;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Collection;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/** Turns {@link TrustSettings} into a JSSE trust manager, and makes TLS sockets verify host names. */
public final class Tls {
  private Tls() {}

  /**
   * Returns the trust manager for {@code trust}: the JVM default, one trusting only the PEM chain, or
   * (lab-only) one trusting everything. Host name checks are separate ({@link TrustSettings#verifyHostname()}).
   */
  public static X509TrustManager trustManager(TrustSettings trust) {
    try {
      if (trust.isInsecure()) {
        return new TrustAll();
      }
      KeyStore ks = null;
      if (trust.usesCertificateChain()) {
        String pem = trust.findPemChain().isPresent()
            ? trust.findPemChain().get()
            : Files.readString(trust.findPemFile().orElseThrow(), StandardCharsets.US_ASCII);
        Collection<? extends Certificate> certs = CertificateFactory.getInstance("X.509")
            .generateCertificates(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
        if (certs.isEmpty()) {
          throw new IllegalArgumentException("the PEM chain holds no certificates");
        }
        ks = KeyStore.getInstance(KeyStore.getDefaultType());
        ks.load(null, null);
        int i = 0;
        for (Certificate c : certs) {
          ks.setCertificateEntry("ca-" + i++, c);
        }
      }
      TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(ks);
      for (TrustManager tm : tmf.getTrustManagers()) {
        if (tm instanceof X509TrustManager x) {
          return x;
        }
      }
      throw new IllegalStateException("no X509TrustManager available");
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalArgumentException("Could not load the trusted certificates (" + e.getMessage()
          + "); give a PEM chain with the CA that signed the server certificate up to the root.", e);
    }
  }

  /**
   * Returns a factory whose sockets check, during the TLS handshake and so before any application
   * data such as a bind password is sent, that the server certificate names the host the socket
   * connects to: a DNS name SAN (wildcards allowed) for a host name, an IP address SAN for an IP
   * address, never a reverse lookup. The check is JSSE's endpoint identification ({@code "LDAPS"}
   * rules, RFC 2830), run by the trust manager of {@code delegate}. {@code delegate} must create
   * JSSE {@link SSLSocket}s (as {@code SSLContext.getSocketFactory()} does); a socket of another type
   * cannot be checked and is refused with an {@link IOException}.
   */
  public static SSLSocketFactory verifyingHostnames(SSLSocketFactory delegate) {
    return new HostnameVerifyingFactory(delegate);
  }

  /** Returns true when {@code e} or one of its causes is a certificate or handshake failure. */
  public static boolean isCertificateFailure(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof javax.net.ssl.SSLHandshakeException || t instanceof java.security.cert.CertificateException) {
        return true;
      }
    }
    return false;
  }

  private static final class HostnameVerifyingFactory extends SSLSocketFactory {
    private final SSLSocketFactory delegate;

    HostnameVerifyingFactory(SSLSocketFactory delegate) {
      this.delegate = delegate;
    }

    private static Socket verify(Socket s) throws IOException {
      if (!(s instanceof SSLSocket ssl)) {
        s.close();
        throw new IOException("cannot verify the server's host name on a " + s.getClass().getName()
            + "; pass a JSSE SSLSocketFactory, such as SSLContext.getSocketFactory()");
      }
      SSLParameters p = ssl.getSSLParameters();
      p.setEndpointIdentificationAlgorithm("LDAPS");
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

  /** Trusts every certificate. Lab use only, chosen explicitly through TrustSettings. */
  private static final class TrustAll implements X509TrustManager {
    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {
      // Lab-only: accept every peer, as the caller asked for insecure trust.
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {
      // Lab-only: accept every peer, as the caller asked for insecure trust.
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  }
}
