package io.mmsdk.blastdial;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * Blast dial configuration of one space: on/off, retries, the minimum time after a failed attempt
 * and the global audio prompt mode. Immutable; create with {@link #builder()}.
 */
public final class BlastDialConfig {
  /** Minimum time after a failed attempt unless configured otherwise: 180 seconds. */
  public static final Duration DEFAULT_RETRY_DELAY = Duration.ofSeconds(180);
  /** Number of retries unless configured otherwise: 3 (so at most 4 attempts per contact). */
  public static final int DEFAULT_RETRIES = 3;
  /** Largest accepted number of retries. */
  public static final int MAX_RETRIES = 100;

  private static final BlastDialConfig DISABLED = builder().build();

  private final boolean enabled;
  private final int retries;
  private final Duration retryDelay;
  private final AudioPromptMode audioPrompt;

  private BlastDialConfig(Builder b) {
    this.enabled = b.enabled;
    this.retries = b.retries;
    this.retryDelay = b.retryDelay;
    this.audioPrompt = b.audioPrompt;
  }

  /** {@return a builder with blast dial off, 3 retries, 180 s retry delay, per-contact prompt} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return the configuration of a space nobody has configured: off, with the defaults} */
  public static BlastDialConfig disabled() {
    return DISABLED;
  }

  /** {@return a builder initialised from this configuration} */
  public Builder toBuilder() {
    return new Builder()
        .enabled(enabled)
        .retries(retries)
        .retryDelay(retryDelay)
        .audioPrompt(audioPrompt);
  }

  /** {@return whether blast dial is on for the space} */
  public boolean isEnabled() {
    return enabled;
  }

  /**
   * {@return how many times a contact is dialed again after a failed attempt (busy, no answer,
   * failure); a contact is dialed at most {@code retries() + 1} times per meeting}
   */
  public int retries() {
    return retries;
  }

  /** {@return the minimum time between a failed attempt and the next one} */
  public Duration retryDelay() {
    return retryDelay;
  }

  /** {@return the global audio prompt mode, which overrides each contact's setting} */
  public AudioPromptMode audioPrompt() {
    return audioPrompt;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof BlastDialConfig c
        && enabled == c.enabled
        && retries == c.retries
        && retryDelay.equals(c.retryDelay)
        && audioPrompt == c.audioPrompt;
  }

  @Override
  public int hashCode() {
    return java.util.Objects.hash(enabled, retries, retryDelay, audioPrompt);
  }

  @Override
  public String toString() {
    return "BlastDialConfig{enabled=" + enabled + ", retries=" + retries + ", retryDelay="
        + retryDelay + ", audioPrompt=" + audioPrompt + "}";
  }

  /** Builds a {@link BlastDialConfig}. Not thread-safe. */
  public static final class Builder {
    private boolean enabled;
    private int retries = DEFAULT_RETRIES;
    private Duration retryDelay = DEFAULT_RETRY_DELAY;
    private AudioPromptMode audioPrompt = AudioPromptMode.PER_CONTACT;

    private Builder() {}

    /**
     * Turns blast dial on or off for the space.
     *
     * @param enabled true to dial the contacts when the space's meeting starts
     * @return this builder
     */
    public Builder enabled(boolean enabled) {
      this.enabled = enabled;
      return this;
    }

    /**
     * Sets the number of retries, 0 to {@value BlastDialConfig#MAX_RETRIES}.
     *
     * @param retries the number of retries, 0 to {@value BlastDialConfig#MAX_RETRIES}
     * @return this builder
     */
    public Builder retries(int retries) {
      if (retries < 0 || retries > MAX_RETRIES) {
        throw new IllegalArgumentException(
            "retries must be between 0 and " + MAX_RETRIES + ", was " + retries);
      }
      this.retries = retries;
      return this;
    }

    /**
     * Sets the minimum time after a failed attempt; must be at least one second.
     *
     * @param retryDelay the minimum time after a failed attempt; must be at least one second
     * @return this builder
     */
    public Builder retryDelay(Duration retryDelay) {
      requireNonNull(retryDelay, "retryDelay == null");
      if (retryDelay.compareTo(Duration.ofSeconds(1)) < 0) {
        throw new IllegalArgumentException(
            "retryDelay must be at least 1 second, was " + retryDelay);
      }
      this.retryDelay = retryDelay;
      return this;
    }

    /**
     * Sets the global audio prompt mode.
     *
     * @param audioPrompt the global audio prompt mode
     * @return this builder
     */
    public Builder audioPrompt(AudioPromptMode audioPrompt) {
      this.audioPrompt = requireNonNull(audioPrompt, "audioPrompt == null");
      return this;
    }

    /** {@return the configuration} */
    public BlastDialConfig build() {
      return new BlastDialConfig(this);
    }
  }
}
