package io.mmsdk.meetings;

import io.mmsdk.meetings.Meeting.LogEntry;
import io.mmsdk.meetings.Meeting.LogKind;
import java.time.Instant;
import java.util.List;

/**
 * One meeting's log, oldest first, stored in two growing rings of primitives and strings rather
 * than as {@link LogEntry} objects: an entry costs 24 bytes in them and no object of its own, so
 * appending allocates nothing (once the rings have grown) and the collector has no per-entry
 * object, nor the record's {@code Instant}, to copy while a meeting lives. Entries are made again
 * from the rings when a snapshot asks ({@link #entries}); they are equal to those appended. Each
 * entry keeps beside it the estimate {@link BoundedLog} counted for it. Not thread-safe: guarded by
 * the {@link MeetingTracker}'s lock.
 */
final class LogRing {
  private static final LogKind[] KINDS = LogKind.values();
  private static final int INITIAL_CAPACITY = 8;

  // Entry i of the ring is slot (head + i) % capacity. Two longs per slot: the time's epoch
  // second shifted left by 8 with the kind's ordinal in the low byte (an Instant's second takes
  // 56 bits), then the nanosecond in the high half and the estimate in the low half. Two strings
  // per slot: subject and detail.
  private long[] words = new long[2 * INITIAL_CAPACITY];
  private String[] texts = new String[2 * INITIAL_CAPACITY];
  private int head;
  private int size;
  private long bytes;

  /** {@return how many entries the log keeps} */
  int size() {
    return size;
  }

  /** {@return the sum of the kept entries' estimates} */
  long bytes() {
    return bytes;
  }

  /**
   * Appends the entry ({@code t}, {@code kind}, {@code subject}, {@code detail}), whose estimate is
   * {@code estimate} bytes.
   */
  void addLast(Instant t, LogKind kind, String subject, String detail, int estimate) {
    int capacity = words.length / 2;
    if (size == capacity) {
      grow(capacity);
      capacity = words.length / 2;
    }
    int slot = (head + size) % capacity;
    words[2 * slot] = t.getEpochSecond() << 8 | kind.ordinal();
    words[2 * slot + 1] = (long) t.getNano() << 32 | estimate;
    texts[2 * slot] = subject;
    texts[2 * slot + 1] = detail;
    size++;
    bytes += estimate;
  }

  /** Forgets the oldest entry (there is one), letting go of its strings. */
  void removeFirst() {
    bytes -= (int) words[2 * head + 1];
    texts[2 * head] = null;
    texts[2 * head + 1] = null;
    head = (head + 1) % (words.length / 2);
    size--;
  }

  /** Forgets every entry; the rings keep their capacity. */
  void clear() {
    for (int i = 0; i < size; i++) {
      int slot = (head + i) % (words.length / 2);
      texts[2 * slot] = null;
      texts[2 * slot + 1] = null;
    }
    head = 0;
    size = 0;
    bytes = 0;
  }

  /**
   * {@return the entries, oldest first, made again from the rings: an immutable list} Entries of
   * one time (a record's, logged together) share one {@code Instant}.
   */
  List<LogEntry> entries() {
    int capacity = words.length / 2;
    LogEntry[] out = new LogEntry[size];
    Instant time = null;
    for (int i = 0; i < size; i++) {
      int slot = (head + i) % capacity;
      long first = words[2 * slot];
      long second = words[2 * slot + 1];
      long epochSecond = first >> 8;
      int nano = (int) (second >>> 32);
      if (time == null || time.getEpochSecond() != epochSecond || time.getNano() != nano) {
        time = Instant.ofEpochSecond(epochSecond, nano);
      }
      out[i] = new LogEntry(time, KINDS[(int) (first & 0xff)], texts[2 * slot],
          texts[2 * slot + 1]);
    }
    return List.of(out);
  }

  /** {@return the epoch second of entry {@code i}, 0 the oldest} */
  long epochSecond(int i) {
    return words[2 * slot(i)] >> 8;
  }

  /** {@return the nanosecond of entry {@code i}} */
  int nano(int i) {
    return (int) (words[2 * slot(i) + 1] >>> 32);
  }

  /** {@return the kind of entry {@code i}} */
  LogKind kind(int i) {
    return KINDS[(int) (words[2 * slot(i)] & 0xff)];
  }

  /** {@return the subject of entry {@code i}} */
  String subject(int i) {
    return texts[2 * slot(i)];
  }

  /** {@return the detail of entry {@code i}} */
  String detail(int i) {
    return texts[2 * slot(i) + 1];
  }

  private int slot(int i) {
    return (head + i) % (words.length / 2);
  }

  // By half: a log's slack is at most a third of it (the rings are most of a short meeting).
  private void grow(int capacity) {
    int grown = capacity + (capacity >> 1);
    long[] w = new long[2 * grown];
    String[] s = new String[2 * grown];
    for (int i = 0; i < size; i++) {
      int slot = (head + i) % capacity;
      w[2 * i] = words[2 * slot];
      w[2 * i + 1] = words[2 * slot + 1];
      s[2 * i] = texts[2 * slot];
      s[2 * i + 1] = texts[2 * slot + 1];
    }
    words = w;
    texts = s;
    head = 0;
  }
}
