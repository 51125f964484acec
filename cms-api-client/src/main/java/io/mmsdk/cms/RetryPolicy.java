package io.mmsdk.cms;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * When and how long to wait before retrying a request. Only idempotent requests (GET, PUT, DELETE)
 * are retried, and only after a connection failure, a timeout or HTTP 503; a POST is never retried.
 * The delay before retry {@code n} (1-based) is {@code min(maxBackoff, initialBackoff * 2^(n-1))},
 * reduced by a random fraction of up to {@link #jitter()}. Immutable.
 */
public final class RetryPolicy {
  private static final RetryPolicy NONE = builder().maxAttempts(1).build();
  private static final RetryPolicy DEFAULTS = builder().build();

  private final int maxAttempts;
  private final Duration initialBackoff;
  private final Duration maxBackoff;
  private final double jitter;
  private final BackoffWaiter waiter;

  private RetryPolicy(Builder b) {
    this.maxAttempts = b.maxAttempts;
    this.initialBackoff = b.initialBackoff;
    this.maxBackoff = b.maxBackoff;
    this.jitter = b.jitter;
    this.waiter = b.waiter;
  }

  /** {@return a policy that never retries} */
  public static RetryPolicy none() {
    return NONE;
  }

  /** {@return the default policy: 3 attempts, 200 ms initial backoff, 5 s cap, jitter 0.5} */
  public static RetryPolicy defaults() {
    return DEFAULTS;
  }

  /** {@return a new builder starting from the defaults} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return how many times a request is sent at most, including the first} */
  public int maxAttempts() {
    return maxAttempts;
  }

  /** {@return the delay before the first retry, before jitter} */
  public Duration initialBackoff() {
    return initialBackoff;
  }

  /** {@return the cap on any delay} */
  public Duration maxBackoff() {
    return maxBackoff;
  }

  /** {@return the largest fraction (0 to 1) by which a delay is randomly reduced} */
  public double jitter() {
    return jitter;
  }

  /** {@return the waiter used between attempts} */
  public BackoffWaiter waiter() {
    return waiter;
  }

  /**
   * {@return the delay before retry {@code retry} (1-based) for a random draw {@code random} in
   * [0, 1)}
   *
   * @param retry which retry, 1 for the first
   * @param random a random draw in [0, 1) that spreads the delay (jitter)
   */
  public Duration backoff(int retry, double random) {
    if (retry < 1) {
      throw new IllegalArgumentException("retry is " + retry + "; expected 1 or more");
    }
    long base = initialBackoff.toNanos();
    long cap = maxBackoff.toNanos();
    for (int i = 1; i < retry && base < cap; i++) {
      base = base > cap / 2 ? cap : base * 2;
    }
    base = Math.min(base, cap);
    return Duration.ofNanos((long) (base * (1.0 - jitter * random)));
  }

  @Override
  public String toString() {
    return "RetryPolicy[maxAttempts=" + maxAttempts + ", initialBackoff=" + initialBackoff
        + ", maxBackoff=" + maxBackoff + ", jitter=" + jitter + "]";
  }

  /** Builds a {@link RetryPolicy}. */
  public static final class Builder {
    private int maxAttempts = 3;
    private Duration initialBackoff = Duration.ofMillis(200);
    private Duration maxBackoff = Duration.ofSeconds(5);
    private double jitter = 0.5;
    private BackoffWaiter waiter = BackoffWaiter.blocking();

    private Builder() {}

    /**
     * Sets the total number of attempts, 1 (no retry) or more.
     *
     * @param maxAttempts the total number of attempts, 1 (no retry) or more
     * @return this builder
     */
    public Builder maxAttempts(int maxAttempts) {
      if (maxAttempts < 1) {
        throw new IllegalArgumentException("maxAttempts is " + maxAttempts + "; expected 1 or more");
      }
      this.maxAttempts = maxAttempts;
      return this;
    }

    /**
     * Sets the delay before the first retry (zero or positive).
     *
     * @param initialBackoff the delay before the first retry (zero or positive)
     * @return this builder
     */
    public Builder initialBackoff(Duration initialBackoff) {
      requireNonNull(initialBackoff, "initialBackoff == null");
      if (initialBackoff.isNegative()) {
        throw new IllegalArgumentException("initialBackoff is negative: " + initialBackoff);
      }
      this.initialBackoff = initialBackoff;
      return this;
    }

    /**
     * Sets the cap on any delay (zero or positive).
     *
     * @param maxBackoff the cap on any delay (zero or positive)
     * @return this builder
     */
    public Builder maxBackoff(Duration maxBackoff) {
      requireNonNull(maxBackoff, "maxBackoff == null");
      if (maxBackoff.isNegative()) {
        throw new IllegalArgumentException("maxBackoff is negative: " + maxBackoff);
      }
      this.maxBackoff = maxBackoff;
      return this;
    }

    /**
     * Sets the jitter fraction, from 0 (none) to 1.
     *
     * @param jitter the jitter fraction, from 0 (none) to 1
     * @return this builder
     */
    public Builder jitter(double jitter) {
      if (!(jitter >= 0 && jitter <= 1)) {
        throw new IllegalArgumentException("jitter is " + jitter + "; expected 0 to 1");
      }
      this.jitter = jitter;
      return this;
    }

    /**
     * Sets how to wait between attempts; tests pass a recording waiter that returns at once.
     *
     * @param waiter how to wait between attempts; tests pass a recording waiter that returns at
     *     once
     * @return this builder
     */
    public Builder waiter(BackoffWaiter waiter) {
      this.waiter = requireNonNull(waiter, "waiter == null");
      return this;
    }

    /** {@return the policy} */
    public RetryPolicy build() {
      if (maxBackoff.compareTo(initialBackoff) < 0) {
        throw new IllegalArgumentException(
            "maxBackoff " + maxBackoff + " is smaller than initialBackoff " + initialBackoff);
      }
      return new RetryPolicy(this);
    }
  }
}
