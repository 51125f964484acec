package io.mmsdk.admin.user;

import java.util.Objects;

/**
 * Security policies for local users. Minimum length and reuse restriction are off until enabled,
 * and
 * apply only when users change their own password (not when an administrator sets one). The
 * passphrase generator, when enabled and given a dictionary, suggests passphrases of 1–8 words
 * (default 5).
 */
public final class PasswordPolicy {
  /** Default minimum length when the length policy is enabled. */
  public static final int DEFAULT_MINIMUM_LENGTH = 8;
  /** Default number of words in a suggested passphrase. */
  public static final int DEFAULT_PASSPHRASE_WORDS = 5;
  /** The most recent passwords kept per user (and so the largest reuse window). */
  public static final int MAX_REMEMBERED = 24;

  private static final PasswordPolicy DEFAULTS = builder().build();

  private final boolean minimumLengthEnforced;
  private final int minimumLength;
  private final boolean reuseRestricted;
  private final int rememberedPasswords;
  private final boolean passphraseGenerator;
  private final int passphraseWords;

  private PasswordPolicy(Builder b) {
    this.minimumLengthEnforced = b.minimumLengthEnforced;
    this.minimumLength = b.minimumLength;
    this.reuseRestricted = b.reuseRestricted;
    this.rememberedPasswords = b.rememberedPasswords;
    this.passphraseGenerator = b.passphraseGenerator;
    this.passphraseWords = b.passphraseWords;
  }

  /** {@return the defaults: nothing enforced, generator off} */
  public static PasswordPolicy defaults() {
    return DEFAULTS;
  }

  /** {@return a builder with the defaults} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return a builder holding this policy} */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.minimumLengthEnforced = minimumLengthEnforced;
    b.minimumLength = minimumLength;
    b.reuseRestricted = reuseRestricted;
    b.rememberedPasswords = rememberedPasswords;
    b.passphraseGenerator = passphraseGenerator;
    b.passphraseWords = passphraseWords;
    return b;
  }

  /** {@return true when a minimum length is enforced} */
  public boolean minimumLengthEnforced() {
    return minimumLengthEnforced;
  }

  /** {@return the minimum length in characters (code points) when enforced} */
  public int minimumLength() {
    return minimumLength;
  }

  /** {@return true when password reuse is restricted} */
  public boolean reuseRestricted() {
    return reuseRestricted;
  }

  /** {@return how many previous passwords (besides the current one) may not be reused} */
  public int rememberedPasswords() {
    return rememberedPasswords;
  }

  /** {@return true when the passphrase generator is enabled} */
  public boolean passphraseGenerator() {
    return passphraseGenerator;
  }

  /** {@return the number of words in a suggested passphrase (1–8)} */
  public int passphraseWords() {
    return passphraseWords;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PasswordPolicy p && minimumLengthEnforced == p.minimumLengthEnforced && minimumLength == p.minimumLength
        && reuseRestricted == p.reuseRestricted && rememberedPasswords == p.rememberedPasswords
        && passphraseGenerator == p.passphraseGenerator && passphraseWords == p.passphraseWords;
  }

  @Override
  public int hashCode() {
    return Objects.hash(minimumLengthEnforced, minimumLength, reuseRestricted, rememberedPasswords, passphraseGenerator, passphraseWords);
  }

  @Override
  public String toString() {
    return "PasswordPolicy[minimumLength=" + (minimumLengthEnforced ? minimumLength : "off")
        + ", reuse=" + (reuseRestricted ? "last " + rememberedPasswords : "off")
        + ", passphrase=" + (passphraseGenerator ? passphraseWords + " words" : "off") + "]";
  }

  /** Builds a {@link PasswordPolicy}. */
  public static final class Builder {
    private boolean minimumLengthEnforced;
    private int minimumLength = DEFAULT_MINIMUM_LENGTH;
    private boolean reuseRestricted;
    private int rememberedPasswords;
    private boolean passphraseGenerator;
    private int passphraseWords = DEFAULT_PASSPHRASE_WORDS;

    private Builder() {}

    /**
     * Enforces a minimum length of {@code length} characters (1–256; 8 is the usual default).
     *
     * @param length the shortest password accepted, 1 to 256
     * @return this builder
     * @throws IllegalArgumentException if {@code length} is not 1..256
     */
    public Builder enforceMinimumLength(int length) {
      if (length < 1 || length > 256) {
        throw new IllegalArgumentException("minimum password length " + length + " must be 1-256");
      }
      this.minimumLengthEnforced = true;
      this.minimumLength = length;
      return this;
    }

    /**
     * Stops enforcing a minimum length.
     *
     * @return this builder
     */
    public Builder disableMinimumLength() {
      this.minimumLengthEnforced = false;
      return this;
    }

    /**
     * Forbids reusing the current password and the {@code previous} ones before it (1–24).
     *
     * @param previous how many earlier passwords are remembered, 1 to 24
     * @return this builder
     * @throws IllegalArgumentException if {@code previous} is not 1..24
     */
    public Builder restrictReuse(int previous) {
      if (previous < 1 || previous > MAX_REMEMBERED) {
        throw new IllegalArgumentException("remembered passwords " + previous + " must be 1-" + MAX_REMEMBERED);
      }
      this.reuseRestricted = true;
      this.rememberedPasswords = previous;
      return this;
    }

    /**
     * Allows reusing passwords again.
     *
     * @return this builder
     */
    public Builder disableReuseRestriction() {
      this.reuseRestricted = false;
      this.rememberedPasswords = 0;
      return this;
    }

    /**
     * Enables the passphrase generator with {@code words} words (1–8, default 5).
     *
     * @param words how many words a generated passphrase has, 1 to 8
     * @return this builder
     * @throws IllegalArgumentException if {@code words} is not 1..8
     */
    public Builder passphraseGenerator(int words) {
      if (words < 1 || words > 8) {
        throw new IllegalArgumentException("passphrase word count " + words + " must be 1-8 (default 5)");
      }
      this.passphraseGenerator = true;
      this.passphraseWords = words;
      return this;
    }

    /**
     * Disables the passphrase generator.
     *
     * @return this builder
     */
    public Builder disablePassphraseGenerator() {
      this.passphraseGenerator = false;
      return this;
    }

    /**
     * Builds the policy.
     *
     * @return the policy
     */
    public PasswordPolicy build() {
      return new PasswordPolicy(this);
    }
  }
}
