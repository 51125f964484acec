package io.mmsdk.cms.core;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Query options for listing a collection: typed filters, and the page size to ask for. The server
 * caps each page at its own per-collection limit, so a page may hold fewer items than
 * {@link #pageSize()}; lists advance by the number of items actually returned. Immutable.
 *
 * <pre>{@code
 * ListOptions options = ListOptions.builder().filter("sales").tenantFilter(tenantId).build();
 * }</pre>
 */
public final class ListOptions {
  /** The page size asked for when none is set. */
  public static final int DEFAULT_PAGE_SIZE = 100;

  private static final ListOptions NONE = builder().build();

  private final Map<String, String> parameters;
  private final int pageSize;

  private ListOptions(Builder builder) {
    this.parameters = Collections.unmodifiableMap(new LinkedHashMap<>(builder.parameters));
    this.pageSize = builder.pageSize;
  }

  /** {@return options without filters and the default page size} */
  public static ListOptions none() {
    return NONE;
  }

  /** {@return a new builder} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return the filter parameters by wire name, in insertion order} */
  public Map<String, String> parameters() {
    return parameters;
  }

  /** {@return the {@code limit} sent with each page request} */
  public int pageSize() {
    return pageSize;
  }

  /** {@return a builder holding these options} */
  public Builder toBuilder() {
    Builder builder = new Builder();
    builder.parameters.putAll(parameters);
    builder.pageSize = pageSize;
    return builder;
  }

  @Override
  public String toString() {
    return "ListOptions" + parameters + " pageSize=" + pageSize;
  }

  /** Values of {@code usageFilter} on profile collections. */
  public enum Usage {
    /** Only profiles referenced by another object. */
    REFERENCED("referenced"),
    /** Only profiles nothing references. */
    UNREFERENCED("unreferenced");

    private final String wireName;

    Usage(String wireName) {
      this.wireName = wireName;
    }

    /** {@return the wire value} */
    public String wireName() {
      return wireName;
    }
  }

  /** Builds {@link ListOptions}. Not thread-safe. */
  public static final class Builder {
    private final Map<String, String> parameters = new LinkedHashMap<>();
    private int pageSize = DEFAULT_PAGE_SIZE;

    private Builder() {}

    /**
     * Sets {@code filter}: objects whose name or URI contains {@code text}.
     *
     * @param text {@code filter}: objects whose name or URI contains {@code text}
     * @return this builder
     */
    public Builder filter(String text) {
      return parameter("filter", text);
    }

    /**
     * Sets {@code tenantFilter}: objects of the tenant with id {@code tenantId}.
     *
     * @param tenantId {@code tenantFilter}: objects of the tenant with id {@code tenantId}
     * @return this builder
     */
    public Builder tenantFilter(String tenantId) {
      return parameter("tenantFilter", tenantId);
    }

    /**
     * Sets {@code usageFilter} on profile collections.
     *
     * @param usage {@code usageFilter} on profile collections
     * @return this builder
     */
    public Builder usageFilter(Usage usage) {
      requireNonNull(usage, "usage == null");
      return parameter("usageFilter", usage.wireName());
    }

    /**
     * Sets {@code coSpaceFilter} (calls of one coSpace).
     *
     * @param coSpaceId {@code coSpaceFilter} (calls of one coSpace)
     * @return this builder
     */
    public Builder coSpaceFilter(String coSpaceId) {
      return parameter("coSpaceFilter", coSpaceId);
    }

    /**
     * Sets {@code callLegProfileFilter}.
     *
     * @param callLegProfileId {@code callLegProfileFilter}
     * @return this builder
     */
    public Builder callLegProfileFilter(String callLegProfileId) {
      return parameter("callLegProfileFilter", callLegProfileId);
    }

    /**
     * Sets {@code participantFilter} (call legs of one participant).
     *
     * @param participantId {@code participantFilter} (call legs of one participant)
     * @return this builder
     */
    public Builder participantFilter(String participantId) {
      return parameter("participantFilter", participantId);
    }

    /**
     * Sets {@code callBridgeFilter} (participants hosted on one Call Bridge).
     *
     * @param callBridgeId {@code callBridgeFilter} (participants hosted on one Call Bridge)
     * @return this builder
     */
    public Builder callBridgeFilter(String callBridgeId) {
      return parameter("callBridgeFilter", callBridgeId);
    }

    /**
     * Sets {@code emailFilter} (users with exactly this email).
     *
     * @param email {@code emailFilter} (users with exactly this email)
     * @return this builder
     */
    public Builder emailFilter(String email) {
      return parameter("emailFilter", email);
    }

    /**
     * Sets {@code startTime} (license usage; inclusive).
     *
     * @param startTime {@code startTime} (license usage; inclusive)
     * @return this builder
     */
    public Builder startTime(Instant startTime) {
      requireNonNull(startTime, "startTime == null");
      return parameter("startTime", startTime.toString());
    }

    /**
     * Sets {@code endTime} (license usage; inclusive).
     *
     * @param endTime {@code endTime} (license usage; inclusive)
     * @return this builder
     */
    public Builder endTime(Instant endTime) {
      requireNonNull(endTime, "endTime == null");
      return parameter("endTime", endTime.toString());
    }

    /**
     * Sets {@code hostId} (license usage of one Call Bridge host).
     *
     * @param hostId {@code hostId} (license usage of one Call Bridge host)
     * @return this builder
     */
    public Builder hostId(String hostId) {
      return parameter("hostId", hostId);
    }

    /**
     * Sets any other query parameter by wire name. The list request rejects a parameter its
     * {@link ResourceType} does not accept.
     *
     * @param name the parameter's wire name
     * @param value its value
     * @return this builder
     */
    public Builder parameter(String name, String value) {
      requireNonNull(name, "name == null");
      requireNonNull(value, "value == null");
      if (name.equals("offset") || name.equals("limit")) {
        throw new IllegalArgumentException(
            name + " is managed by the list; use pageSize(int) or CmsResources.page(offset, limit, options)");
      }
      parameters.put(name, value);
      return this;
    }

    /**
     * Sets the {@code limit} asked for per page, 1 or more (the server may return fewer).
     *
     * @param pageSize the {@code limit} asked for per page, 1 or more (the server may return fewer)
     * @return this builder
     */
    public Builder pageSize(int pageSize) {
      if (pageSize < 1) {
        throw new IllegalArgumentException("pageSize is " + pageSize + "; expected 1 or more");
      }
      this.pageSize = pageSize;
      return this;
    }

    /** {@return the options} */
    public ListOptions build() {
      return new ListOptions(this);
    }
  }
}
