package io.mmsdk.licensing;

import java.util.Objects;

/**
 * The enforcement state of one feature on one cluster.
 *
 * @param level the level
 * @param daysRemaining whole days (rounded up) until the next level for {@code
 *     ALARM_1_ENFORCEMENT_PENDING}, {@code ALARM_2_ENFORCEMENT_ACTIVE} and {@code
 *     AVAILABLE_COUNTDOWN}; 0 otherwise
 */
public record Enforcement(EnforcementLevel level, long daysRemaining) {
  /** No warning. */
  public static final Enforcement NONE = new Enforcement(EnforcementLevel.NONE, 0);

  /**
   * Checks the arguments.
   *
   * @param level the level
   * @param daysRemaining whole days (rounded up) until the next level for {@code ALARM_1_ENFORCEMENT_PENDING}, {@code ALARM_2_ENFORCEMENT_ACTIVE} and {@code AVAILABLE_COUNTDOWN}; 0 otherwise
   */
  public Enforcement {
    Objects.requireNonNull(level, "level == null");
    if (daysRemaining < 0) {
      throw new IllegalArgumentException("daysRemaining must be >= 0; got " + daysRemaining);
    }
  }

  /** {@return the warning text of section 19.3, or an empty string for {@code NONE}} */
  public String message() {
    switch (level) {
      case ALARM_1_ENFORCEMENT_PENDING:
        return "Enforcement in " + daysRemaining + " days";
      case ALARM_2_ENFORCEMENT_ACTIVE:
        return "Enforcement active, high enforcement in " + daysRemaining + " days";
      case ALARM_3_HIGH_ENFORCEMENT:
        return "High enforcement active";
      case AVAILABLE_COUNTDOWN:
        return "Available for " + daysRemaining + " more days";
      case NOT_AVAILABLE:
        return "Not available";
      default:
        return "";
    }
  }
}
