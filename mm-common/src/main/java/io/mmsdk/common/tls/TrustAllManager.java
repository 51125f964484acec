package io.mmsdk.common.tls;

import java.net.Socket;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Accepts every certificate for every host: the SDK's only trust-all manager, reached only through
 * {@link TlsTrust#insecureTrustAllForLabUseOnly()}. It is an {@link X509ExtendedTrustManager} so
 * that the JDK does not wrap it and add a host name check the caller asked to skip.
 */
final class TrustAllManager extends X509ExtendedTrustManager {
  static final TrustAllManager INSTANCE = new TrustAllManager();

  private TrustAllManager() {}

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
    // Lab use only: accepting any server is what insecureTrustAllForLabUseOnly() asked for.
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
    // Lab use only: accepting any server is what insecureTrustAllForLabUseOnly() asked for.
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType) {
    // Lab use only: accepting any server is what insecureTrustAllForLabUseOnly() asked for.
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
    // Lab use only: accepting any peer is what insecureTrustAllForLabUseOnly() asked for.
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
    // Lab use only: accepting any peer is what insecureTrustAllForLabUseOnly() asked for.
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType) {
    // Lab use only: accepting any peer is what insecureTrustAllForLabUseOnly() asked for.
  }

  @Override
  public X509Certificate[] getAcceptedIssuers() {
    return new X509Certificate[0];
  }
}
