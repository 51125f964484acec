package io.mmsdk.common.tls;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertPathBuilder;
import java.security.cert.CertificateException;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.PKIXRevocationChecker;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.CertPathTrustManagerParameters;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which server certificates a client trusts, for every TLS client the SDK builds: the CMS REST
 * API and Events, LDAPS, syslog over TLS. The server's certificate must chain to a trusted CA
 * (the JVM's trust store by {@link #systemDefault() default}, or only the certificates given as
 * {@link #pemCertificates(String) PEM text}, a {@link #pemFile(Path) PEM file} or a {@link
 * #certificates(List) list}), and must name the host the client connects to (a DNS name SAN for a
 * host name, an IP address SAN for an IP address), checked in the TLS handshake before any
 * password is sent. {@link #checkingRevocation()} adds revocation checks.
 *
 * <p>The one opt-out, {@link #insecureTrustAllForLabUseOnly()}, trusts every certificate for every
 * host and logs a warning every time a client is built with it.
 *
 * <p>Immutable and thread-safe; {@link #client(String)} turns it into what a client needs. A PEM
 * file is read each time a client is built, so a renewed CA file is picked up by the next client.
 */
public final class TlsTrust {
  private static final Logger LOG = LoggerFactory.getLogger(TlsTrust.class);
  private static final TlsTrust SYSTEM = new TlsTrust(Kind.SYSTEM, List.of(), null, false);
  private static final TlsTrust INSECURE = new TlsTrust(Kind.INSECURE, List.of(), null, false);

  private enum Kind { SYSTEM, CERTIFICATES, PEM_FILE, INSECURE }

  private final Kind kind;
  private final List<X509Certificate> certificates;
  private final Path pemFile;
  private final boolean checkRevocation;

  private TlsTrust(Kind kind, List<X509Certificate> certificates, Path pemFile, boolean checkRevocation) {
    this.kind = kind;
    this.certificates = certificates;
    this.pemFile = pemFile;
    this.checkRevocation = checkRevocation;
  }

  /**
   * Trusts the CAs of the JVM's default trust store, checking host names.
   *
   * @return the trust
   */
  public static TlsTrust systemDefault() {
    return SYSTEM;
  }

  /**
   * Trusts only the certificates in {@code pem} (one or more {@code -----BEGIN CERTIFICATE-----}
   * blocks: the CA chain up to the root, or the server's self-signed certificate), checking host
   * names.
   *
   * @param pem one or more PEM certificates
   * @return the trust
   * @throws IllegalArgumentException if {@code pem} holds no readable certificate
   */
  public static TlsTrust pemCertificates(String pem) {
    return certificates(Pem.certificates(requireNonNull(pem, "pem == null"), "pem"));
  }

  /**
   * Trusts only the PEM certificates in {@code file}, read each time a client is built, checking
   * host names. A missing or unreadable file fails that build with a {@link TlsSetupException}
   * naming the file.
   *
   * @param file a file holding one or more PEM certificates
   * @return the trust
   */
  public static TlsTrust pemFile(Path file) {
    return new TlsTrust(Kind.PEM_FILE, List.of(), requireNonNull(file, "file == null"), false);
  }

  /**
   * Trusts only {@code certificates} (the CA chain up to the root, or the server's self-signed
   * certificate), checking host names.
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
    return new TlsTrust(Kind.CERTIFICATES, copy, null, false);
  }

  /**
   * Trusts every certificate and skips the host name check. Anyone on the network path can then
   * read and change the traffic, passwords included, and impersonate the server: use it only in a
   * lab, never in production. Every client built with it logs a warning.
   *
   * @return the trust; lab use only
   */
  public static TlsTrust insecureTrustAllForLabUseOnly() {
    return INSECURE;
  }

  /**
   * Rebuilds a trust from the parts a store keeps ({@link #findPem()}, {@link #findPemFile()},
   * {@link #checksRevocation()}, {@link #isInsecure()}): the lab opt-out if {@code insecure}, else
   * the PEM text, else the PEM file, else the system default; with revocation checks if asked and
   * certificates were given.
   *
   * @param pem the stored PEM text, or null
   * @param pemFile the stored PEM file, or null
   * @param checkRevocation whether revocation was checked
   * @param insecure whether the trust was the lab opt-out
   * @return the trust
   * @throws IllegalArgumentException if {@code pem} holds no readable certificate
   */
  public static TlsTrust restore(String pem, Path pemFile, boolean checkRevocation, boolean insecure) {
    if (insecure) {
      return INSECURE;
    }
    TlsTrust trust = pem != null ? pemCertificates(pem) : pemFile != null ? pemFile(pemFile) : SYSTEM;
    return checkRevocation && trust != SYSTEM ? trust.checkingRevocation() : trust;
  }

  /**
   * Returns this trust with revocation checks: every certificate of the server's chain is checked
   * with OCSP (the responder named in the certificate), falling back to CRLs, and a certificate
   * whose status cannot be found is refused. Fetching CRLs from distribution points also needs the
   * JVM's {@code com.sun.security.enableCRLDP=true}.
   *
   * @return a copy that checks revocation
   * @throws IllegalStateException on the system default or the lab opt-out: revocation checks need
   *     trusted certificates given to this type
   */
  public TlsTrust checkingRevocation() {
    if (kind == Kind.SYSTEM || kind == Kind.INSECURE) {
      throw new IllegalStateException("revocation checks need trusted certificates: use pemCertificates(...), "
          + "pemFile(...) or certificates(...) first, then checkingRevocation()");
    }
    return new TlsTrust(kind, certificates, pemFile, true);
  }

  /** {@return whether this is the lab-only opt-out that trusts everything} */
  public boolean isInsecure() {
    return kind == Kind.INSECURE;
  }

  /** {@return whether this is the JVM's default trust store} */
  public boolean isSystemDefault() {
    return kind == Kind.SYSTEM;
  }

  /** {@return whether the server's certificates are checked for revocation} */
  public boolean checksRevocation() {
    return checkRevocation;
  }

  /** {@return the trusted certificates, when given as PEM text or a list; otherwise empty} */
  public List<X509Certificate> certificates() {
    return certificates;
  }

  /** {@return the trusted certificates as PEM text, when given as PEM text or a list} */
  public Optional<String> findPem() {
    return kind == Kind.CERTIFICATES ? Optional.of(Pem.encode(certificates)) : Optional.empty();
  }

  /** {@return the PEM file, when trust was given as a file} */
  public Optional<Path> findPemFile() {
    return Optional.ofNullable(pemFile);
  }

  /**
   * Makes what one client needs: call it once per client built. With the lab opt-out this logs a
   * warning naming {@code peer}; with a PEM file it reads the file.
   *
   * @param peer what the client talks to, for the warning, such as {@code "CMS API cms1:443"}
   * @return the TLS context, socket factory and trust manager for the client
   * @throws TlsSetupException if the PEM file is missing or unreadable, or the JVM cannot make a
   *     TLS context
   */
  public TlsClientContext client(String peer) {
    requireNonNull(peer, "peer == null");
    try {
      if (isInsecure()) {
        LOG.warn("TLS verification is OFF for {} (TlsTrust.insecureTrustAllForLabUseOnly()): any certificate "
            + "for any host is accepted, so passwords can be intercepted. Use TlsTrust.pemCertificates(...) "
            + "or TlsTrust.pemFile(...) outside a lab.", peer);
        SSLContext context = context(TrustAllManager.INSTANCE);
        return new TlsClientContext(context, context.getSocketFactory(), TrustAllManager.INSTANCE, true);
      }
      X509ExtendedTrustManager trust = new EndpointCheckedTrustManager(pkixTrustManager());
      SSLContext context = context(trust);
      return new TlsClientContext(context, new HostNameVerifyingSocketFactory(context.getSocketFactory()), trust, false);
    } catch (GeneralSecurityException | IOException e) {
      throw new TlsSetupException("Could not set up TLS for " + peer + " (" + e
          + "); check the trusted certificates.", pemFile, e);
    }
  }

  private X509ExtendedTrustManager pkixTrustManager() throws GeneralSecurityException, IOException {
    TrustManagerFactory factory = TrustManagerFactory.getInstance("PKIX");
    if (kind == Kind.SYSTEM) {
      // A null key store is the JVM's default trust store.
      factory.init((KeyStore) null);
    } else {
      List<X509Certificate> trusted = kind == Kind.PEM_FILE ? Pem.certificates(pemFile) : certificates;
      KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
      store.load(null, null);
      for (int i = 0; i < trusted.size(); i++) {
        store.setCertificateEntry("trusted-" + i, trusted.get(i));
      }
      if (checkRevocation) {
        PKIXBuilderParameters parameters = new PKIXBuilderParameters(store, new X509CertSelector());
        PKIXRevocationChecker revocation = (PKIXRevocationChecker) CertPathBuilder.getInstance("PKIX").getRevocationChecker();
        parameters.addCertPathChecker(revocation);
        factory.init(new CertPathTrustManagerParameters(parameters));
      } else {
        factory.init(store);
      }
    }
    for (TrustManager manager : factory.getTrustManagers()) {
      if (manager instanceof X509ExtendedTrustManager x) {
        return x;
      }
    }
    throw new GeneralSecurityException("the JVM's PKIX trust manager factory made no X509ExtendedTrustManager");
  }

  private static SSLContext context(X509ExtendedTrustManager trust) throws GeneralSecurityException {
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, new TrustManager[] {trust}, null);
    return context;
  }

  /**
   * Tells whether {@code failure} or one of its causes is a refused certificate or a failed TLS
   * handshake, so a caller can advise fixing the trust or the host name rather than the network.
   *
   * @param failure the failure to inspect
   * @return true for a certificate or handshake failure
   */
  public static boolean isCertificateFailure(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof SSLHandshakeException || t instanceof CertificateException) {
        return true;
      }
    }
    return false;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TlsTrust t && kind == t.kind && certificates.equals(t.certificates)
        && Objects.equals(pemFile, t.pemFile) && checkRevocation == t.checkRevocation;
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, certificates, pemFile, checkRevocation);
  }

  @Override
  public String toString() {
    String what = switch (kind) {
      case SYSTEM -> "system default";
      case CERTIFICATES -> certificates.size() + (certificates.size() == 1 ? " certificate" : " certificates");
      case PEM_FILE -> "pem file " + pemFile;
      case INSECURE -> "INSECURE trust-all, lab use only";
    };
    return "TlsTrust[" + what + (checkRevocation ? ", revocation checked" : "") + "]";
  }
}
