package io.mmsdk.meetings;

import io.mmsdk.meetings.Meeting.LogEntry;
import io.mmsdk.meetings.TrackerState.M;

/**
 * Keeps each meeting's log within its bounds: at most {@code maxEntries} entries and at most
 * {@code maxBytesPerParticipant} estimated bytes per call leg the meeting has had (at least one),
 * dropping the oldest entries first. Not thread-safe: guarded by the {@link MeetingTracker}'s lock.
 */
final class BoundedLog {
  /**
   * The estimated retained size of a log entry without its strings: the entry, its {@code Instant}
   * and its slot in the log.
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

  /** Appends {@code e} to {@code m}'s log, dropping its oldest entries beyond the log's bounds. */
  void append(M m, LogEntry e) {
    m.log.addLast(e);
    m.logBytes += estimatedBytes(e);
    long maxBytes = maxBytesPerParticipant * Math.max(1, m.legs.size());
    while (m.log.size() > maxEntries || (m.logBytes > maxBytes && m.log.size() > 1)) {
      m.logBytes -= estimatedBytes(m.log.pollFirst());
    }
  }

  /**
   * Estimates what {@code e} retains, counting its strings as its own and two bytes per character.
   */
  static long estimatedBytes(LogEntry e) {
    return LOG_ENTRY_BYTES + estimatedBytes(e.subject()) + estimatedBytes(e.detail());
  }

  private static long estimatedBytes(String s) {
    return s == null || s.isEmpty() ? 0 : STRING_BYTES + 2L * s.length();
  }
}
