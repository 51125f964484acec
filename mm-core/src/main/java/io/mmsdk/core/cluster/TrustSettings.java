package io.mmsdk.core.cluster;

import io.mmsdk.core.cluster.InvalidClusterException.Problem;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.util.Objects;
import java.util.Optional;

/**
 * How the SDK decides whether to trust a Call Bridge's TLS certificate: the JVM's default trust
 * store, or a PEM certificate chain (given as text or as a file) that must include the CA that
 * signed the web admin certificate up to the root; whether the host name must match the
 * certificate (SAN); whether to check CRLs; or, for labs only, no verification at all.
 *
 * <p>Immutable. Maps onto the cms-api-client TLS trust type when a client is built.
 */
public final class TrustSettings {
  private static final TrustSettings SYSTEM = builder().build();

  private final String pemChain;
  private final Path pemFile;
  private final boolean verifyHostname;
  private final boolean checkRevocation;
  private final boolean insecure;

  private TrustSettings(Builder b) {
    this.pemChain = b.pemChain;
    this.pemFile = b.pemFile;
    this.verifyHostname = b.verifyHostname;
    this.checkRevocation = b.checkRevocation;
    this.insecure = b.insecure;
  }

  /** {@return settings that trust the JVM's default CAs and verify host names} */
  public static TrustSettings systemDefaults() {
    return SYSTEM;
  }

  /**
   * {@return settings that trust only the given PEM chain and verify host names}
   *
   * @param pemChain one or more PEM certificates, CA certificates up to the root
   */
  public static TrustSettings pem(String pemChain) {
    return builder().pemChain(pemChain).build();
  }

  /**
   * {@return settings that accept any certificate and any host name} For lab set-ups only: anyone
   * on
   * the path can read and change the traffic, including the API password.
   */
  public static TrustSettings insecureForLabOnly() {
    return builder().insecureForLabOnly(true).build();
  }

  /** {@return a new builder with system defaults} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return a builder holding these settings} */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.pemChain = pemChain;
    b.pemFile = pemFile;
    b.verifyHostname = verifyHostname;
    b.checkRevocation = checkRevocation;
    b.insecure = insecure;
    return b;
  }

  /** {@return the PEM certificate chain text, if trust was given as text} */
  public Optional<String> findPemChain() {
    return Optional.ofNullable(pemChain);
  }

  /** {@return the PEM file path, if trust was given as a file} */
  public Optional<Path> findPemFile() {
    return Optional.ofNullable(pemFile);
  }

  /** {@return true when a custom certificate chain (text or file) is used} */
  public boolean usesCertificateChain() {
    return pemChain != null || pemFile != null;
  }

  /** {@return true when the server host name must match the certificate's SAN} */
  public boolean verifyHostname() {
    return verifyHostname;
  }

  /** {@return true when certificates must be checked against CRLs} */
  public boolean checkRevocation() {
    return checkRevocation;
  }

  /** {@return true when no verification at all is done (lab use only)} */
  public boolean isInsecure() {
    return insecure;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TrustSettings t
        && Objects.equals(pemChain, t.pemChain)
        && Objects.equals(pemFile, t.pemFile)
        && verifyHostname == t.verifyHostname
        && checkRevocation == t.checkRevocation
        && insecure == t.insecure;
  }

  @Override
  public int hashCode() {
    return Objects.hash(pemChain, pemFile, verifyHostname, checkRevocation, insecure);
  }

  @Override
  public String toString() {
    if (insecure) {
      return "TrustSettings[INSECURE, lab only]";
    }
    String source = pemChain != null ? "pem text" : pemFile != null ? "pem file " + pemFile : "system CAs";
    return "TrustSettings[" + source + ", verifyHostname=" + verifyHostname + ", checkRevocation=" + checkRevocation + "]";
  }

  /** Builds {@link TrustSettings}; {@link #build()} rejects contradictory combinations. */
  public static final class Builder {
    private String pemChain;
    private Path pemFile;
    private boolean verifyHostname = true;
    private boolean checkRevocation;
    private boolean insecure;

    private Builder() {}

    /**
     * Trusts only this PEM chain (CA certificates up to the root). Clears any PEM file.
     *
     * @param pemChain one or more PEM certificates, CA certificates up to the root
     * @return this builder
     */
    public Builder pemChain(String pemChain) {
      Objects.requireNonNull(pemChain, "pemChain == null");
      if (!pemChain.contains("-----BEGIN CERTIFICATE-----")) {
        throw new InvalidClusterException(
            Problem.BAD_CERTIFICATE,
            "pemChain has no '-----BEGIN CERTIFICATE-----' block; paste the PEM-encoded CA chain.");
      }
      try {
        if (CertificateFactory.getInstance("X.509")
            .generateCertificates(new ByteArrayInputStream(pemChain.getBytes(StandardCharsets.US_ASCII))).isEmpty()) {
          throw new CertificateException("no certificate found");
        }
      } catch (CertificateException e) {
        throw new InvalidClusterException(
            Problem.BAD_CERTIFICATE,
            "pemChain could not be read as X.509 certificates (" + e.getMessage() + "); paste the PEM-encoded CA chain.");
      }
      this.pemChain = pemChain;
      this.pemFile = null;
      return this;
    }

    /**
     * Trusts only the PEM chain in this file, read when a client is built. Clears any PEM text.
     *
     * @param pemFile a file holding the PEM chain
     * @return this builder
     */
    public Builder pemFile(Path pemFile) {
      this.pemFile = Objects.requireNonNull(pemFile, "pemFile == null");
      this.pemChain = null;
      return this;
    }

    /**
     * Sets whether the host name must match the certificate (default true).
     *
     * @param verifyHostname whether the host name must match the certificate (default true)
     * @return this builder
     */
    public Builder verifyHostname(boolean verifyHostname) {
      this.verifyHostname = verifyHostname;
      return this;
    }

    /**
     * Sets whether to check CRLs (default false; needs a certificate chain).
     *
     * @param checkRevocation whether to check CRLs (default false; needs a certificate chain)
     * @return this builder
     */
    public Builder checkRevocation(boolean checkRevocation) {
      this.checkRevocation = checkRevocation;
      return this;
    }

    /**
     * Turns off all verification. Lab use only.
     *
     * @param insecure true to accept any certificate and any host name
     * @return this builder
     */
    public Builder insecureForLabOnly(boolean insecure) {
      this.insecure = insecure;
      return this;
    }

    /**
     * Validates and builds the settings.
     *
     * @return the settings
     * @throws InvalidClusterException if the settings contradict each other or a PEM chain is
     *     invalid
     */
    public TrustSettings build() {
      if (insecure && (pemChain != null || pemFile != null || checkRevocation)) {
        throw new InvalidClusterException(
            Problem.CONFLICTING_SETTINGS,
            "Insecure (lab-only) trust cannot be combined with a certificate chain or CRL checks; choose one.");
      }
      if (checkRevocation && pemChain == null && pemFile == null) {
        throw new InvalidClusterException(
            Problem.CONFLICTING_SETTINGS,
            "CRL checks need a trusted certificate chain; set pemChain(...) or pemFile(...) first.");
      }
      return new TrustSettings(this);
    }
  }
}
