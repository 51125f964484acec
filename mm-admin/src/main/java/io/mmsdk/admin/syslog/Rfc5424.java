package io.mmsdk.admin.syslog;

import io.mmsdk.admin.audit.AuditEvent;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Formats RFC 5424 messages. */
final class Rfc5424 {
  /** Facility 1, user-level messages: system log lines. */
  static final int FACILITY_USER = 1;
  /** Facility 13, log audit: audit trail lines. */
  static final int FACILITY_AUDIT = 13;
  /** Enterprise number from RFC 5612's documentation range, used for our SD-ID. */
  static final String SD_ID = "audit@32473";

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSXXX").withZone(ZoneOffset.UTC);
  private static final String BOM = "\uFEFF";

  private Rfc5424() {}

  static String format(
      int facility, SyslogSeverity severity, Instant at, String hostname, String appName,
      String msgId, String structuredData, String msg) {
    int pri = facility * 8 + severity.code();
    return "<" + pri + ">1 " + TIME.format(at) + " " + hostname + " " + appName + " - " + token(msgId, 32)
        + " " + structuredData + (msg.isEmpty() ? "" : " " + BOM + msg);
  }

  static String audit(AuditEvent e, String hostname, String appName) {
    String sd = "[" + SD_ID + " seq=\"" + e.sequence() + "\" actor=\"" + sdValue(e.actor()) + "\" action=\""
        + sdValue(e.action()) + "\" target=\"" + sdValue(e.target()) + "\"]";
    String msg = e.actor() + " " + e.action() + " " + e.target() + (e.detail().isEmpty() ? "" : ": " + e.detail());
    return format(FACILITY_AUDIT, SyslogSeverity.NOTICE, e.at(), hostname, appName, "AUDIT", sd, msg);
  }

  static String sdValue(String s) {
    return s.replace("\\", "\\\\").replace("\"", "\\\"").replace("]", "\\]");
  }

  private static String token(String s, int max) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < s.length() && sb.length() < max; i++) {
      char c = s.charAt(i);
      sb.append(c >= 33 && c <= 126 ? c : '_');
    }
    return sb.length() == 0 ? "-" : sb.toString();
  }
}
