package io.mmsdk.core.notify;

import java.time.Instant;
import java.util.Objects;

/**
 * One active notification.
 *
 * @param key identifies the condition, e.g. {@code "licensing.unreachable.<bridgeId>"}; raising the
 *     same key again updates this notification instead of adding another
 * @param severity how serious it is
 * @param source which part of the SDK raised it, e.g. {@code "licensing"}
 * @param message what happened and what to do, for people
 * @param raisedAt when the condition was first raised (Scheduler clock)
 * @param updatedAt when it was last raised or changed
 */
public record Notification(
    String key, Severity severity, String source, String message, Instant raisedAt, Instant updatedAt) {
  /**
   * Checks that no component is null.
   *
   * @param key identifies the condition, e.g. {@code "licensing.unreachable.<bridgeId>"}; raising the same key again updates this notification instead of adding another
   * @param severity how serious it is
   * @param source which part of the SDK raised it, e.g. {@code "licensing"}
   * @param message what happened and what to do, for people
   * @param raisedAt when the condition was first raised (Scheduler clock)
   * @param updatedAt when it was last raised or changed
   */
  public Notification {
    Objects.requireNonNull(key, "key == null");
    Objects.requireNonNull(severity, "severity == null");
    Objects.requireNonNull(source, "source == null");
    Objects.requireNonNull(message, "message == null");
    Objects.requireNonNull(raisedAt, "raisedAt == null");
    Objects.requireNonNull(updatedAt, "updatedAt == null");
  }
}
