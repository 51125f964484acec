package io.mmsdk.cdr;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link CdrJournal}'s entry format and the reading of a segment file. An entry is the magic
 * {@code CDR1}, the payload's length and its CRC-32, then the payload: the origin's cluster and
 * tags, the receive time and the raw XML of the batch. Reading visits the intact entries in order,
 * skips a damaged one followed by intact ones, and reports where the intact part ends, so the
 * journal can cut a torn tail.
 */
final class JournalEntries {
  private static final Logger log = LoggerFactory.getLogger(CdrJournal.class);
  private static final int MAGIC = 0x43445231; // "CDR1"
  private static final int HEADER = 12; // magic, length, crc

  private JournalEntries() {}

  /** Visits one intact entry's payload; {@code endOffset} is where the entry ends in its file. */
  interface Visitor {
    void visit(long endOffset, byte[] payload);
  }

  /**
   * {@return batch {@code b} as one entry, header included, in two buffers to write in order}: the
   * header and metadata, then the raw XML itself, not copied.
   */
  static ByteBuffer[] encode(ReceivedBatch b) {
    byte[] body = b.bodyNoCopy();
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream(128);
      DataOutputStream out = new DataOutputStream(bytes);
      out.writeInt(MAGIC);
      out.writeInt(0); // length, patched below
      out.writeInt(0); // crc, patched below
      Map<String, String> tags = b.origin().tags();
      writeString(out, b.origin().clusterId());
      out.writeInt(tags.size());
      for (Map.Entry<String, String> t : tags.entrySet()) {
        writeString(out, t.getKey());
        writeString(out, t.getValue());
      }
      out.writeLong(b.receivedAt().getEpochSecond());
      out.writeInt(b.receivedAt().getNano());
      out.writeInt(body.length);
      out.flush();
      byte[] head = bytes.toByteArray();
      CRC32 c = new CRC32();
      c.update(head, HEADER, head.length - HEADER);
      c.update(body);
      ByteBuffer.wrap(head, 4, 8).putInt(head.length - HEADER + body.length)
          .putInt((int) c.getValue());
      return new ByteBuffer[] {ByteBuffer.wrap(head), ByteBuffer.wrap(body)};
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * {@return the batch in {@code payload}, parsed again with {@code parser}, or null (logged) if its
   * XML no longer parses}
   */
  static ReceivedBatch decode(byte[] payload, CdrParser parser, Path file) {
    ByteBuffer in = ByteBuffer.wrap(payload);
    String cluster = readString(in);
    int n = in.getInt();
    Map<String, String> tags = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      tags.put(readString(in), readString(in));
    }
    Instant at = Instant.ofEpochSecond(in.getLong(), in.getInt());
    byte[] body = new byte[in.getInt()];
    in.get(body);
    try {
      return ReceivedBatch.wrap(new CdrOrigin(cluster, tags), at, body, parser.parse(body));
    } catch (CdrParseException e) {
      log.warn("CDR journal {}: skipping a stored batch that no longer parses: {}", file,
          e.getMessage());
      return null;
    }
  }

  /** {@return only the receive time of an entry (no XML parsing), for retention bookkeeping} */
  static Instant receivedAt(byte[] payload) {
    ByteBuffer in = ByteBuffer.wrap(payload);
    readString(in);
    int n = in.getInt();
    for (int i = 0; i < 2 * n; i++) {
      readString(in);
    }
    return Instant.ofEpochSecond(in.getLong(), in.getInt());
  }

  /**
   * Visits the intact entries of {@code file} in order and returns the offset after the last one.
   * A damaged entry followed by intact ones (corruption in the middle) is reported and skipped;
   * damage with no intact entry after it is a torn tail, left to the caller.
   */
  static long read(Path file, Visitor visitor) throws IOException {
    int offset = 0;
    int end = 0;
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      if (ch.size() > Integer.MAX_VALUE) {
        throw new IOException("segment " + file + " is over 2 GiB; it was not written by this"
            + " journal");
      }
      // Read, not mapped: a concurrent cut of a failed append must not fault a mapped page.
      ByteBuffer map = ByteBuffer.allocate((int) ch.size());
      while (map.hasRemaining()) {
        if (ch.read(map, map.position()) < 0) {
          break;
        }
      }
      map.flip();
      int size = map.limit();
      while (offset + HEADER <= size) {
        int len = entryLength(map, offset);
        if (len < 0) {
          int next = nextEntry(map, offset + 1);
          if (next < 0) {
            break;
          }
          log.warn("CDR journal {}: skipping {} damaged bytes at offset {} (a corrupt entry in the"
              + " middle of the segment; the batch in it is lost, the entries after it are kept)",
              file, next - offset, offset);
          offset = next;
          continue;
        }
        byte[] payload = new byte[len];
        map.get(offset + HEADER, payload);
        offset += HEADER + len;
        end = offset;
        visitor.visit(offset, payload);
      }
    }
    return end;
  }

  /** Returns the payload length of a valid entry at {@code offset}, or -1 if there is none. */
  private static int entryLength(ByteBuffer map, int offset) {
    int size = map.limit();
    if (offset + HEADER > size || map.getInt(offset) != MAGIC) {
      return -1;
    }
    int len = map.getInt(offset + 4);
    if (len < 0 || len > size - offset - HEADER) {
      return -1;
    }
    CRC32 c = new CRC32();
    c.update(map.slice(offset + HEADER, len));
    return (int) c.getValue() == map.getInt(offset + 8) ? len : -1;
  }

  /** Returns the offset of the next valid entry at or after {@code from}, or -1. */
  private static int nextEntry(ByteBuffer map, int from) {
    int size = map.limit();
    for (int i = from; i + HEADER <= size; i++) {
      if (map.get(i) == 0x43 && map.getInt(i) == MAGIC && entryLength(map, i) >= 0) {
        return i;
      }
    }
    return -1;
  }

  private static void writeString(DataOutputStream out, String s) throws IOException {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    out.writeInt(b.length);
    out.write(b);
  }

  private static String readString(ByteBuffer in) {
    byte[] b = new byte[in.getInt()];
    in.get(b);
    return new String(b, StandardCharsets.UTF_8);
  }
}
