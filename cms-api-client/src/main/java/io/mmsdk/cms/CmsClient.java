package io.mmsdk.cms;

import static java.util.Objects.requireNonNull;

import io.mmsdk.cms.api.CmsApi;
import io.mmsdk.cms.core.CmsObject;
import io.mmsdk.cms.core.CmsOperations;
import io.mmsdk.cms.core.CmsResources;
import io.mmsdk.cms.core.ResourceType;
import io.mmsdk.cms.internal.ReplySizeLimit;
import io.mmsdk.common.tls.TlsClientContext;
import io.mmsdk.common.tls.TlsTrust;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import javax.net.ssl.HostnameVerifier;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * A client for one Meeting Server (one Call Bridge) REST API. Thread-safe: share one instance per
 * server. Close it when done; {@link #close()} releases the connections and threads it created, but
 * never closes an {@link OkHttpClient} the caller supplied.
 *
 * <pre>{@code
 * try (CmsClient cms = CmsClient.builder()
 *     .host("cms1.example.com").port(8443)
 *     .credentials("apiuser", password)
 *     .tlsTrust(TlsTrust.pemCertificates(caPem))
 *     .build()) {
 *   String id = cms.coSpaces().create(Form.builder().set(CmsFields.NAME, "Sales").build());
 *   cms.coSpaces().list(ListOptions.builder().filter("Sales").build())
 *       .forEach(space -> System.out.println(space.find(CmsFields.URI)));
 * }
 * }</pre>
 */
public interface CmsClient extends CmsOperations, AutoCloseable {
  /** {@return a new builder} */
  static Builder builder() {
    return new Builder();
  }

  /** {@return the API base, for example {@code https://cms1.example.com:8443/api/v1/}} */
  URI apiBase();

  /**
   * Reads a single-object node such as {@code /system/status}.
   *
   * @param resource the node to read
   * @return the node's object
   */
  CmsObject read(SystemResource resource);

  /**
   * {@return the typed API: one operation per method and path of the CMS API, generated from the
   * API model} The generic methods of this interface stay available as the escape hatch.
   */
  default CmsApi api() {
    return CmsApi.of(this);
  }

  /**
   * Reads {@code /system/status} with a parsed, comparable {@link CmsVersion}.
   *
   * @return the status with its software version parsed
   */
  SystemStatus systemStatus();

  /** {@return operations on coSpaces} */
  default CmsResources coSpaces() {
    return resources(ResourceType.CO_SPACES);
  }

  /**
   * {@return operations on a coSpace's access methods}
   *
   * @param coSpaceId the coSpace's id
   */
  default CmsResources accessMethods(String coSpaceId) {
    return resources(ResourceType.ACCESS_METHODS, coSpaceId);
  }

  /**
   * {@return operations on a coSpace's members}
   *
   * @param coSpaceId the coSpace's id
   */
  default CmsResources coSpaceUsers(String coSpaceId) {
    return resources(ResourceType.CO_SPACE_USERS, coSpaceId);
  }

  /** {@return operations on coSpace templates (2.9+)} */
  default CmsResources coSpaceTemplates() {
    return resources(ResourceType.CO_SPACE_TEMPLATES);
  }

  /**
   * {@return operations on a coSpace template's access method templates}
   *
   * @param coSpaceTemplateId the coSpace template's id
   */
  default CmsResources accessMethodTemplates(String coSpaceTemplateId) {
    return resources(ResourceType.ACCESS_METHOD_TEMPLATES, coSpaceTemplateId);
  }

  /** {@return operations on call leg profiles} */
  default CmsResources callLegProfiles() {
    return resources(ResourceType.CALL_LEG_PROFILES);
  }

  /** {@return operations on call profiles} */
  default CmsResources callProfiles() {
    return resources(ResourceType.CALL_PROFILES);
  }

  /** {@return operations on users (read-only; they come from LDAP sync)} */
  default CmsResources users() {
    return resources(ResourceType.USERS);
  }

  /** {@return operations on user profiles} */
  default CmsResources userProfiles() {
    return resources(ResourceType.USER_PROFILES);
  }

  /**
   * {@return operations on a user's coSpace template assignments}
   *
   * @param userId the user's id
   */
  default CmsResources userCoSpaceTemplates(String userId) {
    return resources(ResourceType.USER_CO_SPACE_TEMPLATES, userId);
  }

  /** {@return operations on LDAP servers} */
  default CmsResources ldapServers() {
    return resources(ResourceType.LDAP_SERVERS);
  }

  /** {@return operations on LDAP mappings} */
  default CmsResources ldapMappings() {
    return resources(ResourceType.LDAP_MAPPINGS);
  }

  /** {@return operations on LDAP sources} */
  default CmsResources ldapSources() {
    return resources(ResourceType.LDAP_SOURCES);
  }

  /** {@return operations on LDAP syncs (create one to start a sync)} */
  default CmsResources ldapSyncs() {
    return resources(ResourceType.LDAP_SYNCS);
  }

  /** {@return operations on LDAP user coSpace template sources} */
  default CmsResources ldapUserCoSpaceTemplateSources() {
    return resources(ResourceType.LDAP_USER_CO_SPACE_TEMPLATE_SOURCES);
  }

  /** {@return operations on active calls} */
  default CmsResources calls() {
    return resources(ResourceType.CALLS);
  }

  /** {@return operations on all active call legs} */
  default CmsResources callLegs() {
    return resources(ResourceType.CALL_LEGS);
  }

  /**
   * {@return operations on a call's legs; {@code create} dials out ({@code remoteParty}, {@code
   * confirmation}, ...)}
   *
   * @param callId the active call's id
   */
  default CmsResources callLegsOf(String callId) {
    return resources(ResourceType.CALL_CALL_LEGS, callId);
  }

  /** {@return operations on all participants} */
  default CmsResources participants() {
    return resources(ResourceType.PARTICIPANTS);
  }

  /**
   * {@return operations on a call's participants; {@code create} dials out, possibly on another
   * clustered Call Bridge}
   *
   * @param callId the active call's id
   */
  default CmsResources participantsOf(String callId) {
    return resources(ResourceType.CALL_PARTICIPANTS, callId);
  }

  /** {@return operations on tenants} */
  default CmsResources tenants() {
    return resources(ResourceType.TENANTS);
  }

  /** {@return operations on clustered Call Bridges} */
  default CmsResources callBridges() {
    return resources(ResourceType.CALL_BRIDGES);
  }

  /** {@return operations on active alarms ({@code /system/alarms})} */
  default CmsResources alarms() {
    return resources(ResourceType.ALARMS);
  }

  /** {@return operations on CDR receivers of this Call Bridge ({@code /system/cdrReceivers})} */
  default CmsResources cdrReceivers() {
    return resources(ResourceType.CDR_RECEIVERS);
  }

  /**
   * {@return operations on multiparty license usage entries ({@code /system/MPLicenseUsage}; filter
   * with startTime, endTime, hostId; each entry's {@code time} is an attribute)}
   */
  default CmsResources licenseUsage() {
    return resources(ResourceType.LICENSE_USAGE);
  }

  /**
   * {@return operations on hosts with license usage data ({@code
   * /system/MPLicenseUsage/knownHosts})}
   */
  default CmsResources licenseKnownHosts() {
    return resources(ResourceType.LICENSE_KNOWN_HOSTS);
  }

  /** Releases connections and threads this client created. Idempotent; throws nothing checked. */
  @Override
  void close();

  /** Builds a {@link CmsClient}. Not thread-safe. */
  final class Builder {
    /** The default {@link #maxReplySize(long)}: 4 MiB, about a hundred times a 50-object page. */
    public static final long DEFAULT_MAX_REPLY_SIZE = 4L << 20;

    private HttpUrl baseUrl;
    private String host;
    private int port = 443;
    private String username;
    private String password;
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration readTimeout = Duration.ofSeconds(30);
    private Duration callTimeout = Duration.ofSeconds(60);
    private long maxReplySize = DEFAULT_MAX_REPLY_SIZE;
    private RetryPolicy retryPolicy = RetryPolicy.defaults();
    private TlsTrust tlsTrust = TlsTrust.systemDefault();
    private OkHttpClient okHttpClient;
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    /**
     * Sets the server's base URL, for example {@code https://cms1.example.com:8443}; a trailing
     * {@code /api/v1} is accepted. Use either this or {@link #host(String)}.
     *
     * @param baseUrl the server's https URL, with an optional port and {@code /api/v1}
     * @return this builder
     */
    public Builder baseUrl(String baseUrl) {
      requireNonNull(baseUrl, "baseUrl == null");
      HttpUrl parsed = HttpUrl.parse(baseUrl);
      if (parsed == null) {
        throw new IllegalArgumentException(
            "baseUrl \"" + baseUrl + "\" is not an http(s) URL; expected e.g. https://cms1.example.com:8443");
      }
      this.baseUrl = parsed;
      return this;
    }

    /**
     * Sets the host name or IP address (IPv6 with or without brackets); HTTPS is used.
     *
     * @param host the host name or IP address of the Call Bridge's API
     * @return this builder
     */
    public Builder host(String host) {
      requireNonNull(host, "host == null");
      String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
      if (h.isBlank()) {
        throw new IllegalArgumentException("host is blank; expected a host name or IP address");
      }
      this.host = h;
      return this;
    }

    /**
     * Sets the HTTPS port of the Web Admin / API (default 443).
     *
     * @param port the HTTPS port, 1 to 65535
     * @return this builder
     */
    public Builder port(int port) {
      if (port < 1 || port > 65535) {
        throw new IllegalArgumentException("port is " + port + "; expected 1 to 65535");
      }
      this.port = port;
      return this;
    }

    /**
     * Sets the API user's credentials (HTTP Basic). The password never appears in logs or text.
     *
     * @param username the API user name
     * @param password the API password
     * @return this builder
     */
    public Builder credentials(String username, String password) {
      requireNonNull(username, "username == null");
      requireNonNull(password, "password == null");
      if (username.isEmpty() || username.contains(":")) {
        throw new IllegalArgumentException("username must be non-empty and contain no ':'");
      }
      this.username = username;
      this.password = password;
      return this;
    }

    /**
     * Sets the connect timeout (default 10 s).
     *
     * @param connectTimeout the longest time to connect; positive
     * @return this builder
     */
    public Builder connectTimeout(Duration connectTimeout) {
      this.connectTimeout = positive(connectTimeout, "connectTimeout");
      return this;
    }

    /**
     * Sets the read timeout (default 30 s).
     *
     * @param readTimeout the longest silence while reading a reply; positive
     * @return this builder
     */
    public Builder readTimeout(Duration readTimeout) {
      this.readTimeout = positive(readTimeout, "readTimeout");
      return this;
    }

    /**
     * Sets the deadline of one attempt of a call, from connecting to reading the last byte of the
     * reply (default 60 s), so a server that drips its reply slowly, resetting the read timeout
     * with
     * every byte, still cannot hold a call forever. Past it the call fails with
     * {@link CmsTimeoutException}; idempotent calls are then retried per the {@link RetryPolicy},
     * so
     * one method call takes at most about {@code maxAttempts} times this plus the backoffs.
     *
     * @param callTimeout the longest time for one attempt; positive
     * @return this builder
     */
    public Builder callTimeout(Duration callTimeout) {
      this.callTimeout = positive(callTimeout, "callTimeout");
      return this;
    }

    /**
     * Sets the largest reply read, in bytes (default {@value #DEFAULT_MAX_REPLY_SIZE}, 4 MiB).
     * Replies are streamed into the parser; one over the limit is not read further and fails with
     * {@link CmsReplyTooLargeException}. Error replies are read only up to 64 KiB, for their
     * failure reason.
     *
     * @param bytes the largest reply body read, in bytes
     * @return this builder
     * @throws IllegalArgumentException if {@code bytes} is not positive
     */
    public Builder maxReplySize(long bytes) {
      if (bytes < 1) {
        throw new IllegalArgumentException("maxReplySize is " + bytes + "; expected a positive number of bytes");
      }
      this.maxReplySize = bytes;
      return this;
    }

    /**
     * Sets the retry policy (default {@link RetryPolicy#defaults()}).
     *
     * @param retryPolicy when and how often to retry; not null
     * @return this builder
     */
    public Builder retryPolicy(RetryPolicy retryPolicy) {
      this.retryPolicy = requireNonNull(retryPolicy, "retryPolicy == null");
      return this;
    }

    /**
     * Sets which certificates to trust (default: {@link TlsTrust#systemDefault()}, the JVM's trust
     * store). The host name is always checked against the certificate's subject alternative names,
     * in the handshake and again by OkHttp's verifier, except with {@link
     * TlsTrust#insecureTrustAllForLabUseOnly()}, which logs a warning every time a client is built.
     * A {@link TlsTrust#pemFile(java.nio.file.Path) PEM file} is read by {@link #build()}.
     *
     * @param tlsTrust the certificates to trust; not null
     * @return this builder
     */
    public Builder tlsTrust(TlsTrust tlsTrust) {
      this.tlsTrust = requireNonNull(tlsTrust, "tlsTrust == null");
      return this;
    }

    /**
     * Shares the connection pool and threads of {@code okHttpClient}. The client derives its own
     * configuration from it and never closes it. TLS trust and host name verification always come
     * from {@link #tlsTrust(TlsTrust)}, never from {@code okHttpClient}.
     *
     * @param okHttpClient the client whose pool and threads to share; not closed by this client
     * @return this builder
     */
    public Builder okHttpClient(OkHttpClient okHttpClient) {
      this.okHttpClient = requireNonNull(okHttpClient, "okHttpClient == null");
      return this;
    }

    /**
     * Sets the clock (default UTC system clock).
     *
     * @param clock the clock for retry deadlines and time stamps; not null
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = requireNonNull(clock, "clock == null");
      return this;
    }

    /**
     * {@return the client}
     *
     * @throws IllegalStateException if no address or no credentials were given
     * @throws io.mmsdk.common.tls.TlsSetupException if the trusted PEM file is missing or unreadable
     */
    public CmsClient build() {
      if (username == null) {
        throw new IllegalStateException("credentials are missing; call credentials(username, password)");
      }
      HttpUrl server = baseUrl;
      if (server == null) {
        if (host == null) {
          throw new IllegalStateException("no server address; call baseUrl(...) or host(...)");
        }
        server = new HttpUrl.Builder().scheme("https").host(host).port(port).build();
      } else if (host != null) {
        throw new IllegalStateException("both baseUrl and host are set; use one of them");
      }
      HttpUrl apiBase = server.newBuilder().encodedPath("/api/v1/").query(null).fragment(null).build();
      boolean owned = okHttpClient == null;
      OkHttpClient.Builder http = owned ? new OkHttpClient.Builder() : okHttpClient.newBuilder();
      http.connectTimeout(connectTimeout)
          .readTimeout(readTimeout)
          .writeTimeout(readTimeout)
          .callTimeout(callTimeout)
          .addInterceptor(new ReplySizeLimit(maxReplySize))
          .followRedirects(false)
          .followSslRedirects(false)
          // Our RetryPolicy decides what is retried; OkHttp must not silently resend a POST.
          .retryOnConnectionFailure(false);
      applyTls(http, tlsTrust.client("CMS API " + apiBase.host() + ":" + apiBase.port()));
      return new RealCmsClient(apiBase, http.build(), owned, username, password, retryPolicy, clock);
    }

    /**
     * Sets {@code http}'s trust and host name verification from {@code tls} alone, replacing
     * whatever a caller's shared {@link OkHttpClient} had, so no shared client can turn them off.
     */
    private static void applyTls(OkHttpClient.Builder http, TlsClientContext tls) {
      http.sslSocketFactory(tls.socketFactory(), tls.trustManager());
      http.hostnameVerifier(tls.isInsecure() ? (hostname, session) -> true : StrictHostnames.VERIFIER);
    }

    /**
     * OkHttp's own verifier (the host against the certificate's subject alternative names), as a
     * new client has it; it checks again what the handshake already checked.
     */
    private static final class StrictHostnames {
      static final HostnameVerifier VERIFIER = new OkHttpClient().hostnameVerifier();
    }

    private static Duration positive(Duration d, String name) {
      requireNonNull(d, name + " == null");
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException(name + " is " + d + "; expected a positive duration");
      }
      return d;
    }

    @Override
    public String toString() {
      return "CmsClient.Builder[" + (baseUrl != null ? baseUrl : host + ":" + port)
          + ", username=" + username + ", " + tlsTrust + "]";
    }
  }
}
