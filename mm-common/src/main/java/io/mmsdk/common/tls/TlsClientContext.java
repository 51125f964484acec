package io.mmsdk.common.tls;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.X509TrustManager;

/**
 * What one client needs to speak TLS with a {@link TlsTrust}: made by {@link
 * TlsTrust#client(String)}, once per client built. The three parts belong together: pass {@link
 * #socketFactory()} and {@link #trustManager()} to OkHttp, {@link #socketFactory()} to UnboundID
 * LDAP or a raw socket, {@link #sslContext()} to {@code java.net.http.HttpClient}.
 *
 * <p>Unless {@link #isInsecure()}, the server's host name is checked in the TLS handshake, before
 * any application data (a password) is sent: sockets from {@link #socketFactory()} set the JDK's
 * {@code "HTTPS"} endpoint identification, and {@link #trustManager()} refuses any handshake on a
 * socket or engine that does not ask for it, so the check cannot be skipped by mistake. Thread-safe.
 */
public final class TlsClientContext {
  private final SSLContext sslContext;
  private final SSLSocketFactory socketFactory;
  private final X509TrustManager trustManager;
  private final boolean insecure;

  TlsClientContext(SSLContext sslContext, SSLSocketFactory socketFactory, X509TrustManager trustManager, boolean insecure) {
    this.sslContext = sslContext;
    this.socketFactory = socketFactory;
    this.trustManager = trustManager;
    this.insecure = insecure;
  }

  /**
   * {@return the TLS context} Its trust manager is {@link #trustManager()}; its own socket factory
   * does not set endpoint identification, so prefer {@link #socketFactory()}, or set the
   * {@code "HTTPS"} algorithm on each socket or engine (as {@code java.net.http.HttpClient} does).
   */
  public SSLContext sslContext() {
    return sslContext;
  }

  /** {@return a factory whose sockets verify the server's certificate and host name in the handshake} */
  public SSLSocketFactory socketFactory() {
    return socketFactory;
  }

  /** {@return the trust manager of {@link #sslContext()}, for clients such as OkHttp that ask for it} */
  public X509TrustManager trustManager() {
    return trustManager;
  }

  /**
   * {@return whether this context accepts any certificate for any host}
   * (from {@link TlsTrust#insecureTrustAllForLabUseOnly()}); clients that check host names
   * themselves, such as OkHttp with its host name verifier, must then skip that check too
   */
  public boolean isInsecure() {
    return insecure;
  }
}
