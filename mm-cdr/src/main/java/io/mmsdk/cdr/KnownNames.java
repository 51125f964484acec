package io.mmsdk.cdr;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The element and attribute names (and record types) a CDR batch is made of, as the String
 * constants {@link StaxCdrReader}, {@link CdrCursor} and {@link RecordSchema} compare against, so
 * that {@link CdrXmlReader} returns those very objects for their bytes, with no allocation and
 * identity-fast {@code equals} and {@code switch}. A missing name only costs a String; the
 * structure names below are the literals of the reading code (Java interns them).
 */
final class KnownNames {
  /** The longest name in the table, in bytes. */
  static final int MAX_LENGTH;

  private static final String[] STRUCTURE = {
      "records", "record", "session", "callBridge", "type", "time", "recordIndex",
      "correlatorIndex", "numPreceedingRecordsMissing", "id", "alarm", "durationPercentage",
      "mediaUsagePercentages", "mainVideoViewer", "mainVideoContributor", "presentationViewer",
      "presentationContributor", "multiStreamVideo", "rxAudio", "txAudio", "rxVideo", "txVideo",
      "codec", "maxSizeWidth", "maxSizeHeight", "packetStatistics", "packetLossBursts",
      "packetGap", "duration", "density"};

  /** Open addressing by {@link #hash}; a quarter full at most. */
  private static final String[] TABLE;
  private static final byte[][] BYTES;
  /** Each name's first and second eight bytes as {@link #word} reads them, and its length. */
  private static final long[] FIRST;
  private static final long[] SECOND;
  private static final int[] LENGTHS;
  private static final int MASK;
  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  static {
    Set<String> all = new LinkedHashSet<>(java.util.List.of(STRUCTURE));
    for (RecordSchema s : RecordSchema.values()) {
      all.add(s.type);
      all.add(s.bodyElement);
    }
    for (RecordSchema.Field f : RecordSchema.Field.values()) {
      all.add(f.element);
    }
    int size = Integer.highestOneBit(all.size() * 4 - 1) << 1;
    TABLE = new String[size];
    BYTES = new byte[size][];
    FIRST = new long[size];
    SECOND = new long[size];
    LENGTHS = new int[size];
    MASK = size - 1;
    int longest = 0;
    for (String s : all) {
      byte[] k = s.getBytes(StandardCharsets.US_ASCII);
      long first = word(k, 0, k.length);
      int i = hash(first, k.length) & MASK;
      while (TABLE[i] != null) {
        i = (i + 1) & MASK;
      }
      TABLE[i] = s;
      BYTES[i] = k;
      FIRST[i] = first;
      SECOND[i] = k.length > 8 ? word(k, 8, k.length - 8) : 0;
      LENGTHS[i] = k.length;
      longest = Math.max(longest, s.length());
    }
    MAX_LENGTH = longest;
  }

  private KnownNames() {}

  /** The first {@code min(len, 8)} bytes at {@code off}, little-endian, zero above. */
  private static long word(byte[] b, int off, int len) {
    if (off + 8 <= b.length) {
      long w = (long) LONGS.get(b, off);
      return len >= 8 ? w : w & ((1L << (len << 3)) - 1);
    }
    long w = 0;
    for (int i = Math.min(len, 8) - 1; i >= 0; i--) {
      w = (w << 8) | (b[off + i] & 0xFF);
    }
    return w;
  }

  private static int hash(long first, int len) {
    return (int) (((first + len) * 0x9E3779B97F4A7C15L) >>> 40);
  }

  /** Returns the known name spelled by {@code b[off, off + len)}, or null. */
  static String find(byte[] b, int off, int len) {
    if (len > MAX_LENGTH || len == 0) {
      return null;
    }
    long first = word(b, off, len);
    long second = len > 8 ? word(b, off + 8, len - 8) : 0;
    for (int i = hash(first, len) & MASK; ; i = (i + 1) & MASK) {
      if (FIRST[i] == first && SECOND[i] == second && LENGTHS[i] == len
          && (len <= 16 || same(BYTES[i], 16, b, off + 16, len - 16))) {
        return TABLE[i];
      }
      if (TABLE[i] == null) {
        return null;
      }
    }
  }

  /**
   * Whether {@code a[ao, ao + len)} and {@code b[bo, bo + len)} hold the same bytes. Names are
   * short: eight bytes at a time, which beats both a byte loop and the vectorised compare's set-up.
   */
  static boolean same(byte[] a, int ao, byte[] b, int bo, int len) {
    int i = 0;
    for (; i < len && ao + i + 8 <= a.length && bo + i + 8 <= b.length; i += 8) {
      long x = (long) LONGS.get(a, ao + i) ^ (long) LONGS.get(b, bo + i);
      int rest = len - i;
      if (rest < 8) {
        return (x & ((1L << (rest << 3)) - 1)) == 0; // only the bytes within both ranges
      }
      if (x != 0) {
        return false;
      }
    }
    for (; i < len; i++) {
      if (a[ao + i] != b[bo + i]) {
        return false;
      }
    }
    return true;
  }
}
