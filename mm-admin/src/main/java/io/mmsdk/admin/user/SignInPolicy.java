package io.mmsdk.admin.user;

import java.time.Duration;
import java.util.Objects;

/**
 * Sign-in and session settings: per-user rate limiting (a token bucket: each failed attempt costs
 * a token, one token comes back every refill interval; with no tokens left every attempt is refused
 * with the same message, even with correct credentials), idle session timeout (60 s – 24 h), the
 * absolute 24-hour session limit, and messages shown around sign-in.
 */
public final class SignInPolicy {
  /** Default bucket size. */
  public static final int DEFAULT_TOKENS = 3;
  /** Default interval after which one token is returned. */
  public static final Duration DEFAULT_REFILL = Duration.ofSeconds(300);
  /** Default idle timeout. */
  public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(3600);
  /** Shortest idle timeout allowed. */
  public static final Duration MIN_IDLE_TIMEOUT = Duration.ofSeconds(60);
  /** Longest idle timeout allowed. */
  public static final Duration MAX_IDLE_TIMEOUT = Duration.ofSeconds(86400);
  /** Sessions end this long after sign-in whether active or not. */
  public static final Duration ABSOLUTE_TIMEOUT = Duration.ofHours(24);

  private static final SignInPolicy DEFAULTS = builder().build();

  private final boolean rateLimited;
  private final int tokens;
  private final Duration refill;
  private final boolean idleTimeoutEnabled;
  private final Duration idleTimeout;
  private final String preSignInMessage;
  private final String postSignInMessage;
  private final boolean showAccountActivity;

  private SignInPolicy(Builder b) {
    this.rateLimited = b.rateLimited;
    this.tokens = b.tokens;
    this.refill = b.refill;
    this.idleTimeoutEnabled = b.idleTimeoutEnabled;
    this.idleTimeout = b.idleTimeout;
    this.preSignInMessage = b.preSignInMessage;
    this.postSignInMessage = b.postSignInMessage;
    this.showAccountActivity = b.showAccountActivity;
  }

  /**
   * {@return the defaults: rate limiting on (3 tokens, one back every 300 s), idle timeout 3600 s,
   * no messages}
   */
  public static SignInPolicy defaults() {
    return DEFAULTS;
  }

  /** {@return a builder with the defaults} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return a builder holding this policy} */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.rateLimited = rateLimited;
    b.tokens = tokens;
    b.refill = refill;
    b.idleTimeoutEnabled = idleTimeoutEnabled;
    b.idleTimeout = idleTimeout;
    b.preSignInMessage = preSignInMessage;
    b.postSignInMessage = postSignInMessage;
    b.showAccountActivity = showAccountActivity;
    return b;
  }

  /** {@return true when sign-in attempts are rate limited} */
  public boolean rateLimited() {
    return rateLimited;
  }

  /** {@return the bucket size (attempts allowed in a burst)} */
  public int tokens() {
    return tokens;
  }

  /** {@return the interval after which one token is returned} */
  public Duration refill() {
    return refill;
  }

  /** {@return true when idle sessions are signed out} */
  public boolean idleTimeoutEnabled() {
    return idleTimeoutEnabled;
  }

  /** {@return the idle timeout} */
  public Duration idleTimeout() {
    return idleTimeout;
  }

  /** {@return the message shown before sign-in ({@code ""} for none)} */
  public String preSignInMessage() {
    return preSignInMessage;
  }

  /** {@return the message shown after sign-in ({@code ""} for none)} */
  public String postSignInMessage() {
    return postSignInMessage;
  }

  /** {@return true when account activity is shown after sign-in} */
  public boolean showAccountActivity() {
    return showAccountActivity;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SignInPolicy p && rateLimited == p.rateLimited && tokens == p.tokens && refill.equals(p.refill)
        && idleTimeoutEnabled == p.idleTimeoutEnabled && idleTimeout.equals(p.idleTimeout)
        && preSignInMessage.equals(p.preSignInMessage) && postSignInMessage.equals(p.postSignInMessage)
        && showAccountActivity == p.showAccountActivity;
  }

  @Override
  public int hashCode() {
    return Objects.hash(rateLimited, tokens, refill, idleTimeoutEnabled, idleTimeout, preSignInMessage, postSignInMessage, showAccountActivity);
  }

  @Override
  public String toString() {
    return "SignInPolicy[rateLimit=" + (rateLimited ? tokens + " tokens/" + refill.toSeconds() + "s" : "off")
        + ", idleTimeout=" + (idleTimeoutEnabled ? idleTimeout.toSeconds() + "s" : "off") + "]";
  }

  /** Builds a {@link SignInPolicy}. */
  public static final class Builder {
    private boolean rateLimited = true;
    private int tokens = DEFAULT_TOKENS;
    private Duration refill = DEFAULT_REFILL;
    private boolean idleTimeoutEnabled = true;
    private Duration idleTimeout = DEFAULT_IDLE_TIMEOUT;
    private String preSignInMessage = "";
    private String postSignInMessage = "";
    private boolean showAccountActivity;

    private Builder() {}

    /**
     * Rate limits sign-in: a bucket of {@code tokens} (≥ 1), one token back every {@code refill} (≥
     * 1 s).
     *
     * @param tokens how many failed attempts are allowed in a burst, 1 or more
     * @param refill how long until one more attempt is allowed, at least 1 s
     * @return this builder
     * @throws IllegalArgumentException if {@code tokens} is below 1 or {@code refill} under 1 s
     */
    public Builder rateLimit(int tokens, Duration refill) {
      Objects.requireNonNull(refill, "refill == null");
      if (tokens < 1) {
        throw new IllegalArgumentException("tokens " + tokens + " must be >= 1 (default 3)");
      }
      if (refill.compareTo(Duration.ofSeconds(1)) < 0) {
        throw new IllegalArgumentException("refill " + refill + " must be at least 1 second (default 300 s)");
      }
      this.rateLimited = true;
      this.tokens = tokens;
      this.refill = refill;
      return this;
    }

    /**
     * Turns rate limiting off.
     *
     * @return this builder
     */
    public Builder disableRateLimit() {
      this.rateLimited = false;
      return this;
    }

    /**
     * Signs out users idle for {@code timeout} (60 s – 86400 s).
     *
     * @param timeout the idle time after which a session ends, 60 s to 86,400 s
     * @return this builder
     * @throws IllegalArgumentException if {@code timeout} is outside 60 s to 86,400 s
     */
    public Builder idleTimeout(Duration timeout) {
      Objects.requireNonNull(timeout, "timeout == null");
      if (timeout.compareTo(MIN_IDLE_TIMEOUT) < 0 || timeout.compareTo(MAX_IDLE_TIMEOUT) > 0) {
        throw new IllegalArgumentException(
            "idle timeout " + timeout.toSeconds() + " s is outside 60-86400 s (default 3600 s)");
      }
      this.idleTimeoutEnabled = true;
      this.idleTimeout = timeout;
      return this;
    }

    /**
     * Turns the idle timeout off (the 24-hour absolute limit still applies).
     *
     * @return this builder
     */
    public Builder disableIdleTimeout() {
      this.idleTimeoutEnabled = false;
      return this;
    }

    /**
     * Sets the message shown before sign-in, e.g. a legal notice ({@code ""} for none).
     *
     * @param message the message shown before sign-in, e.g
     * @return this builder
     */
    public Builder preSignInMessage(String message) {
      this.preSignInMessage = Objects.requireNonNull(message, "message == null");
      return this;
    }

    /**
     * Sets the message shown after sign-in, e.g. planned maintenance ({@code ""} for none).
     *
     * @param message the message shown after sign-in, e.g
     * @return this builder
     */
    public Builder postSignInMessage(String message) {
      this.postSignInMessage = Objects.requireNonNull(message, "message == null");
      return this;
    }

    /**
     * Sets whether account activity is shown after sign-in.
     *
     * @param show whether account activity is shown after sign-in
     * @return this builder
     */
    public Builder showAccountActivity(boolean show) {
      this.showAccountActivity = show;
      return this;
    }

    /**
     * Builds the policy.
     *
     * @return the policy
     */
    public SignInPolicy build() {
      return new SignInPolicy(this);
    }
  }
}
