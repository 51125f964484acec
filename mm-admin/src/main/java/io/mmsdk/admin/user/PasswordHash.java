package io.mmsdk.admin.user;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * A salted password hash: PBKDF2-HMAC-SHA256 from the JDK, a 16-byte random salt per hash, a
 * 32-byte result, and the iteration count stored with it (so the cost can be raised later without
 * breaking old hashes). {@link #toString()} never shows the hash or salt.
 */
public final class PasswordHash {
  /** The default iteration count (OWASP's 2023 recommendation for PBKDF2-HMAC-SHA256). */
  public static final int DEFAULT_ITERATIONS = 600_000;
  /** The lowest iteration count accepted (only meant for tests). */
  public static final int MIN_ITERATIONS = 10_000;

  private static final String PREFIX = "pbkdf2-sha256";
  private final int iterations;
  private final byte[] salt;
  private final byte[] hash;

  private PasswordHash(int iterations, byte[] salt, byte[] hash) {
    this.iterations = iterations;
    this.salt = salt;
    this.hash = hash;
  }

  /**
   * Hashes {@code password} with a fresh salt from {@code random}.
   *
   * @param password the password to hash; never stored or logged
   * @param iterations PBKDF2 iterations, at least {@link #MIN_ITERATIONS}
   * @param random the source of the 16-byte salt
   * @return the hash, salt and iteration count
   * @throws IllegalArgumentException if {@code iterations} is below {@link #MIN_ITERATIONS}
   */
  public static PasswordHash create(String password, int iterations, SecureRandom random) {
    Objects.requireNonNull(password, "password == null");
    Objects.requireNonNull(random, "random == null");
    if (iterations < MIN_ITERATIONS) {
      throw new IllegalArgumentException("iterations " + iterations + " is below the minimum " + MIN_ITERATIONS);
    }
    byte[] salt = new byte[16];
    random.nextBytes(salt);
    return new PasswordHash(iterations, salt, derive(password, salt, iterations));
  }

  /**
   * Parses the stored form written by {@link #encoded()}.
   *
   * @param encoded the text {@link #encoded()} wrote
   * @return the hash
   * @throws UserException if the text is damaged
   */
  public static PasswordHash parse(String encoded) {
    Objects.requireNonNull(encoded, "encoded == null");
    String[] parts = encoded.split("\\$");
    try {
      if (parts.length != 4 || !parts[0].equals(PREFIX)) {
        throw new IllegalArgumentException("expected " + PREFIX + "$iterations$salt$hash");
      }
      int it = Integer.parseInt(parts[1]);
      return new PasswordHash(it, Base64.getDecoder().decode(parts[2]), Base64.getDecoder().decode(parts[3]));
    } catch (IllegalArgumentException e) {
      throw new UserException("A stored password hash is damaged (" + e.getMessage() + "); reset that user's password.", e);
    }
  }

  /**
   * {@return true when {@code password} matches, comparing in constant time}
   *
   * @param password the password to check
   */
  public boolean matches(String password) {
    Objects.requireNonNull(password, "password == null");
    return MessageDigest.isEqual(hash, derive(password, salt, iterations));
  }

  /** {@return the iteration count used} */
  public int iterations() {
    return iterations;
  }

  /**
   * {@return the storable form {@code pbkdf2-sha256$iterations$salt$hash} (Base64)} Keep it secret.
   */
  public String encoded() {
    Base64.Encoder b = Base64.getEncoder();
    return PREFIX + "$" + iterations + "$" + b.encodeToString(salt) + "$" + b.encodeToString(hash);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PasswordHash p && iterations == p.iterations && Arrays.equals(salt, p.salt) && Arrays.equals(hash, p.hash);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(salt) + Arrays.hashCode(hash);
  }

  /** Shows the algorithm and cost only. */
  @Override
  public String toString() {
    return "PasswordHash[" + PREFIX + ", iterations=" + iterations + "]";
  }

  static byte[] derive(String password, byte[] salt, int iterations) {
    char[] chars = password.toCharArray();
    PBEKeySpec spec = new PBEKeySpec(chars, salt, iterations, 256);
    try {
      return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("PBKDF2WithHmacSHA256 is not available in this JVM", e);
    } finally {
      spec.clearPassword();
      Arrays.fill(chars, '\0');
    }
  }
}
