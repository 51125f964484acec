package io.mmsdk.common.tls;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * The private key and certificate chain a TLS server the SDK runs presents to its clients (the CDR
 * HTTPS receiver). The counterpart of {@link TlsTrust}, which says whom a client trusts: a server
 * is who it is, a client decides whom to believe, and only the server's side holds a secret.
 *
 * <p>Immutable and thread-safe. {@link #toString()} names the certificate, never the key.
 */
public final class TlsIdentity {
  // Guards only a key store that never leaves memory, so it is no secret.
  private static final char[] IN_MEMORY_PASSWORD = "in-memory".toCharArray();

  private final PrivateKey privateKey;
  private final List<X509Certificate> chain;

  private TlsIdentity(PrivateKey privateKey, List<X509Certificate> chain) {
    this.privateKey = privateKey;
    this.chain = chain;
  }

  /**
   * Presents {@code chain} (the server's certificate first, then its issuers) with {@code
   * privateKey}.
   *
   * @param privateKey the private key of the first certificate
   * @param chain the server's certificate, then the intermediate CAs; at least one
   * @return the identity
   * @throws IllegalArgumentException if {@code chain} is empty
   */
  public static TlsIdentity of(PrivateKey privateKey, List<X509Certificate> chain) {
    requireNonNull(privateKey, "privateKey == null");
    List<X509Certificate> copy = List.copyOf(requireNonNull(chain, "chain == null"));
    if (copy.isEmpty()) {
      throw new IllegalArgumentException("chain is empty; pass the server's certificate, then its issuers");
    }
    return new TlsIdentity(privateKey, copy);
  }

  /**
   * Presents the PEM certificate chain {@code certificatesPem} (the server's certificate first)
   * with the unencrypted PKCS #8 key {@code privateKeyPem} ({@code -----BEGIN PRIVATE KEY-----}).
   *
   * @param privateKeyPem the private key of the first certificate, PKCS #8 PEM
   * @param certificatesPem the server's certificate, then the intermediate CAs, as PEM
   * @return the identity
   * @throws IllegalArgumentException if either text holds no readable key or certificate
   */
  public static TlsIdentity pem(String privateKeyPem, String certificatesPem) {
    requireNonNull(privateKeyPem, "privateKeyPem == null");
    requireNonNull(certificatesPem, "certificatesPem == null");
    return of(Pem.privateKey(privateKeyPem), Pem.certificates(certificatesPem, "certificatesPem"));
  }

  /**
   * Reads the key and chain of the first key entry in the PKCS #12 file {@code file} (as written by
   * {@code keytool} or {@code openssl pkcs12 -export}).
   *
   * @param file the PKCS #12 key store
   * @param password the password of the store and of its key; not kept
   * @return the identity
   * @throws TlsSetupException naming the file if it is missing, unreadable, has another password
   *     or holds no key entry
   */
  public static TlsIdentity pkcs12(Path file, char[] password) {
    requireNonNull(file, "file == null");
    requireNonNull(password, "password == null");
    try (InputStream in = Files.newInputStream(file)) {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(in, password);
      for (String alias : Collections.list(store.aliases())) {
        if (store.isKeyEntry(alias)) {
          Certificate[] chain = store.getCertificateChain(alias);
          return of((PrivateKey) store.getKey(alias, password),
              Arrays.stream(chain).map(X509Certificate.class::cast).toList());
        }
      }
    } catch (IOException | GeneralSecurityException e) {
      throw new TlsSetupException("Could not read the PKCS #12 key store " + file + " (" + e
          + "); check the path, that this process may read it, and the password.", file, e);
    }
    throw new TlsSetupException("The PKCS #12 key store " + file + " holds no private key entry; export the "
        + "server's key and certificate chain into it.", file, null);
  }

  /** {@return the certificate chain presented, the server's certificate first} */
  public List<X509Certificate> certificateChain() {
    return chain;
  }

  /**
   * {@return a TLS context for a server presenting this identity} Client certificates are not
   * asked for.
   *
   * @throws TlsSetupException if the JVM cannot make a TLS context with this key
   */
  public SSLContext serverContext() {
    try {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      store.setKeyEntry("server", privateKey, IN_MEMORY_PASSWORD, chain.toArray(new Certificate[0]));
      KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      keys.init(store, IN_MEMORY_PASSWORD);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keys.getKeyManagers(), null, null);
      return context;
    } catch (IOException | GeneralSecurityException e) {
      throw new TlsSetupException("Could not set up a TLS server with " + this + " (" + e
          + "); check that the key belongs to the first certificate.", null, e);
    }
  }

  @Override
  public String toString() {
    return "TlsIdentity[" + chain.get(0).getSubjectX500Principal().getName() + ", key hidden]";
  }
}
