package io.mmsdk.admin.audit;

import java.time.Instant;
import java.util.Objects;

/**
 * One entry of the audit trail. Never holds secrets: callers describe changes ("password changed"),
 * never values.
 *
 * @param sequence position in the trail, starting at 1, strictly increasing
 * @param at when it happened (Scheduler clock)
 * @param actor who did it: a username, or {@code "system"}
 * @param action what was done, e.g. {@code "user.create"}, {@code "cluster.update"}
 * @param target what it was done to, e.g. a username or cluster id
 * @param detail free text for people
 */
public record AuditEvent(long sequence, Instant at, String actor, String action, String target, String detail) {
  /**
   * Checks that no component is null and the sequence is positive.
   *
   * @param sequence position in the trail, starting at 1, strictly increasing
   * @param at when it happened (Scheduler clock)
   * @param actor who did it: a username, or {@code "system"}
   * @param action what was done, e.g. {@code "user.create"}, {@code "cluster.update"}
   * @param target what it was done to, e.g. a username or cluster id
   * @param detail free text for people
   */
  public AuditEvent {
    Objects.requireNonNull(at, "at == null");
    Objects.requireNonNull(actor, "actor == null");
    Objects.requireNonNull(action, "action == null");
    Objects.requireNonNull(target, "target == null");
    Objects.requireNonNull(detail, "detail == null");
    if (sequence < 1) {
      throw new IllegalArgumentException("sequence must be >= 1: " + sequence);
    }
  }
}
