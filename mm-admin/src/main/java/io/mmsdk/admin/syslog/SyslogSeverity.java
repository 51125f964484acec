package io.mmsdk.admin.syslog;

/** RFC 5424 severities, with their numeric codes. */
public enum SyslogSeverity {
  /** 0: system is unusable. */
  EMERGENCY,
  /** 1: action must be taken immediately. */
  ALERT,
  /** 2: critical conditions. */
  CRITICAL,
  /** 3: error conditions. */
  ERROR,
  /** 4: warning conditions. */
  WARNING,
  /** 5: normal but significant condition. */
  NOTICE,
  /** 6: informational messages. */
  INFORMATIONAL,
  /** 7: debug-level messages. */
  DEBUG;

  /** {@return the RFC 5424 numeric code} */
  public int code() {
    return ordinal();
  }
}
