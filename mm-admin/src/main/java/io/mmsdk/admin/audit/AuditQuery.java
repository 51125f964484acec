package io.mmsdk.admin.audit;

import java.time.Instant;
import java.util.Objects;

/**
 * A filter over the audit trail; unset criteria match everything. Build with {@link #builder()}.
 * Times are half-open: {@code from} inclusive, {@code until} exclusive.
 */
public final class AuditQuery {
  private final String actor;
  private final String actionPrefix;
  private final String target;
  private final Instant from;
  private final Instant until;
  private final int limit;

  private AuditQuery(Builder b) {
    this.actor = b.actor;
    this.actionPrefix = b.actionPrefix;
    this.target = b.target;
    this.from = b.from;
    this.until = b.until;
    this.limit = b.limit;
  }

  /** {@return a query that matches every event} */
  public static AuditQuery all() {
    return builder().build();
  }

  /** {@return a new builder} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * {@return true when {@code e} matches every set criterion}
   *
   * @param e the event to test
   */
  public boolean matches(AuditEvent e) {
    return (actor == null || actor.equals(e.actor()))
        && (actionPrefix == null || e.action().startsWith(actionPrefix))
        && (target == null || target.equals(e.target()))
        && (from == null || !e.at().isBefore(from))
        && (until == null || e.at().isBefore(until));
  }

  /**
   * {@return the maximum number of events returned (newest kept), {@code Integer.MAX_VALUE} if
   * unset}
   */
  public int limit() {
    return limit;
  }

  /** Builds an {@link AuditQuery}. */
  public static final class Builder {
    private String actor;
    private String actionPrefix;
    private String target;
    private Instant from;
    private Instant until;
    private int limit = Integer.MAX_VALUE;

    private Builder() {}

    /**
     * Matches events by this actor only.
     *
     * @param actor the actor's name, compared exactly; not null
     * @return this builder
     */
    public Builder actor(String actor) {
      this.actor = Objects.requireNonNull(actor, "actor == null");
      return this;
    }

    /**
     * Matches actions starting with {@code prefix} (e.g. {@code "user."}).
     *
     * @param prefix the start of the action name; not null
     * @return this builder
     */
    public Builder actionPrefix(String prefix) {
      this.actionPrefix = Objects.requireNonNull(prefix, "prefix == null");
      return this;
    }

    /**
     * Matches events on this target only.
     *
     * @param target the target, compared exactly; not null
     * @return this builder
     */
    public Builder target(String target) {
      this.target = Objects.requireNonNull(target, "target == null");
      return this;
    }

    /**
     * Matches events at or after {@code from}.
     *
     * @param from the earliest event time included; not null
     * @return this builder
     */
    public Builder from(Instant from) {
      this.from = Objects.requireNonNull(from, "from == null");
      return this;
    }

    /**
     * Matches events before {@code until}.
     *
     * @param until the first event time excluded; not null
     * @return this builder
     */
    public Builder until(Instant until) {
      this.until = Objects.requireNonNull(until, "until == null");
      return this;
    }

    /**
     * {@return at most {@code limit} events, the newest ones}
     *
     * @param limit how many of the newest matching events to return, 1 or more
     * @throws IllegalArgumentException if {@code limit} is below 1
     */
    public Builder limit(int limit) {
      if (limit < 1) {
        throw new IllegalArgumentException("limit must be >= 1: " + limit);
      }
      this.limit = limit;
      return this;
    }

    /**
     * Builds the query.
     *
     * @return the query
     * @throws IllegalArgumentException if {@code from} is not before {@code until}
     */
    public AuditQuery build() {
      if (from != null && until != null && !from.isBefore(until)) {
        throw new IllegalArgumentException("from " + from + " must be before until " + until);
      }
      return new AuditQuery(this);
    }
  }
}
