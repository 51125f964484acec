package io.mmsdk.cms;

import static java.util.Objects.requireNonNull;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.List;
import javax.net.ssl.HostnameVerifier;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which server certificates the client trusts. Verification is on by default
 * ({@link #systemDefault()}); a Meeting Server with an internal CA or a self-signed certificate is
 * trusted with {@link #pemCertificates(String)}. The host name is always checked against the
 * certificate's subject alternative names, except with the lab-only opt-out
 * {@link #insecureTrustAllForLabUseOnly()}, which logs a warning for every client built with it.
 */
public final class TlsTrust {
  private static final Logger LOG = LoggerFactory.getLogger(TlsTrust.class);
  private static final TlsTrust SYSTEM = new TlsTrust("system", List.of());
  private static final TlsTrust INSECURE = new TlsTrust("insecure", List.of());

  private final String kind;
  private final List<X509Certificate> certificates;

  private TlsTrust(String kind, List<X509Certificate> certificates) {
    this.kind = kind;
    this.certificates = certificates;
  }

  /**
   * Trusts the JVM's default trust store, with host name checking.
   *
   * @return the trust
   */
  public static TlsTrust systemDefault() {
    return SYSTEM;
  }

  /**
   * Trusts only the certificates in {@code pem} (one or more {@code -----BEGIN CERTIFICATE-----}
   * blocks: a CA chain or the server's self-signed certificate), with host name checking.
   *
   * @param pem one or more PEM certificates
   * @return the trust
   * @throws IllegalArgumentException if {@code pem} holds no readable certificate
   */
  public static TlsTrust pemCertificates(String pem) {
    requireNonNull(pem, "pem == null");
    try {
      Collection<? extends Certificate> read =
          CertificateFactory.getInstance("X.509")
              .generateCertificates(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
      List<X509Certificate> certs = read.stream().map(X509Certificate.class::cast).toList();
      if (!certs.isEmpty()) {
        return certificates(certs);
      }
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException(
          "pem could not be read as X.509 certificates; expected one or more "
              + "-----BEGIN CERTIFICATE----- blocks",
          e);
    }
    throw new IllegalArgumentException(
        "pem holds no certificate; expected one or more -----BEGIN CERTIFICATE----- blocks");
  }

  /**
   * Trusts only {@code certificates} (a CA chain or the server's self-signed certificate), with
   * host name checking.
   *
   * @param certificates the trusted certificates, at least one
   * @return the trust
   * @throws IllegalArgumentException if the list is empty
   */
  public static TlsTrust certificates(List<X509Certificate> certificates) {
    List<X509Certificate> copy = List.copyOf(requireNonNull(certificates, "certificates == null"));
    if (copy.isEmpty()) {
      throw new IllegalArgumentException("certificates is empty; pass the CA that issued the server's certificate");
    }
    return new TlsTrust("pem", copy);
  }

  /**
   * Trusts every certificate and skips the host name check. Anyone on the network path can then
   * read the API password and impersonate the server: use it only in a lab, never in production.
   *
   * @return the trust; lab use only
   */
  public static TlsTrust insecureTrustAllForLabUseOnly() {
    return INSECURE;
  }

  /** {@return whether this is the lab-only trust-all setting} */
  public boolean isInsecure() {
    return this == INSECURE;
  }

  /** {@return the trusted certificates given as PEM, or an empty list} */
  public List<X509Certificate> certificates() {
    return certificates;
  }

  /**
   * Sets {@code builder}'s trust and host name verification from this setting alone, replacing
   * whatever a caller's shared {@link OkHttpClient} had, so no shared client can turn them off.
   */
  void apply(OkHttpClient.Builder builder, String host) {
    try {
      if (isInsecure()) {
        LOG.warn(
            "TLS verification is OFF for {} (insecureTrustAllForLabUseOnly): the API password can be "
                + "intercepted. Use TlsTrust.pemCertificates(...) outside a lab.",
            host);
        install(builder, new TrustAllManager());
        builder.hostnameVerifier((hostname, session) -> true);
        return;
      }
      KeyStore store = null;
      if (kind.equals("pem")) {
        store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load(null, null);
        for (int i = 0; i < certificates.size(); i++) {
          store.setCertificateEntry("cms-" + i, certificates.get(i));
        }
      }
      // A null store is the JVM's default trust store.
      TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      factory.init(store);
      install(builder, (X509TrustManager) factory.getTrustManagers()[0]);
      builder.hostnameVerifier(StrictHostnames.VERIFIER);
    } catch (GeneralSecurityException | java.io.IOException e) {
      throw new IllegalStateException("could not set up TLS trust: " + e.getMessage(), e);
    }
  }

  /**
   * OkHttp's own verifier (the host against the certificate's subject alternative names), as a new
   * client has it.
   */
  private static final class StrictHostnames {
    static final HostnameVerifier VERIFIER = new OkHttpClient().hostnameVerifier();
  }

  private static void install(OkHttpClient.Builder builder, X509TrustManager manager)
      throws GeneralSecurityException {
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, new TrustManager[] {manager}, null);
    builder.sslSocketFactory(context.getSocketFactory(), manager);
  }

  @Override
  public String toString() {
    return "TlsTrust[" + kind + (certificates.isEmpty() ? "" : ", " + certificates.size() + " certificates") + "]";
  }

  private static final class TrustAllManager implements X509TrustManager {
    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {
      // Lab-only: accepting any client chain is the documented purpose of this manager.
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {
      // Lab-only: accepting any server chain is the documented purpose of this manager.
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  }
}
