package io.mmsdk.blastdial;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * Blast dial monitoring settings of this instance.
 *
 * @param role Primary, Secondary or Off
 * @param secondaryDelay how long a Secondary waits before it checks whether anyone has started
 *     dialing ("Delay (seconds) when Secondary is chosen"); ignored for the other roles
 */
public record MonitoringSettings(MonitoringRole role, Duration secondaryDelay) {
  /** The delay a Secondary waits unless configured otherwise: 30 seconds. */
  public static final Duration DEFAULT_SECONDARY_DELAY = Duration.ofSeconds(30);

  /**
   * Checks the arguments.
   *
   * @param role Primary, Secondary or Off
   * @param secondaryDelay how long a Secondary waits before it checks whether anyone has started
   *     dialing ("Delay (seconds) when Secondary is chosen"); ignored for the other roles
   */
  public MonitoringSettings {
    requireNonNull(role, "role == null");
    requireNonNull(secondaryDelay, "secondaryDelay == null");
    if (secondaryDelay.isNegative()) {
      throw new IllegalArgumentException(
          "secondaryDelay must be zero or positive, was " + secondaryDelay);
    }
  }

  /** {@return Primary settings (the default for a fresh store)} */
  public static MonitoringSettings primary() {
    return new MonitoringSettings(MonitoringRole.PRIMARY, DEFAULT_SECONDARY_DELAY);
  }

  /**
   * {@return Secondary settings that wait {@code delay} before checking}
   *
   * @param delay how long after a meeting starts a Secondary waits before checking whether the
   *     Primary dialled; not negative
   */
  public static MonitoringSettings secondary(Duration delay) {
    return new MonitoringSettings(MonitoringRole.SECONDARY, delay);
  }

  /** {@return settings with monitoring turned off} */
  public static MonitoringSettings off() {
    return new MonitoringSettings(MonitoringRole.OFF, DEFAULT_SECONDARY_DELAY);
  }
}
