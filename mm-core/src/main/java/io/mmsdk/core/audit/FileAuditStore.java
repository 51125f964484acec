package io.mmsdk.core.audit;

import io.mmsdk.core.internal.Fields;
import io.mmsdk.common.store.AtomicFiles;
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
import java.util.List;
import java.util.Objects;

/**
 * Audit events as lines of tab-separated fields, appended and fsynced one by one. A final line
 * without its newline (a crash during append, so never acknowledged) is cut off on load.
 */
final class FileAuditStore implements AuditStore {
  private final Path file;

  FileAuditStore(Path file) {
    this.file = Objects.requireNonNull(file, "file == null");
  }

  @Override
  public synchronized List<AuditEvent> load() {
    String text;
    try {
      byte[] bytes = Files.readAllBytes(file);
      int end = bytes.length;
      while (end > 0 && bytes[end - 1] != '\n') {
        end--;
      }
      if (end < bytes.length) {
        // Cut the unacknowledged partial line so the next append starts on a fresh line.
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
          ch.truncate(end);
          ch.force(true);
        }
      }
      text = new String(bytes, 0, end, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      return List.of();
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read audit trail " + file + ": " + e.getMessage(), e);
    }
    List<AuditEvent> out = new ArrayList<>();
    int start = 0;
    int lineNo = 1;
    for (int nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', start)) {
      out.add(parse(text.substring(start, nl), lineNo++));
      start = nl + 1;
    }
    return out;
  }

  @Override
  public synchronized void append(AuditEvent e) {
    byte[] line = (format(e) + "\n").getBytes(StandardCharsets.UTF_8);
    try {
      Path dir = file.toAbsolutePath().getParent();
      Files.createDirectories(dir);
      try (FileChannel ch =
          FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
        ByteBuffer buf = ByteBuffer.wrap(line);
        while (buf.hasRemaining()) {
          ch.write(buf);
        }
        ch.force(true);
      }
    } catch (IOException ex) {
      throw new UncheckedIOException("Could not append to audit trail " + file + ": " + ex.getMessage(), ex);
    }
  }

  @Override
  public synchronized void replaceAll(List<AuditEvent> events) {
    StringBuilder sb = new StringBuilder();
    events.forEach(e -> sb.append(format(e)).append('\n'));
    AtomicFiles.write(file, sb.toString().getBytes(StandardCharsets.UTF_8));
  }

  static String format(AuditEvent e) {
    return Fields.join(Long.toString(e.sequence()), e.at().toString(), e.actor(), e.action(), e.target(), e.detail());
  }

  private AuditEvent parse(String line, int lineNo) {
    List<String> f = Fields.split(line);
    try {
      if (f.size() != 6) {
        throw new IllegalArgumentException("expected 6 fields, found " + f.size());
      }
      return new AuditEvent(Long.parseLong(f.get(0)), Instant.parse(f.get(1)), f.get(2), f.get(3), f.get(4), f.get(5));
    } catch (RuntimeException ex) {
      throw new AuditException(
          "Audit trail " + file + " line " + lineNo + " is damaged (" + ex.getMessage() + "); restore the file from a backup.", ex);
    }
  }
}
