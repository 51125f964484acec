package io.mmsdk.common.tls;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads and writes the PEM forms of certificates and PKCS #8 private keys. */
final class Pem {
  private static final String BEGIN_CERTIFICATE = "-----BEGIN CERTIFICATE-----";
  private static final Pattern PRIVATE_KEY =
      Pattern.compile("-----BEGIN PRIVATE KEY-----([A-Za-z0-9+/=\\s]+)-----END PRIVATE KEY-----");

  private Pem() {}

  /**
   * Parses one or more certificates.
   *
   * @throws IllegalArgumentException if {@code pem} holds no readable certificate; the message
   *     starts with {@code what}
   */
  static List<X509Certificate> certificates(String pem, String what) {
    if (!pem.contains(BEGIN_CERTIFICATE)) {
      throw new IllegalArgumentException(what + " holds no " + BEGIN_CERTIFICATE
          + " block; expected one or more PEM certificates (a CA chain or the server's self-signed certificate)");
    }
    try {
      List<X509Certificate> certs = CertificateFactory.getInstance("X.509")
          .generateCertificates(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)))
          .stream().map(X509Certificate.class::cast).toList();
      if (!certs.isEmpty()) {
        return certs;
      }
    } catch (CertificateException e) {
      throw new IllegalArgumentException(what + " could not be read as X.509 certificates (" + e.getMessage()
          + "); expected one or more " + BEGIN_CERTIFICATE + " blocks", e);
    }
    throw new IllegalArgumentException(what + " holds no readable certificate; expected one or more "
        + BEGIN_CERTIFICATE + " blocks");
  }

  /** Reads the certificates in {@code file}, failing with an exception that names the file. */
  static List<X509Certificate> certificates(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new TlsSetupException("Could not read the trusted certificates file " + file + " (" + e
          + "); check the path and that this process may read it.", file, e);
    }
    try {
      return certificates(text, "The trusted certificates file " + file);
    } catch (IllegalArgumentException e) {
      throw new TlsSetupException(e.getMessage() + ".", file, e);
    }
  }

  /** Writes {@code certificates} as PEM blocks. */
  static String encode(List<X509Certificate> certificates) {
    Base64.Encoder base64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII));
    StringBuilder out = new StringBuilder();
    for (X509Certificate c : certificates) {
      try {
        out.append(BEGIN_CERTIFICATE).append('\n').append(base64.encodeToString(c.getEncoded()))
            .append("\n-----END CERTIFICATE-----\n");
      } catch (CertificateEncodingException e) {
        throw new IllegalStateException("a parsed certificate could not be encoded again: " + e.getMessage(), e);
      }
    }
    return out.toString();
  }

  /**
   * Parses an unencrypted PKCS #8 private key ({@code -----BEGIN PRIVATE KEY-----}) of an RSA, EC
   * or EdDSA key.
   *
   * @throws IllegalArgumentException if {@code pem} holds no such key
   */
  static PrivateKey privateKey(String pem) {
    Matcher m = PRIVATE_KEY.matcher(pem);
    if (!m.find()) {
      throw new IllegalArgumentException("the private key holds no -----BEGIN PRIVATE KEY----- block; give an "
          + "unencrypted PKCS #8 key (convert others with: openssl pkcs8 -topk8 -nocrypt -in key.pem)");
    }
    byte[] der;
    try {
      der = Base64.getMimeDecoder().decode(m.group(1));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("the private key's PEM block is not valid base64", e);
    }
    for (String algorithm : List.of("RSA", "EC", "EdDSA")) {
      try {
        return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
      } catch (GeneralSecurityException e) {
        // Not a key of this algorithm; try the next one.
      }
    }
    throw new IllegalArgumentException("the private key is not an RSA, EC or EdDSA PKCS #8 key");
  }
}
