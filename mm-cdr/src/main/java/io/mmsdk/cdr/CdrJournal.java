package io.mmsdk.cdr;

import static java.util.Objects.requireNonNull;

import io.mmsdk.core.store.StoreFiles;
import io.mmsdk.core.store.StoreLock;
import io.mmsdk.core.time.Scheduler;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.zip.CRC32;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded, file-backed {@link CdrStore}: an append-only journal of received batches in
 * segment files under one directory. Each entry is length-prefixed and CRC-checked, and the file is
 * forced to disk (fsync) before {@link #append} returns, so an acknowledged batch survives a crash.
 * On open, a torn tail (an entry cut short by a crash) is cut off the last segment. Whole segments
 * older than the retention period are deleted.
 *
 * <p>The raw XML of each batch is stored, so replay re-parses exactly what the Call Bridge sent.
 * Thread-safe; one instance per directory, enforced by a {@link StoreLock} on {@code journal.lock}
 * from open to {@link #close()} (a second opener gets a {@link
 * io.mmsdk.core.store.StoreLockedException} naming the holder). Files are owner-only on POSIX.
 */
public final class CdrJournal implements CdrStore {
  private static final Logger log = LoggerFactory.getLogger(CdrJournal.class);
  private static final int MAGIC = 0x43445231; // "CDR1"
  private static final int HEADER = 12; // magic, length, crc
  private static final String SUFFIX = ".cdrj";

  private final Path dir;
  private final Scheduler scheduler;
  private final Duration retention;
  private final long segmentBytes;
  private final CdrParser parser;
  /** Segment number → newest receivedAt in it (null while empty). */
  private final TreeMap<Long, Instant> segments = new TreeMap<>();
  private final Scheduler.Cancellable purgeTask;
  private final StoreLock lock;
  private FileChannel active;
  private long activeNumber;
  private boolean closed;

  private CdrJournal(Builder b) {
    this.dir = b.dir;
    this.scheduler = b.scheduler;
    this.retention = b.retention;
    this.segmentBytes = b.segmentBytes;
    this.parser = b.parser;
    try {
      this.lock = StoreLock.acquire(dir.resolve("journal.lock"));
    } catch (UncheckedIOException e) {
      throw new CdrStoreException("cannot lock CDR journal in " + dir + ": check that the directory is writable", e);
    }
    try {
      try (var files = Files.list(dir)) {
        for (Path p : (Iterable<Path>) files::iterator) {
          String n = p.getFileName().toString();
          if (n.endsWith(SUFFIX)) {
            segments.put(Long.parseLong(n.substring(0, n.length() - SUFFIX.length())), null);
          }
        }
      }
      for (Map.Entry<Long, Instant> e : segments.entrySet()) {
        boolean last = e.getKey().equals(segments.lastKey());
        e.setValue(scan(e.getKey(), last, null));
      }
      activeNumber = segments.isEmpty() ? 1 : segments.lastKey();
      segments.putIfAbsent(activeNumber, null);
      active = open(activeNumber);
    } catch (IOException | NumberFormatException e) {
      lock.close();
      throw new CdrStoreException("cannot open CDR journal in " + dir
          + ": check that the directory is writable and holds only *.cdrj journal files", e);
    }
    purge();
    this.purgeTask = scheduler.scheduleRepeating(Duration.ofHours(1), Duration.ofHours(1),
        this::purge);
  }

  /** Opens (or creates) a journal in {@code dir} with default settings. */
  public static CdrJournal open(Path dir) {
    return builder(dir).build();
  }

  /** Returns a builder for a journal in {@code dir}. */
  public static Builder builder(Path dir) {
    return new Builder(requireNonNull(dir, "dir == null"));
  }

  @Override
  public synchronized void append(ReceivedBatch batch) {
    requireNonNull(batch, "batch == null");
    ensureOpen();
    byte[] entry = encode(batch);
    try {
      if (active.size() > 0 && active.size() + entry.length > segmentBytes) {
        roll();
      }
      ByteBuffer buf = ByteBuffer.wrap(entry);
      while (buf.hasRemaining()) {
        active.write(buf);
      }
      active.force(false);
      Instant prev = segments.get(activeNumber);
      if (prev == null || batch.receivedAt().isAfter(prev)) {
        segments.put(activeNumber, batch.receivedAt());
      }
    } catch (IOException e) {
      // A partial write is a torn tail: cut it so the next append starts on a clean boundary.
      truncateAfterFailure();
      throw new CdrStoreException("cannot write CDR batch to journal " + dir
          + ": " + e.getMessage() + "; the receiver answers 503 and the Call Bridge will re-send",
          e);
    }
  }

  @Override
  public void replay(Consumer<ReceivedBatch> consumer) {
    requireNonNull(consumer, "consumer == null");
    List<Long> numbers;
    synchronized (this) {
      ensureOpen();
      numbers = new ArrayList<>(segments.keySet());
    }
    for (long n : numbers) {
      try {
        scan(n, false, consumer);
      } catch (IOException e) {
        throw new CdrStoreException("cannot read CDR journal segment " + segmentPath(n), e);
      }
    }
  }

  /** Deletes whole segments whose newest batch is older than the retention period. */
  public synchronized void purge() {
    if (closed) {
      return;
    }
    Instant cutoff = scheduler.now().minus(retention);
    for (var it = segments.entrySet().iterator(); it.hasNext(); ) {
      Map.Entry<Long, Instant> e = it.next();
      if (e.getKey() == activeNumber) {
        continue;
      }
      if (e.getValue() == null || e.getValue().isBefore(cutoff)) {
        try {
          Files.deleteIfExists(segmentPath(e.getKey()));
          it.remove();
        } catch (IOException ex) {
          log.warn("Cannot delete expired CDR journal segment {}; will retry",
              segmentPath(e.getKey()), ex);
        }
      }
    }
  }

  /** Returns the segment files currently kept, oldest first. */
  public synchronized List<Path> segmentFiles() {
    List<Path> out = new ArrayList<>();
    for (long n : segments.keySet()) {
      out.add(segmentPath(n));
    }
    return out;
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    purgeTask.cancel();
    try {
      active.close();
    } catch (IOException e) {
      log.warn("Cannot close CDR journal segment {}", segmentPath(activeNumber), e);
    }
    lock.close();
  }

  @Override
  public String toString() {
    return "CdrJournal[" + dir + "]";
  }

  private void ensureOpen() {
    if (closed) {
      throw new IllegalStateException("CDR journal " + dir + " is closed");
    }
  }

  private void roll() throws IOException {
    active.close();
    activeNumber++;
    segments.put(activeNumber, null);
    active = open(activeNumber);
    purge();
  }

  private FileChannel open(long number) throws IOException {
    FileChannel ch = StoreFiles.open(segmentPath(number), StandardOpenOption.CREATE,
        StandardOpenOption.WRITE, StandardOpenOption.APPEND);
    // Make the new file's directory entry durable too.
    try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
      d.force(true);
    } catch (IOException e) {
      log.debug("Directory fsync not supported for {}", dir);
    }
    return ch;
  }

  private void truncateAfterFailure() {
    try {
      long good = validLength(segmentPath(activeNumber));
      active.truncate(good);
      active.force(true);
    } catch (IOException e) {
      log.warn("Cannot cut the torn tail of {}; it will be cut on next open",
          segmentPath(activeNumber), e);
    }
  }

  private long validLength(Path file) throws IOException {
    long[] end = {0};
    readEntries(file, (offset, payload) -> end[0] = offset);
    return end[0];
  }

  private Path segmentPath(long n) {
    return dir.resolve(String.format("%016d%s", n, SUFFIX));
  }

  /**
   * Reads a segment; returns the newest receivedAt. If {@code repairTail}, a torn or corrupt tail
   * is cut off the file.
   */
  private Instant scan(long number, boolean repairTail, Consumer<ReceivedBatch> consumer)
      throws IOException {
    Path file = segmentPath(number);
    Instant[] newest = {null};
    long good =
        readEntries(
            file,
            (end, payload) -> {
              Instant at = receivedAt(payload);
              if (newest[0] == null || at.isAfter(newest[0])) {
                newest[0] = at;
              }
              if (consumer != null) {
                ReceivedBatch rb = decode(payload, file);
                if (rb != null) {
                  consumer.accept(rb);
                }
              }
            });
    long size = Files.size(file);
    if (repairTail && size > good) {
      log.warn("CDR journal {}: cutting a torn tail of {} bytes left by a crash (the batch in it"
          + " was never acknowledged)", file, size - good);
      try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
        ch.truncate(good);
        ch.force(true);
      }
    } else if (size > good) {
      log.warn("CDR journal {}: ignoring {} unreadable bytes at its end", file, size - good);
    }
    return newest[0];
  }

  private interface EntryVisitor {
    void visit(long endOffset, byte[] payload);
  }

  /** Visits valid entries in order and returns the offset after the last valid one. */
  private static long readEntries(Path file, EntryVisitor visitor) throws IOException {
    long offset = 0;
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = ch.size();
      ByteBuffer header = ByteBuffer.allocate(HEADER);
      while (offset + HEADER <= size) {
        header.clear();
        ch.read(header, offset);
        header.flip();
        if (header.getInt() != MAGIC) {
          break;
        }
        int len = header.getInt();
        int crc = header.getInt();
        if (len < 0 || offset + HEADER + len > size) {
          break;
        }
        ByteBuffer payload = ByteBuffer.allocate(len);
        while (payload.hasRemaining()) {
          if (ch.read(payload, offset + HEADER + payload.position()) < 0) {
            break;
          }
        }
        CRC32 c = new CRC32();
        c.update(payload.array());
        if ((int) c.getValue() != crc) {
          break;
        }
        offset += HEADER + len;
        visitor.visit(offset, payload.array());
      }
    }
    return offset;
  }

  private static byte[] encode(ReceivedBatch b) {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream(b.bodyNoCopy().length + 128);
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
      out.writeInt(b.bodyNoCopy().length);
      out.write(b.bodyNoCopy());
      out.flush();
      byte[] e = bytes.toByteArray();
      int len = e.length - HEADER;
      CRC32 c = new CRC32();
      c.update(e, HEADER, len);
      ByteBuffer.wrap(e, 4, 8).putInt(len).putInt((int) c.getValue());
      return e;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void writeString(DataOutputStream out, String s) throws IOException {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    out.writeInt(b.length);
    out.write(b);
  }

  /** Reads only the receive time of an entry (no XML parsing), for retention bookkeeping. */
  private static Instant receivedAt(byte[] payload) {
    ByteBuffer in = ByteBuffer.wrap(payload);
    readString(in);
    int n = in.getInt();
    for (int i = 0; i < 2 * n; i++) {
      readString(in);
    }
    return Instant.ofEpochSecond(in.getLong(), in.getInt());
  }

  private ReceivedBatch decode(byte[] payload, Path file) {
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

  private static String readString(ByteBuffer in) {
    byte[] b = new byte[in.getInt()];
    in.get(b);
    return new String(b, StandardCharsets.UTF_8);
  }

  /** Builds a {@link CdrJournal}. */
  public static final class Builder {
    private final Path dir;
    private Scheduler scheduler = Scheduler.system();
    private Duration retention = Duration.ofDays(8);
    private long segmentBytes = 64L * 1024 * 1024;
    private CdrParser parser = CdrParser.create();

    private Builder(Path dir) {
      this.dir = dir;
    }

    /** Sets the scheduler whose clock decides expiry and which runs the hourly purge. */
    public Builder scheduler(Scheduler scheduler) {
      this.scheduler = requireNonNull(scheduler, "scheduler == null");
      return this;
    }

    /**
     * Sets how long batches are kept (default 8 days, a day more than the meeting tracker's 7, so
     * a restart can rebuild it). Deletion is per segment, so some batches are kept a little longer.
     */
    public Builder retention(Duration retention) {
      requireNonNull(retention, "retention == null");
      if (retention.isNegative() || retention.isZero()) {
        throw new IllegalArgumentException("retention must be positive: " + retention);
      }
      this.retention = retention;
      return this;
    }

    /** Sets the size at which a new segment file is started (default 64 MiB). */
    public Builder segmentBytes(long segmentBytes) {
      if (segmentBytes < 1024) {
        throw new IllegalArgumentException("segmentBytes must be at least 1024: " + segmentBytes);
      }
      this.segmentBytes = segmentBytes;
      return this;
    }

    /** Sets the parser used to re-read stored batches (default {@link CdrParser#create()}). */
    public Builder parser(CdrParser parser) {
      this.parser = requireNonNull(parser, "parser == null");
      return this;
    }

    /**
     * Opens the journal, cutting any torn tail and deleting expired segments.
     *
     * @throws CdrStoreException if the directory cannot be used
     */
    public CdrJournal build() {
      return new CdrJournal(this);
    }
  }
}
