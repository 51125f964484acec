package io.mmsdk.testkit.core;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Settings for a {@link io.mmsdk.testkit.SimulatedCluster}. Build with {@link #builder()};
 * {@link #defaults()} gives one plain-HTTP Call Bridge with user {@code admin}/{@code password} and a page cap of 10.
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

  /** {@return a new builder with the defaults described on each setter} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return the default options: one HTTP Call Bridge, {@code admin}/{@code password}} */
  public static ClusterOptions defaults() {
    return builder().build();
  }

  /** {@return a builder initialised from these options (it shares the same clock)} */
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

  /** {@return the number of Call Bridges in the cluster} */
  public int callBridges() {
    return callBridges;
  }

  /** {@return the API user name every bridge accepts} */
  public String apiUsername() {
    return apiUsername;
  }

  /** {@return the API password every bridge accepts} */
  public String apiPassword() {
    return apiPassword;
  }

  /** {@return whether bridges serve HTTPS with a certificate issued by a generated CA} */
  public boolean isHttps() {
    return https;
  }

  /**
   * {@return the port of the first Call Bridge (bridge {@code i} uses it plus {@code i}); 0 means
   * free ports}
   */
  public int firstPort() {
    return firstPort;
  }

  /** {@return the clock that drives all simulated time} */
  public SimulatedClock clock() {
    return clock;
  }

  /**
   * {@return the most items any collection GET returns in one page unless overridden per
   * collection}
   */
  public int defaultPageLimit() {
    return defaultPageLimit;
  }

  /**
   * {@return the page cap for {@code collection} (e.g. {@code "coSpaces"}, {@code "users"})}
   *
   * @param collection the collection's last path segment, such as {@code "coSpaces"}; collections
   *     without an override get {@link #defaultPageLimit()}
   */
  public int pageLimit(String collection) {
    return pageLimits.getOrDefault(collection, defaultPageLimit);
  }

  /**
   * {@return the minimum passcode length; shorter non-empty passcodes fail with {@code
   * passcodeTooShort}}
   */
  public int minimumPasscodeLength() {
    return minimumPasscodeLength;
  }

  /**
   * {@return the most CDR receivers one bridge accepts; one more fails with {@code
   * tooManyCdrReceivers}}
   */
  public int maxCdrReceivers() {
    return maxCdrReceivers;
  }

  /**
   * Records a bridge keeps per receiver while it cannot deliver; older ones are discarded.
   *
   * @return how many CDRs a bridge keeps per receiver while it cannot deliver; older ones are
   *     discarded
   */
  public int cdrBufferCapacity() {
    return cdrBufferCapacity;
  }

  /** {@return the real-time delay before an unacknowledged CDR batch is sent again} */
  public Duration cdrRetryInterval() {
    return cdrRetryInterval;
  }

  /**
   * {@return the simulated time an outgoing call leg rings before ending with {@code
   * ringingTimeout}}
   */
  public Duration ringingTimeout() {
    return ringingTimeout;
  }

  /**
   * {@return the simulated time a confirmation prompt waits for a key before {@code
   * confirmationTimeOut}}
   */
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

  /** {@return the value of {@code softwareVersion} in {@code /system/status}} */
  public String softwareVersion() {
    return softwareVersion;
  }

  /**
   * {@return how many event messages may go unacknowledged before a bridge stops sending to that
   * client}
   */
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

    /**
     * Sets the number of Call Bridges (1..16, default 1).
     *
     * @param count how many Call Bridges to start, 1 to 16
     * @return this builder
     * @throws IllegalArgumentException if {@code count} is outside 1..16
     */
    public Builder callBridges(int count) {
      if (count < 1 || count > 16) {
        throw new IllegalArgumentException("callBridges must be 1..16, was " + count);
      }
      this.callBridges = count;
      return this;
    }

    /**
     * Sets the API credentials (default {@code admin}/{@code password}).
     *
     * @param username the user name for HTTP Basic authentication; non-empty, without {@code ':'}
     * @param password the password every bridge accepts; not null (empty is allowed)
     * @return this builder
     * @throws IllegalArgumentException if {@code username} is empty or contains {@code ':'}
     */
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

    /**
     * Serves HTTPS with a generated CA (default false: plain HTTP).
     *
     * @param https true to serve HTTPS with a certificate from a generated CA, false for plain HTTP
     * @return this builder
     */
    public Builder https(boolean https) {
      this.https = https;
      return this;
    }

    /**
     * Listens on fixed loopback ports: bridge {@code i} on {@code firstPort + i} (default 0: free
     * ports chosen by the system).
     *
     * @param firstPort 0 for free ports, else the first bridge's port, 1 to 65519 (room for 16
     *     bridges)
     * @return this builder
     * @throws IllegalArgumentException if {@code firstPort} is negative or above 65519
     */
    public Builder firstPort(int firstPort) {
      if (firstPort < 0 || firstPort > 65535 - 16) {
        throw new IllegalArgumentException("firstPort must be 0 (any free port) or 1.." + (65535 - 16)
            + ", was " + firstPort);
      }
      this.firstPort = firstPort;
      return this;
    }

    /**
     * Uses {@code clock} for all simulated time (default {@link SimulatedClock#create()}).
     *
     * @param clock the clock for simulated time, which may be shared with the SDK's scheduler; not
     *     null
     * @return this builder
     */
    public Builder clock(SimulatedClock clock) {
      this.clock = requireNonNull(clock, "clock == null");
      return this;
    }

    /**
     * Sets the page cap for every collection (default 10).
     *
     * @param limit the most items one page of any collection holds, 1 or more
     * @return this builder
     * @throws IllegalArgumentException if {@code limit} is below 1
     */
    public Builder defaultPageLimit(int limit) {
      this.defaultPageLimit = positive(limit, "limit");
      return this;
    }

    /**
     * Sets the page cap for one collection, named by its last path segment ({@code "users"}).
     *
     * @param collection the collection's last path segment, such as {@code "users"}; not null
     * @param limit the most items one page of that collection holds, 1 or more
     * @return this builder
     * @throws IllegalArgumentException if {@code limit} is below 1
     */
    public Builder pageLimit(String collection, int limit) {
      requireNonNull(collection, "collection == null");
      pageLimits.put(collection, positive(limit, "limit"));
      return this;
    }

    /**
     * Sets the minimum passcode length (default 0: any passcode accepted).
     *
     * @param length the shortest non-empty passcode accepted, 0 or more (0 accepts any)
     * @return this builder
     * @throws IllegalArgumentException if {@code length} is negative
     */
    public Builder minimumPasscodeLength(int length) {
      if (length < 0) {
        throw new IllegalArgumentException("length must be >= 0, was " + length);
      }
      this.minimumPasscodeLength = length;
      return this;
    }

    /**
     * Sets the CDR receiver maximum per bridge (default 4, as CMS 2.x/3.x).
     *
     * @param max how many CDR receivers one bridge accepts, 1 or more
     * @return this builder
     * @throws IllegalArgumentException if {@code max} is below 1
     */
    public Builder maxCdrReceivers(int max) {
      this.maxCdrReceivers = positive(max, "max");
      return this;
    }

    /**
     * Sets the per-receiver CDR buffer (default 10,000 records).
     *
     * @param capacity how many undelivered records a bridge keeps per receiver, 1 or more
     * @return this builder
     * @throws IllegalArgumentException if {@code capacity} is below 1
     */
    public Builder cdrBufferCapacity(int capacity) {
      this.cdrBufferCapacity = positive(capacity, "capacity");
      return this;
    }

    /**
     * Sets the real-time CDR retry delay (default 100 ms).
     *
     * @param interval the wall-clock wait before an unacknowledged batch is sent again; positive
     * @return this builder
     * @throws IllegalArgumentException if {@code interval} is zero or negative
     */
    public Builder cdrRetryInterval(Duration interval) {
      requireNonNull(interval, "interval == null");
      if (interval.isNegative() || interval.isZero()) {
        throw new IllegalArgumentException("interval must be positive, was " + interval);
      }
      this.cdrRetryInterval = interval;
      return this;
    }

    /**
     * Sets the ringing timeout for dial-outs (default 60 s of simulated time).
     *
     * @param timeout how long, in simulated time, an unanswered dial-out rings; not null
     * @return this builder
     */
    public Builder ringingTimeout(Duration timeout) {
      this.ringingTimeout = requireNonNull(timeout, "timeout == null");
      return this;
    }

    /**
     * Sets the confirmation prompt timeout (default 30 s of simulated time).
     *
     * @param timeout how long, in simulated time, a confirmation prompt waits for a key; not null
     * @return this builder
     */
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

    /**
     * Sets the reported software version (default {@code 3.8}).
     *
     * @param version the {@code softwareVersion} text to report, for example {@code "3.8"}; not
     *     null
     * @return this builder
     */
    public Builder softwareVersion(String version) {
      this.softwareVersion = requireNonNull(version, "version == null");
      return this;
    }

    /**
     * Sets how many event messages may go unacknowledged before sending stops (default 50).
     *
     * @param max how many event messages may be unacknowledged before a bridge stops sending, 1 or
     *     more
     * @return this builder
     * @throws IllegalArgumentException if {@code max} is below 1
     */
    public Builder eventsMaxUnacknowledged(int max) {
      this.eventsMaxUnacknowledged = positive(max, "max");
      return this;
    }

    /** {@return the options} */
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
