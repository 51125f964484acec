package io.mmsdk.admin.audit;

import io.mmsdk.common.store.AtomicFiles;
import io.mmsdk.common.store.DamagedRecord;
import io.mmsdk.common.store.StoreFiles;
import io.mmsdk.common.store.StoreLock;
import io.mmsdk.core.internal.Fields;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.zip.CRC32;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Audit events as lines of tab-separated fields ending in {@code #<crc32>} (the checksum of the
 * line before that field), appended and fsynced one by one. A final line without its newline (a
 * crash during append, so never acknowledged) is cut off on load. A line in the middle that fails
 * its checksum or does not parse is logged, reported by {@link #damagedRecords()} and skipped; the
 * lines after it are kept. Lines of six fields without a checksum (written before checksums were
 * added) are still read.
 *
 * <p>Guarded by a {@link StoreLock} on {@code <file>.lock} from construction to {@link #close()}.
 */
final class FileAuditStore implements AuditStore {
  private static final Logger log = LoggerFactory.getLogger(FileAuditStore.class);
  private static final int FIELDS = 6;

  private final Path file;
  private final StoreLock lock;
  private List<DamagedRecord> damaged = List.of();

  FileAuditStore(Path file) {
    this.file = Objects.requireNonNull(file, "file == null");
    this.lock = StoreLock.acquire(file.resolveSibling(file.getFileName() + ".lock"));
  }

  @Override
  public synchronized List<AuditEvent> load() {
    lock.ensureHeld();
    byte[] bytes;
    int end;
    try {
      bytes = Files.readAllBytes(file);
      end = bytes.length;
      while (end > 0 && bytes[end - 1] != '\n') {
        end--;
      }
      if (end < bytes.length) {
        // Cut the unacknowledged partial line so the next append starts on a fresh line.
        try (FileChannel ch = StoreFiles.open(file, StandardOpenOption.WRITE)) {
          ch.truncate(end);
          ch.force(true);
        }
      }
    } catch (NoSuchFileException e) {
      damaged = List.of();
      return List.of();
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read audit trail " + file + ": " + e.getMessage(), e);
    }
    List<AuditEvent> out = new ArrayList<>();
    List<DamagedRecord> bad = new ArrayList<>();
    int start = 0;
    int lineNo = 1;
    for (int i = 0; i < end; i++) {
      if (bytes[i] != '\n') {
        continue;
      }
      String line = new String(bytes, start, i - start, StandardCharsets.UTF_8);
      long previous = out.isEmpty() ? 0 : out.get(out.size() - 1).sequence();
      try {
        AuditEvent e = parse(line);
        if (e.sequence() <= previous) {
          throw new IllegalArgumentException("sequence " + e.sequence() + " does not follow " + previous);
        }
        out.add(e);
      } catch (RuntimeException ex) {
        DamagedRecord d = new DamagedRecord(file, start, i + 1L - start, "line " + lineNo + ": " + ex.getMessage());
        log.warn("Audit trail {}: skipping damaged line {} at byte {} ({}); the lines after it are kept."
            + " Compare the file with a backup.", file, lineNo, start, ex.getMessage());
        bad.add(d);
      }
      start = i + 1;
      lineNo++;
    }
    damaged = List.copyOf(bad);
    return out;
  }

  @Override
  public synchronized void append(AuditEvent e) {
    lock.ensureHeld();
    byte[] line = (format(e) + "\n").getBytes(StandardCharsets.UTF_8);
    try (FileChannel ch = StoreFiles.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
      ByteBuffer buf = ByteBuffer.wrap(line);
      while (buf.hasRemaining()) {
        ch.write(buf);
      }
      ch.force(true);
    } catch (IOException ex) {
      throw new UncheckedIOException("Could not append to audit trail " + file + ": " + ex.getMessage(), ex);
    }
  }

  @Override
  public synchronized void replaceAll(List<AuditEvent> events) {
    lock.ensureHeld();
    StringBuilder sb = new StringBuilder();
    events.forEach(e -> sb.append(format(e)).append('\n'));
    AtomicFiles.write(file, sb.toString().getBytes(StandardCharsets.UTF_8));
    damaged = List.of();
  }

  @Override
  public synchronized List<DamagedRecord> damagedRecords() {
    return damaged;
  }

  @Override
  public synchronized void close() {
    lock.close();
  }


  static String format(AuditEvent e) {
    String fields = Fields.join(Long.toString(e.sequence()), e.at().toString(), e.actor(), e.action(), e.target(), e.detail());
    return fields + "\t#" + checksum(fields);
  }

  private static String checksum(String fields) {
    CRC32 crc = new CRC32();
    crc.update(fields.getBytes(StandardCharsets.UTF_8));
    return HexFormat.of().toHexDigits((int) crc.getValue());
  }

  private static AuditEvent parse(String line) {
    List<String> f = Fields.split(line);
    if (f.size() == FIELDS + 1 && f.get(FIELDS).startsWith("#")) {
      if (!f.get(FIELDS).equals("#" + checksum(line.substring(0, line.lastIndexOf('\t'))))) {
        throw new IllegalArgumentException("checksum mismatch");
      }
    } else if (f.size() != FIELDS) {
      throw new IllegalArgumentException("expected " + FIELDS + " fields and a checksum, found " + f.size() + " fields");
    }
    return new AuditEvent(Long.parseLong(f.get(0)), Instant.parse(f.get(1)), f.get(2), f.get(3), f.get(4), f.get(5));
  }
}
