package io.mmsdk.admin.syslog;

/** How log lines reach a syslog server. */
public enum SyslogTransport {
  /** One datagram per message (RFC 5426); default port 514. Messages may be lost. */
  UDP(514),
  /** A TCP stream with octet-counted frames (RFC 6587); default port 514. */
  TCP(514),
  /** TLS over TCP with octet-counted frames (RFC 5425); default port 6514. */
  TLS(6514);

  private final int defaultPort;

  SyslogTransport(int defaultPort) {
    this.defaultPort = defaultPort;
  }

  /** {@return the port used when none is given} */
  public int defaultPort() {
    return defaultPort;
  }
}
