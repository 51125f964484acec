package io.mmsdk.core.internal;

import io.mmsdk.core.cluster.TrustSettings;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Collection;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/** Turns {@link TrustSettings} into a JSSE trust manager. */
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
