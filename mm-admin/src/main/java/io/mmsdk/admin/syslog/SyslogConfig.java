package io.mmsdk.admin.syslog;

import io.mmsdk.common.tls.TlsTrust;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * Where and how to forward log lines. At most {@value #MAX_SERVERS} servers.
 */
public final class SyslogConfig {
  /** The most servers Meeting Management forwards to, and so the most this SDK accepts. */
  public static final int MAX_SERVERS = 5;

  private final List<SyslogServer> servers;
  private final String hostname;
  private final String appName;
  private final TlsTrust tlsTrust;
  private final int queueCapacity;
  private final Duration connectTimeout;

  private SyslogConfig(Builder b) {
    this.servers = List.copyOf(b.servers);
    this.hostname = b.hostname;
    this.appName = b.appName;
    this.tlsTrust = b.tlsTrust;
    this.queueCapacity = b.queueCapacity;
    this.connectTimeout = b.connectTimeout;
  }

  /** {@return a new builder} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return the servers, in the order given} */
  public List<SyslogServer> servers() {
    return servers;
  }

  /** {@return the HOSTNAME field written in each message} */
  public String hostname() {
    return hostname;
  }

  /** {@return the APP-NAME field written in each message} */
  public String appName() {
    return appName;
  }

  /** {@return which certificates TLS servers may present} */
  public TlsTrust tlsTrust() {
    return tlsTrust;
  }

  /** {@return how many messages may wait to be sent before new ones are dropped} */
  public int queueCapacity() {
    return queueCapacity;
  }

  /** {@return how long connecting to a TCP or TLS server, including the TLS handshake, may take} */
  public Duration connectTimeout() {
    return connectTimeout;
  }

  @Override
  public String toString() {
    return "SyslogConfig[servers=" + servers + ", hostname=" + hostname + ", appName=" + appName + ", " + tlsTrust + "]";
  }

  /** Builds a {@link SyslogConfig}. */
  public static final class Builder {
    private final List<SyslogServer> servers = new ArrayList<>();
    private String hostname = "-";
    private String appName = "mm-sdk";
    private TlsTrust tlsTrust = TlsTrust.systemDefault();
    private int queueCapacity = 10_000;
    private Duration connectTimeout = Duration.ofSeconds(5);

    private Builder() {}

    /**
     * Adds a server (at most five in all, no duplicates).
     *
     * @param server the server's host, port and transport; not null
     * @return this builder
     */
    public Builder addServer(SyslogServer server) {
      servers.add(Objects.requireNonNull(server, "server == null"));
      return this;
    }

    /**
     * Sets the HOSTNAME field (default {@code "-"}, the RFC 5424 nil value). Printable ASCII, no
     * spaces, ≤ 255.
     *
     * @param hostname the HOSTNAME field (default {@code "-"}, the RFC 5424 nil value)
     * @return this builder
     */
    public Builder hostname(String hostname) {
      this.hostname = checkToken(Objects.requireNonNull(hostname, "hostname == null"), 255, "hostname");
      return this;
    }

    /**
     * Sets the APP-NAME field (default {@code "mm-sdk"}). Printable ASCII, no spaces, ≤ 48.
     *
     * @param appName the APP-NAME field (default {@code "mm-sdk"})
     * @return this builder
     */
    public Builder appName(String appName) {
      this.appName = checkToken(Objects.requireNonNull(appName, "appName == null"), 48, "appName");
      return this;
    }

    /**
     * Sets which certificates TLS servers may present (default {@link TlsTrust#systemDefault()},
     * the JVM's CAs). Each server's certificate must name the host it is listed with (a DNS name
     * SAN, or an IP address SAN for an IP address), checked in the handshake, except with the
     * lab-only {@link TlsTrust#insecureTrustAllForLabUseOnly()}.
     *
     * @param trust the certificates to trust; not null
     * @return this builder
     */
    public Builder tlsTrust(TlsTrust trust) {
      this.tlsTrust = Objects.requireNonNull(trust, "trust == null");
      return this;
    }

    /**
     * Sets how many messages may wait before new ones are dropped (default 10 000).
     *
     * @param capacity how many messages may wait before new ones are dropped (default 10 000)
     * @return this builder
     */
    public Builder queueCapacity(int capacity) {
      if (capacity < 1) {
        throw new IllegalArgumentException("queueCapacity must be >= 1: " + capacity);
      }
      this.queueCapacity = capacity;
      return this;
    }

    /**
     * Sets how long connecting to a TCP or TLS server, including the TLS handshake, may take
     * (default 5 s); past it the message counts as a failure for that server.
     *
     * @param timeout the longest connect and handshake time; positive
     * @return this builder
     * @throws IllegalArgumentException if {@code timeout} is zero or negative
     */
    public Builder connectTimeout(Duration timeout) {
      Objects.requireNonNull(timeout, "timeout == null");
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("connectTimeout must be positive: " + timeout);
      }
      this.connectTimeout = timeout;
      return this;
    }

    /**
     * Validates and builds the configuration.
     *
     * @return the configuration
     * @throws IllegalArgumentException if more than {@value #MAX_SERVERS} servers are listed, or
     *     one is listed twice
     */
    public SyslogConfig build() {
      if (servers.size() > MAX_SERVERS) {
        throw new IllegalArgumentException(
            servers.size() + " syslog servers given; at most " + MAX_SERVERS + " are supported. Remove some.");
      }
      if (new HashSet<>(servers).size() != servers.size()) {
        throw new IllegalArgumentException("A syslog server is listed twice: " + servers + ". List each once.");
      }
      return new SyslogConfig(this);
    }

    private static String checkToken(String s, int max, String name) {
      if (s.isEmpty() || s.length() > max || !s.chars().allMatch(c -> c >= 33 && c <= 126)) {
        throw new IllegalArgumentException(
            name + " '" + s + "' must be 1-" + max + " printable ASCII characters without spaces (RFC 5424).");
      }
      return s;
    }
  }
}
