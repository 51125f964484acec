package io.mmsdk.meetings;

import io.mmsdk.meetings.Meeting.LogEntry;
import io.mmsdk.meetings.TrackerState.M;

/**
 * Keeps each meeting's log within its bounds: at most {@code maxEntries} entries and at most
 * {@code maxBytesPerParticipant} estimated bytes per call leg the meeting has had (at least one),
 * dropping the oldest entries first. Each entry's estimate is kept beside it (4 bytes, counted in
 * {@link #LOG_ENTRY_BYTES}), so dropping one reads no string. Not thread-safe: guarded by the
 * {@link MeetingTracker}'s lock.
 */
final class BoundedLog {
  /**
   * The estimated retained size of a log entry without its strings: the entry, its {@code Instant},
   * its slot in the log and its kept estimate.
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
    int bytes = (int) Math.min(Integer.MAX_VALUE, estimatedBytes(e));
    int n = m.log.size();
    if (n == m.logSizes.length) {
      int[] grown = new int[n * 2];
      for (int i = 0; i < n; i++) {
        grown[i] = m.logSizes[(m.logSizesHead + i) % n];
      }
      m.logSizes = grown;
      m.logSizesHead = 0;
    }
    m.logSizes[(m.logSizesHead + n) % m.logSizes.length] = bytes;
    m.log.addLast(e);
    m.logBytes += bytes;
    long maxBytes = maxBytesPerParticipant * Math.max(1, m.legs.size());
    while (m.log.size() > maxEntries || (m.logBytes > maxBytes && m.log.size() > 1)) {
      // The size kept beside the entry: the entry and its strings are long out of the cache.
      m.log.pollFirst();
      m.logBytes -= m.logSizes[m.logSizesHead];
      m.logSizesHead = (m.logSizesHead + 1) % m.logSizes.length;
    }
  }

  /** Empties {@code m}'s log. */
  static void clear(M m) {
    m.log.clear();
    m.logBytes = 0;
    m.logSizesHead = 0;
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
