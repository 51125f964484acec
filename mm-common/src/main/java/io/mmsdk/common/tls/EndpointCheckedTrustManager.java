package io.mmsdk.common.tls;

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * The JDK's PKIX trust manager, refusing any server handshake on a connection that does not ask
 * for the host name check. The JDK checks the host name only when the socket or engine names an
 * endpoint identification algorithm; {@link TlsClientContext#socketFactory()} sets it, and so do
 * {@code java.net.http.HttpClient} and OkHttp-over-our-factory. A caller who takes {@link
 * TlsClientContext#sslContext()} and forgets it gets a failed handshake, not a silent skip.
 */
final class EndpointCheckedTrustManager extends X509ExtendedTrustManager {
  private static final String UNCHECKED = "this TLS connection does not verify the server's host name "
      + "(no endpoint identification algorithm is set); create sockets with TlsClientContext.socketFactory(), "
      + "or set SSLParameters.setEndpointIdentificationAlgorithm(\"HTTPS\")";

  private final X509ExtendedTrustManager delegate;

  EndpointCheckedTrustManager(X509ExtendedTrustManager delegate) {
    this.delegate = delegate;
  }

  private static void requireEndpointCheck(SSLParameters parameters) throws CertificateException {
    String algorithm = parameters.getEndpointIdentificationAlgorithm();
    if (algorithm == null || algorithm.isEmpty()) {
      throw new CertificateException(UNCHECKED);
    }
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
    if (!(socket instanceof SSLSocket ssl)) {
      throw new CertificateException(UNCHECKED);
    }
    requireEndpointCheck(ssl.getSSLParameters());
    delegate.checkServerTrusted(chain, authType, socket);
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
    if (engine == null) {
      throw new CertificateException(UNCHECKED);
    }
    requireEndpointCheck(engine.getSSLParameters());
    delegate.checkServerTrusted(chain, authType, engine);
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
    // Without a connection there is no host name to check against.
    throw new CertificateException(UNCHECKED);
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
    delegate.checkClientTrusted(chain, authType, socket);
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
    delegate.checkClientTrusted(chain, authType, engine);
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
    delegate.checkClientTrusted(chain, authType);
  }

  @Override
  public X509Certificate[] getAcceptedIssuers() {
    return delegate.getAcceptedIssuers();
  }
}
