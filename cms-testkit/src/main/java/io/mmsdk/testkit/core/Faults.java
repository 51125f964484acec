package io.mmsdk.testkit.core;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Fault injection for one simulated Call Bridge's HTTP API. Rules match a method (or {@code null}
 * for
 * any) and a path pattern relative to {@code /api/v1/} ({@code "calls/*}{@code /callLegs"}: {@code
 * *}
 * matches one path segment; the pattern matches the path's beginning). Each rule fires a set number
 * of
 * times, then disappears. Thread-safe.
 */
public final class Faults {
  /** What a matching rule does to a request. */
  public enum Kind {
    /** Reply with an HTTP status and no change. */
    STATUS,
    /** Reply 400 with a {@code failureDetails} reason and no change. */
    FAILURE_REASON,
    /** Close the connection without a reply and without applying the request. */
    DROP,
    /** Apply the request, then close the connection without a reply (an in-doubt write). */
    DROP_AFTER_APPLYING
  }

  /** A matched fault the bridge must act on. */
  public record Action(Kind kind, int status, String reason) {}

  private final List<Rule> rules = new ArrayList<>();
  private Duration latency = Duration.ZERO;

  /**
   * Creates an empty rule set; each simulated bridge owns one, see {@code
   * SimulatedCallBridge.faults()}.
   */
  public Faults() {}

  /**
   * Makes the next {@code count} requests of any kind fail with {@code httpStatus} (e.g. 503).
   *
   * @param count how many requests fail, 1 or more
   * @param httpStatus the status they get, 400 to 599
   * @return these faults, for chaining
   * @throws IllegalArgumentException if {@code count} is below 1 or {@code httpStatus} is not
   *     400..599
   */
  public Faults failNext(int count, int httpStatus) {
    return add(null, "", count, 0, Kind.STATUS, httpStatus, null);
  }

  /**
   * Makes the next {@code count} requests matching {@code method} and {@code path} fail with a
   * status.
   *
   * @param method the HTTP method to match, such as {@code "GET"}, or null for any
   * @param path the path pattern under {@code /api/v1/} ({@code *} matches one segment); not null
   * @param count how many matching requests fail, 1 or more
   * @param httpStatus the status they get, 400 to 599
   * @return these faults, for chaining
   * @throws IllegalArgumentException if {@code count} is below 1 or {@code httpStatus} is not
   *     400..599
   */
  public Faults failNext(String method, String path, int count, int httpStatus) {
    return add(method, path, count, 0, Kind.STATUS, httpStatus, null);
  }

  /**
   * Makes only the {@code nth} (1-based) next request matching {@code method}/{@code path} fail.
   *
   * @param method the HTTP method to match, or null for any
   * @param path the path pattern under {@code /api/v1/}; not null
   * @param nth which matching request fails, 1 for the next one; the ones before it pass
   * @param httpStatus the status it gets, 400 to 599
   * @return these faults, for chaining
   * @throws IllegalArgumentException if {@code nth} is below 1 or {@code httpStatus} is not
   *     400..599
   */
  public Faults failNth(String method, String path, int nth, int httpStatus) {
    if (nth < 1) {
      throw new IllegalArgumentException("nth must be >= 1, was " + nth);
    }
    return add(method, path, 1, nth - 1, Kind.STATUS, httpStatus, null);
  }

  /**
   * Makes the next {@code count} matching requests fail with 400 and {@code reason} in
   * failureDetails.
   *
   * @param method the HTTP method to match, or null for any
   * @param path the path pattern under {@code /api/v1/}; not null
   * @param count how many matching requests fail, 1 or more
   * @param reason the {@code failureDetails} child element, such as {@code duplicateCoSpaceUri}
   * @return these faults, for chaining
   * @throws IllegalArgumentException if {@code count} is below 1
   */
  public Faults failNextWithReason(String method, String path, int count, String reason) {
    requireNonNull(reason, "reason == null");
    return add(method, path, count, 0, Kind.FAILURE_REASON, 400, reason);
  }

  /**
   * Makes only the {@code nth} (1-based) next matching request fail with 400 and {@code reason}.
   *
   * @param method the HTTP method to match, or null for any
   * @param path the path pattern under {@code /api/v1/}; not null
   * @param nth which matching request fails, 1 for the next one
   * @param reason the {@code failureDetails} child element to reply with
   * @return these faults, for chaining
   * @throws IllegalArgumentException if {@code nth} is below 1
   */
  public Faults failNthWithReason(String method, String path, int nth, String reason) {
    requireNonNull(reason, "reason == null");
    if (nth < 1) {
      throw new IllegalArgumentException("nth must be >= 1, was " + nth);
    }
    return add(method, path, 1, nth - 1, Kind.FAILURE_REASON, 400, reason);
  }

  /**
   * Closes the connection on the next {@code count} matching requests without applying them.
   *
   * @param method the HTTP method to match, or null for any
   * @param path the path pattern under {@code /api/v1/}; not null
   * @param count how many matching requests are dropped, 1 or more
   * @return these faults, for chaining
   * @throws IllegalArgumentException if {@code count} is below 1
   */
  public Faults dropNext(String method, String path, int count) {
    return add(method, path, count, 0, Kind.DROP, 0, null);
  }

  /**
   * Applies the next {@code count} matching requests but closes the connection instead of replying.
   *
   * @param method the HTTP method to match, or null for any
   * @param path the path pattern under {@code /api/v1/}; not null
   * @param count how many matching requests are applied and then dropped, 1 or more
   * @return these faults, for chaining
   * @throws IllegalArgumentException if {@code count} is below 1
   */
  public Faults dropResponseAfterApplying(String method, String path, int count) {
    return add(method, path, count, 0, Kind.DROP_AFTER_APPLYING, 0, null);
  }

  /**
   * Delays every reply by {@code delay} of real time ({@link Duration#ZERO} to stop).
   *
   * @param delay the wall-clock delay added before every reply; {@link Duration#ZERO} for none
   * @return these faults, for chaining
   * @throws IllegalArgumentException if {@code delay} is negative
   */
  public synchronized Faults latency(Duration delay) {
    requireNonNull(delay, "delay == null");
    if (delay.isNegative()) {
      throw new IllegalArgumentException("delay must not be negative, was " + delay);
    }
    this.latency = delay;
    return this;
  }

  /** {@return the configured reply latency} */
  public synchronized Duration latency() {
    return latency;
  }

  /** Removes every rule and the latency. */
  public synchronized void clear() {
    rules.clear();
    latency = Duration.ZERO;
  }

  /**
   * {@return the action for a request, consuming one use of the first matching rule, or {@code
   * null}}
   * Called by the simulated bridge for each request.
   *
   * @param method the request's HTTP method, upper case
   * @param apiPath the request's path under {@code /api/v1/}
   */
  public synchronized Action match(String method, String apiPath) {
    for (Iterator<Rule> it = rules.iterator(); it.hasNext(); ) {
      Rule r = it.next();
      if ((r.method == null || r.method.equals(method)) && r.path.matcher(apiPath).lookingAt()) {
        if (r.skip > 0) {
          r.skip--;
          continue;
        }
        if (--r.remaining <= 0) {
          it.remove();
        }
        return new Action(r.kind, r.status, r.reason);
      }
    }
    return null;
  }

  private synchronized Faults add(String method, String path, int count, int skip, Kind kind,
      int status, String reason) {
    requireNonNull(path, "path == null");
    if (count < 1) {
      throw new IllegalArgumentException("count must be >= 1, was " + count);
    }
    if (kind == Kind.STATUS && (status < 400 || status > 599)) {
      throw new IllegalArgumentException("httpStatus must be 400..599, was " + status);
    }
    rules.add(new Rule(method == null ? null : method.toUpperCase(Locale.ROOT), compile(path), count,
        skip, kind, status, reason));
    return this;
  }

  private static Pattern compile(String path) {
    String p = path.startsWith("/api/v1/") ? path.substring(8) : path.replaceFirst("^/+", "");
    StringBuilder regex = new StringBuilder();
    for (String part : p.split("\\*", -1)) {
      if (regex.length() > 0) {
        regex.append("[^/]+");
      }
      regex.append(Pattern.quote(part));
    }
    return Pattern.compile(regex.toString());
  }

  private static final class Rule {
    final String method;
    final Pattern path;
    int remaining;
    int skip;
    final Kind kind;
    final int status;
    final String reason;

    Rule(String method, Pattern path, int remaining, int skip, Kind kind, int status, String reason) {
      this.method = method;
      this.path = path;
      this.remaining = remaining;
      this.skip = skip;
      this.kind = kind;
      this.status = status;
      this.reason = reason;
    }
  }
}
