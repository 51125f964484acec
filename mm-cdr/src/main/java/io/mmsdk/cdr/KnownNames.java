package io.mmsdk.cdr;

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

  /** Open addressing by String hash; a quarter full at most. */
  private static final String[] TABLE;
  private static final byte[][] BYTES;
  private static final int MASK;

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
    MASK = size - 1;
    int longest = 0;
    for (String s : all) {
      int i = slot(s.hashCode());
      while (TABLE[i] != null) {
        i = (i + 1) & MASK;
      }
      TABLE[i] = s;
      BYTES[i] = s.getBytes(StandardCharsets.US_ASCII);
      longest = Math.max(longest, s.length());
    }
    MAX_LENGTH = longest;
  }

  private KnownNames() {}

  private static int slot(int hash) {
    return (hash ^ (hash >>> 11)) & MASK;
  }

  /**
   * Returns the known name spelled by {@code b[off, off + len)}, or null; {@code hash} is the
   * bytes' String hash ({@code h = 31 * h + (byte & 0xFF)}).
   */
  static String find(byte[] b, int off, int len, int hash) {
    for (int i = slot(hash); ; i = (i + 1) & MASK) {
      String s = TABLE[i];
      if (s == null) {
        return null;
      }
      byte[] k = BYTES[i];
      if (k.length == len && s.hashCode() == hash && java.util.Arrays.equals(k, 0, len, b, off,
          off + len)) {
        return s;
      }
    }
  }
}
