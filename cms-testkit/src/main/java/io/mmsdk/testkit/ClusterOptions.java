package io.mmsdk.testkit;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Settings for a {@link SimulatedCluster}. Build with {@link #builder()}; {@link #defaults()} gives one
 * plain-HTTP Call Bridge with user {@code admin}/{@code password} and a page cap of 10.
 */
public final class ClusterOptions {
  private final int callBridges;
  private final String apiUsername;
  private final String apiPassword;
  private final boolean https;
  private final int firstPort;
  private final SimulatedClock clock;
  private final int defaultPageLimit;
  private final Map<String, Integer> pageLimits;
  private final int minimumPasscodeLength;
  private final int maxCdrReceivers;
  private final int cdrBufferCapacity;
  private final Duration cdrRetryInterval;
  private final Duration ringingTimeout;
  private final Duration confirmationTimeout;
  private final Duration ldapSyncDuration;
  private final String softwareVersion;
  private final int eventsMaxUnacknowledged;

  private ClusterOptions(Builder b) {
    this.callBridges = b.callBridges;
    this.apiUsername = b.apiUsername;
    this.apiPassword = b.apiPassword;
    this.https = b.https;
    this.firstPort = b.firstPort;
    this.clock = b.clock != null ? b.clock : SimulatedClock.create();
    this.defaultPageLimit = b.defaultPageLimit;
    this.pageLimits = Map.copyOf(b.pageLimits);
    this.minimumPasscodeLength = b.minimumPasscodeLength;
    this.maxCdrReceivers = b.maxCdrReceivers;
    this.cdrBufferCapacity = b.cdrBufferCapacity;
    this.cdrRetryInterval = b.cdrRetryInterval;
    this.ringingTimeout = b.ringingTimeout;
    this.confirmationTimeout = b.confirmationTimeout;
    this.ldapSyncDuration = b.ldapSyncDuration;
    this.softwareVersion = b.softwareVersion;
    this.eventsMaxUnacknowledged = b.eventsMaxUnacknowledged;
  }

  /** Returns a new builder with the defaults described on each setter. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns the default options: one HTTP Call Bridge, {@code admin}/{@code password}. */
  public static ClusterOptions defaults() {
    return builder().build();
  }

  /** Returns a builder initialised from these options (it shares the same clock). */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.callBridges = callBridges;
    b.apiUsername = apiUsername;
    b.apiPassword = apiPassword;
    b.https = https;
    b.firstPort = firstPort;
    b.clock = clock;
    b.defaultPageLimit = defaultPageLimit;
    b.pageLimits.putAll(pageLimits);
    b.minimumPasscodeLength = minimumPasscodeLength;
    b.maxCdrReceivers = maxCdrReceivers;
    b.cdrBufferCapacity = cdrBufferCapacity;
    b.cdrRetryInterval = cdrRetryInterval;
    b.ringingTimeout = ringingTimeout;
    b.confirmationTimeout = confirmationTimeout;
    b.ldapSyncDuration = ldapSyncDuration;
    b.softwareVersion = softwareVersion;
    b.eventsMaxUnacknowledged = eventsMaxUnacknowledged;
    return b;
  }

  /** Number of Call Bridges in the cluster. */
  public int callBridges() {
    return callBridges;
  }

  /** API user name every bridge accepts. */
  public String apiUsername() {
    return apiUsername;
  }

  /** API password every bridge accepts. */
  public String apiPassword() {
    return apiPassword;
  }

  /** Whether bridges serve HTTPS with a certificate issued by a generated CA. */
  public boolean isHttps() {
    return https;
  }

  /** Returns the port of the first Call Bridge (bridge {@code i} uses it plus {@code i}); 0 means free ports. */
  public int firstPort() {
    return firstPort;
  }

  /** The clock that drives all simulated time. */
  public SimulatedClock clock() {
    return clock;
  }

  /** The most items any collection GET returns in one page unless overridden per collection. */
  public int defaultPageLimit() {
    return defaultPageLimit;
  }

  /** Returns the page cap for {@code collection} (e.g. {@code "coSpaces"}, {@code "users"}). */
  public int pageLimit(String collection) {
    return pageLimits.getOrDefault(collection, defaultPageLimit);
  }

  /** Minimum passcode length; shorter non-empty passcodes fail with {@code passcodeTooShort}. */
  public int minimumPasscodeLength() {
    return minimumPasscodeLength;
  }

  /** Most CDR receivers one bridge accepts; one more fails with {@code tooManyCdrReceivers}. */
  public int maxCdrReceivers() {
    return maxCdrReceivers;
  }

  /** Records a bridge keeps per receiver while it cannot deliver; older ones are discarded. */
  public int cdrBufferCapacity() {
    return cdrBufferCapacity;
  }

  /** Real-time delay before an unacknowledged CDR batch is sent again. */
  public Duration cdrRetryInterval() {
    return cdrRetryInterval;
  }

  /** Simulated time an outgoing call leg rings before ending with {@code ringingTimeout}. */
  public Duration ringingTimeout() {
    return ringingTimeout;
  }

  /** Simulated time a confirmation prompt waits for a key before {@code confirmationTimeOut}. */
  public Duration confirmationTimeout() {
    return confirmationTimeout;
  }

  /**
   * {@return the simulated time an LDAP sync takes} It is {@code pending}, then {@code inProgress}
   * from half of it, then {@code complete} or {@code failed} (its changes applied at the end); zero
   * finishes it within the {@code POST}.
   */
  public Duration ldapSyncDuration() {
    return ldapSyncDuration;
  }

  /** Value of {@code softwareVersion} in {@code /system/status}. */
  public String softwareVersion() {
    return softwareVersion;
  }

  /** Unacknowledged event messages after which a bridge stops sending to that client. */
  public int eventsMaxUnacknowledged() {
    return eventsMaxUnacknowledged;
  }

  @Override
  public String toString() {
    return "ClusterOptions[callBridges=" + callBridges + ", apiUsername=" + apiUsername
        + ", apiPassword=██, https=" + https + ", defaultPageLimit=" + defaultPageLimit + "]";
  }

  /** Builder for {@link ClusterOptions}. */
  public static final class Builder {
    private int callBridges = 1;
    private String apiUsername = "admin";
    private String apiPassword = "password";
    private boolean https;
    private int firstPort;
    private SimulatedClock clock;
    private int defaultPageLimit = 10;
    private final Map<String, Integer> pageLimits = new LinkedHashMap<>();
    private int minimumPasscodeLength;
    private int maxCdrReceivers = 4;
    private int cdrBufferCapacity = 10_000;
    private Duration cdrRetryInterval = Duration.ofMillis(100);
    private Duration ringingTimeout = Duration.ofSeconds(60);
    private Duration confirmationTimeout = Duration.ofSeconds(30);
    private Duration ldapSyncDuration = Duration.ZERO;
    private String softwareVersion = "3.8";
    private int eventsMaxUnacknowledged = 50;

    private Builder() {}

    /** Sets the number of Call Bridges (1..16, default 1). */
    public Builder callBridges(int count) {
      if (count < 1 || count > 16) {
        throw new IllegalArgumentException("callBridges must be 1..16, was " + count);
      }
      this.callBridges = count;
      return this;
    }

    /** Sets the API credentials (default {@code admin}/{@code password}). */
    public Builder credentials(String username, String password) {
      requireNonNull(username, "username == null");
      requireNonNull(password, "password == null");
      if (username.isEmpty() || username.contains(":")) {
        throw new IllegalArgumentException(
            "username must be non-empty and contain no ':', was '" + username + "'");
      }
      this.apiUsername = username;
      this.apiPassword = password;
      return this;
    }

    /** Serves HTTPS with a generated CA (default false: plain HTTP). */
    public Builder https(boolean https) {
      this.https = https;
      return this;
    }

    /**
     * Listens on fixed loopback ports: bridge {@code i} on {@code firstPort + i} (default 0: free
     * ports chosen by the system).
     */
    public Builder firstPort(int firstPort) {
      if (firstPort < 0 || firstPort > 65535 - 16) {
        throw new IllegalArgumentException("firstPort must be 0 (any free port) or 1.." + (65535 - 16)
            + ", was " + firstPort);
      }
      this.firstPort = firstPort;
      return this;
    }

    /** Uses {@code clock} for all simulated time (default {@link SimulatedClock#create()}). */
    public Builder clock(SimulatedClock clock) {
      this.clock = requireNonNull(clock, "clock == null");
      return this;
    }

    /** Sets the page cap for every collection (default 10). */
    public Builder defaultPageLimit(int limit) {
      this.defaultPageLimit = positive(limit, "limit");
      return this;
    }

    /** Sets the page cap for one collection, named by its last path segment ({@code "users"}). */
    public Builder pageLimit(String collection, int limit) {
      requireNonNull(collection, "collection == null");
      pageLimits.put(collection, positive(limit, "limit"));
      return this;
    }

    /** Sets the minimum passcode length (default 0: any passcode accepted). */
    public Builder minimumPasscodeLength(int length) {
      if (length < 0) {
        throw new IllegalArgumentException("length must be >= 0, was " + length);
      }
      this.minimumPasscodeLength = length;
      return this;
    }

    /** Sets the CDR receiver maximum per bridge (default 4, as CMS 2.x/3.x). */
    public Builder maxCdrReceivers(int max) {
      this.maxCdrReceivers = positive(max, "max");
      return this;
    }

    /** Sets the per-receiver CDR buffer (default 10,000 records). */
    public Builder cdrBufferCapacity(int capacity) {
      this.cdrBufferCapacity = positive(capacity, "capacity");
      return this;
    }

    /** Sets the real-time CDR retry delay (default 100 ms). */
    public Builder cdrRetryInterval(Duration interval) {
      requireNonNull(interval, "interval == null");
      if (interval.isNegative() || interval.isZero()) {
        throw new IllegalArgumentException("interval must be positive, was " + interval);
      }
      this.cdrRetryInterval = interval;
      return this;
    }

    /** Sets the ringing timeout for dial-outs (default 60 s of simulated time). */
    public Builder ringingTimeout(Duration timeout) {
      this.ringingTimeout = requireNonNull(timeout, "timeout == null");
      return this;
    }

    /** Sets the confirmation prompt timeout (default 30 s of simulated time). */
    public Builder confirmationTimeout(Duration timeout) {
      this.confirmationTimeout = requireNonNull(timeout, "timeout == null");
      return this;
    }

    /**
     * Sets how long an LDAP sync takes in simulated time (default zero: it finishes within the
     * {@code POST /ldapSyncs}). A real sync is {@code pending}, then {@code inProgress} for a while.
     *
     * @param duration the simulated time, zero or more
     * @return this builder
     * @throws IllegalArgumentException if {@code duration} is negative
     */
    public Builder ldapSyncDuration(Duration duration) {
      requireNonNull(duration, "duration == null");
      if (duration.isNegative()) {
        throw new IllegalArgumentException("duration must not be negative, was " + duration);
      }
      this.ldapSyncDuration = duration;
      return this;
    }

    /** Sets the reported software version (default {@code 3.8}). */
    public Builder softwareVersion(String version) {
      this.softwareVersion = requireNonNull(version, "version == null");
      return this;
    }

    /** Sets how many event messages may go unacknowledged before sending stops (default 50). */
    public Builder eventsMaxUnacknowledged(int max) {
      this.eventsMaxUnacknowledged = positive(max, "max");
      return this;
    }

    /** Returns the options. */
    public ClusterOptions build() {
      return new ClusterOptions(this);
    }

    private static int positive(int value, String name) {
      if (value < 1) {
        throw new IllegalArgumentException(name + " must be >= 1, was " + value);
      }
      return value;
    }
  }
}
