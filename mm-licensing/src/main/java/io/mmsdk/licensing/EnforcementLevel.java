package io.mmsdk.licensing;

/** The warnings and enforcement levels of section 19.3. */
public enum EnforcementLevel {
  /** No warning. */
  NONE,
  /** Meetings, Alarm 1: "Enforcement in N days". */
  ALARM_1_ENFORCEMENT_PENDING,
  /** Meetings, Alarm 2: "Enforcement active, high enforcement in N days". */
  ALARM_2_ENFORCEMENT_ACTIVE,
  /** Meetings, Alarm 3: "High enforcement active". */
  ALARM_3_HIGH_ENFORCEMENT,
  /** Recording or streaming, customization: "Available for N more days". */
  AVAILABLE_COUNTDOWN,
  /** Recording or streaming, customization: "Not available". */
  NOT_AVAILABLE
}
