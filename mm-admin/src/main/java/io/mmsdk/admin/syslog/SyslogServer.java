package io.mmsdk.admin.syslog;

import java.util.Objects;

/**
 * A syslog server to forward to.
 *
 * @param host DNS name or IP address
 * @param port TCP/UDP port, 1–65535
 * @param transport UDP, TCP or TLS
 */
public record SyslogServer(String host, int port, SyslogTransport transport) {
  /**
   * Validates host and port.
   *
   * @param host DNS name or IP address
   * @param port TCP/UDP port, 1–65535
   * @param transport UDP, TCP or TLS
   */
  public SyslogServer {
    Objects.requireNonNull(host, "host == null");
    Objects.requireNonNull(transport, "transport == null");
    host = host.strip();
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    if (host.isEmpty()) {
      throw new IllegalArgumentException("Syslog server host is blank; enter an address or FQDN.");
    }
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("Syslog server port " + port + " is out of range; use 1-65535 (514, or 6514 for TLS).");
    }
  }

  /**
   * {@return {@code host} with {@code transport}'s default port (514 for UDP/TCP, 6514 for TLS)}
   *
   * @param host DNS name or IP address
   * @param transport UDP, TCP or TLS
   */
  public static SyslogServer of(String host, SyslogTransport transport) {
    Objects.requireNonNull(transport, "transport == null");
    return new SyslogServer(host, transport.defaultPort(), transport);
  }

  /** Returns {@code host:port} (IPv6 in brackets) and the transport. */
  @Override
  public String toString() {
    return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port + "/" + transport;
  }
}
