package io.mmsdk.meetings;

import io.mmsdk.meetings.Meeting.LogEntry;
import io.mmsdk.meetings.Meeting.LogKind;
import io.mmsdk.meetings.TrackerState.M;
import java.time.Instant;

/**
 * Keeps each meeting's log within its bounds: at most {@code maxEntries} entries and at most
 * {@code maxBytesPerParticipant} estimated bytes per call leg the meeting has had (at least one),
 * dropping the oldest entries first. Each entry's estimate is kept beside it in the {@link
 * LogRing}, so dropping one reads no string. Not thread-safe: guarded by the {@link
 * MeetingTracker}'s lock.
 */
final class BoundedLog {
  /**
   * The estimate of a log entry without its strings, the documented bound's figure: what an entry
   * retained as a {@link LogEntry} object with an {@code Instant} of its own. A {@link LogRing}
   * keeps one in 24 bytes, so the bound over-counts; it is kept so the bounds keep as many entries
   * as they are documented to.
   */
  static final int LOG_ENTRY_BYTES = 64;
  /** The estimated retained size of a non-empty string without its characters. */
  static final int STRING_BYTES = 40;

  private final int maxEntries;
  private final long maxBytesPerParticipant;

  BoundedLog(int maxEntries, long maxBytesPerParticipant) {
    this.maxEntries = maxEntries;
    this.maxBytesPerParticipant = maxBytesPerParticipant;
  }

  /**
   * Appends the entry ({@code time}, {@code kind}, {@code subject}, {@code detail}) to {@code m}'s
   * log, dropping its oldest entries beyond the log's bounds.
   */
  void append(M m, Instant time, LogKind kind, String subject, String detail) {
    long maxBytes = maxBytesPerParticipant * Math.max(1, m.legs().size());
    LogRing log = m.log();
    log.addLast(time, kind, subject, detail, estimate(subject, detail));
    while (log.size() > maxEntries || (log.bytes() > maxBytes && log.size() > 1)) {
      log.removeFirst(); // by the estimate kept beside the entry: its strings are out of the cache
    }
  }

  /**
   * Estimates what {@code e} retains, counting its strings as its own and two bytes per character.
   */
  static long estimatedBytes(LogEntry e) {
    return estimatedBytes(e.subject(), e.detail());
  }

  /** {@return the estimate of an entry of {@code subject} and {@code detail}, as kept in a ring} */
  static int estimate(String subject, String detail) {
    return (int) Math.min(Integer.MAX_VALUE, estimatedBytes(subject, detail));
  }

  private static long estimatedBytes(String subject, String detail) {
    return LOG_ENTRY_BYTES + estimatedBytes(subject) + estimatedBytes(detail);
  }

  private static long estimatedBytes(String s) {
    return s == null || s.isEmpty() ? 0 : STRING_BYTES + 2L * s.length();
  }
}
