package io.mmsdk.cms;

import static java.util.Objects.requireNonNull;

import io.mmsdk.cms.api.CmsApi;
import io.mmsdk.cms.internal.RealCmsClient;
import io.mmsdk.cms.internal.ReplySizeLimit;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
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
public interface CmsClient extends AutoCloseable {
  /** Returns a new builder. */
  static Builder builder() {
    return new Builder();
  }

  /** Returns the API base, for example {@code https://cms1.example.com:8443/api/v1/}. */
  URI apiBase();

  /** Returns operations on a top-level family. */
  CmsResources resources(ResourceType type);

  /** Returns operations on a nested family below the object {@code parentId}. */
  CmsResources resources(ResourceType type, String parentId);

  /** Reads a single-object node such as {@code /system/status}. */
  CmsObject read(SystemResource resource);

  /**
   * Reads any single-object node by its path under {@code /api/v1}, for example
   * {@code "coSpaces/<id>/meetingEntryDetail"} or {@code "system/configuration/cluster"}.
   *
   * @throws IllegalArgumentException if {@code path} is absolute, has a query, or contains
   *     {@code ..}
   */
  CmsObject read(String path);

  /**
   * Reads a single-object node with query parameters, for example {@code conversationIdQuery}
   * with {@code conversationId}. The form's parameters are sent as the query.
   */
  CmsObject read(String path, Form query);

  /**
   * Sends {@code POST path} with the form, for nodes that are not a collection (actions such as
   * {@code callLegs/<id>/generateKeyFrame}). Returns the last segment of the reply's
   * {@code Location} header, or empty if it has none. Never retried automatically.
   */
  Optional<String> post(String path, Form form);

  /**
   * Sends {@code POST path} with the form to a node that answers 200 with an XML body instead of
   * a {@code Location}, such as {@code accessQuery} and {@code uriUsageQuery}, and returns the body.
   */
  CmsObject postForReply(String path, Form form);

  /** Sends {@code PUT path} with the form, for single-object nodes such as {@code system/profiles}. */
  void put(String path, Form form);

  /** Sends {@code DELETE path}, for nodes that are not an object of a collection. */
  void delete(String path);

  /**
   * Returns the typed API: one operation per method and path of the CMS API, generated from the
   * API model. The generic methods of this interface stay available as the escape hatch.
   */
  default CmsApi api() {
    return CmsApi.of(this);
  }

  /** Reads {@code /system/status} with a parsed, comparable {@link CmsVersion}. */
  SystemStatus systemStatus();

  /** Returns operations on coSpaces. */
  default CmsResources coSpaces() {
    return resources(ResourceType.CO_SPACES);
  }

  /** Returns operations on a coSpace's access methods. */
  default CmsResources accessMethods(String coSpaceId) {
    return resources(ResourceType.ACCESS_METHODS, coSpaceId);
  }

  /** Returns operations on a coSpace's members. */
  default CmsResources coSpaceUsers(String coSpaceId) {
    return resources(ResourceType.CO_SPACE_USERS, coSpaceId);
  }

  /** Returns operations on coSpace templates (2.9+). */
  default CmsResources coSpaceTemplates() {
    return resources(ResourceType.CO_SPACE_TEMPLATES);
  }

  /** Returns operations on a coSpace template's access method templates. */
  default CmsResources accessMethodTemplates(String coSpaceTemplateId) {
    return resources(ResourceType.ACCESS_METHOD_TEMPLATES, coSpaceTemplateId);
  }

  /** Returns operations on call leg profiles. */
  default CmsResources callLegProfiles() {
    return resources(ResourceType.CALL_LEG_PROFILES);
  }

  /** Returns operations on call profiles. */
  default CmsResources callProfiles() {
    return resources(ResourceType.CALL_PROFILES);
  }

  /** Returns operations on users (read-only; they come from LDAP sync). */
  default CmsResources users() {
    return resources(ResourceType.USERS);
  }

  /** Returns operations on user profiles. */
  default CmsResources userProfiles() {
    return resources(ResourceType.USER_PROFILES);
  }

  /** Returns operations on a user's coSpace template assignments. */
  default CmsResources userCoSpaceTemplates(String userId) {
    return resources(ResourceType.USER_CO_SPACE_TEMPLATES, userId);
  }

  /** Returns operations on LDAP servers. */
  default CmsResources ldapServers() {
    return resources(ResourceType.LDAP_SERVERS);
  }

  /** Returns operations on LDAP mappings. */
  default CmsResources ldapMappings() {
    return resources(ResourceType.LDAP_MAPPINGS);
  }

  /** Returns operations on LDAP sources. */
  default CmsResources ldapSources() {
    return resources(ResourceType.LDAP_SOURCES);
  }

  /** Returns operations on LDAP syncs (create one to start a sync). */
  default CmsResources ldapSyncs() {
    return resources(ResourceType.LDAP_SYNCS);
  }

  /** Returns operations on LDAP user coSpace template sources. */
  default CmsResources ldapUserCoSpaceTemplateSources() {
    return resources(ResourceType.LDAP_USER_CO_SPACE_TEMPLATE_SOURCES);
  }

  /** Returns operations on active calls. */
  default CmsResources calls() {
    return resources(ResourceType.CALLS);
  }

  /** Returns operations on all active call legs. */
  default CmsResources callLegs() {
    return resources(ResourceType.CALL_LEGS);
  }

  /** Returns operations on a call's legs; {@code create} dials out ({@code remoteParty}, {@code confirmation}, ...). */
  default CmsResources callLegsOf(String callId) {
    return resources(ResourceType.CALL_CALL_LEGS, callId);
  }

  /** Returns operations on all participants. */
  default CmsResources participants() {
    return resources(ResourceType.PARTICIPANTS);
  }

  /** Returns operations on a call's participants; {@code create} dials out, possibly on another clustered Call Bridge. */
  default CmsResources participantsOf(String callId) {
    return resources(ResourceType.CALL_PARTICIPANTS, callId);
  }

  /** Returns operations on tenants. */
  default CmsResources tenants() {
    return resources(ResourceType.TENANTS);
  }

  /** Returns operations on clustered Call Bridges. */
  default CmsResources callBridges() {
    return resources(ResourceType.CALL_BRIDGES);
  }

  /** Returns operations on active alarms ({@code /system/alarms}). */
  default CmsResources alarms() {
    return resources(ResourceType.ALARMS);
  }

  /** Returns operations on CDR receivers of this Call Bridge ({@code /system/cdrReceivers}). */
  default CmsResources cdrReceivers() {
    return resources(ResourceType.CDR_RECEIVERS);
  }

  /** Returns operations on multiparty license usage entries ({@code /system/MPLicenseUsage}; filter with startTime, endTime, hostId; each entry's {@code time} is an attribute). */
  default CmsResources licenseUsage() {
    return resources(ResourceType.LICENSE_USAGE);
  }

  /** Returns operations on hosts with license usage data ({@code /system/MPLicenseUsage/knownHosts}). */
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

    /** Sets the host name or IP address (IPv6 with or without brackets); HTTPS is used. */
    public Builder host(String host) {
      requireNonNull(host, "host == null");
      String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
      if (h.isBlank()) {
        throw new IllegalArgumentException("host is blank; expected a host name or IP address");
      }
      this.host = h;
      return this;
    }

    /** Sets the HTTPS port of the Web Admin / API (default 443). */
    public Builder port(int port) {
      if (port < 1 || port > 65535) {
        throw new IllegalArgumentException("port is " + port + "; expected 1 to 65535");
      }
      this.port = port;
      return this;
    }

    /** Sets the API user's credentials (HTTP Basic). The password never appears in logs or text. */
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

    /** Sets the connect timeout (default 10 s). */
    public Builder connectTimeout(Duration connectTimeout) {
      this.connectTimeout = positive(connectTimeout, "connectTimeout");
      return this;
    }

    /** Sets the read timeout (default 30 s). */
    public Builder readTimeout(Duration readTimeout) {
      this.readTimeout = positive(readTimeout, "readTimeout");
      return this;
    }

    /**
     * Sets the deadline of one attempt of a call, from connecting to reading the last byte of the
     * reply (default 60 s), so a server that drips its reply slowly, resetting the read timeout with
     * every byte, still cannot hold a call forever. Past it the call fails with
     * {@link CmsTimeoutException}; idempotent calls are then retried per the {@link RetryPolicy}, so
     * one method call takes at most about {@code maxAttempts} times this plus the backoffs.
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
     * @throws IllegalArgumentException if {@code bytes} is not positive
     */
    public Builder maxReplySize(long bytes) {
      if (bytes < 1) {
        throw new IllegalArgumentException("maxReplySize is " + bytes + "; expected a positive number of bytes");
      }
      this.maxReplySize = bytes;
      return this;
    }

    /** Sets the retry policy (default {@link RetryPolicy#defaults()}). */
    public Builder retryPolicy(RetryPolicy retryPolicy) {
      this.retryPolicy = requireNonNull(retryPolicy, "retryPolicy == null");
      return this;
    }

    /** Sets which certificates to trust (default: the JVM's trust store). */
    public Builder tlsTrust(TlsTrust tlsTrust) {
      this.tlsTrust = requireNonNull(tlsTrust, "tlsTrust == null");
      return this;
    }

    /**
     * Shares the connection pool and threads of {@code okHttpClient}. The client derives its own
     * configuration from it and never closes it. TLS trust and host name verification always come
     * from {@link #tlsTrust(TlsTrust)}, never from {@code okHttpClient}.
     */
    public Builder okHttpClient(OkHttpClient okHttpClient) {
      this.okHttpClient = requireNonNull(okHttpClient, "okHttpClient == null");
      return this;
    }

    /** Sets the clock (default UTC system clock). */
    public Builder clock(Clock clock) {
      this.clock = requireNonNull(clock, "clock == null");
      return this;
    }

    /**
     * Returns the client.
     *
     * @throws IllegalStateException if no address or no credentials were given
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
      tlsTrust.apply(http, apiBase.host());
      return new RealCmsClient(apiBase, http.build(), owned, username, password, retryPolicy, clock);
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
