package io.mmsdk.cdr;

import static java.util.Objects.requireNonNull;

import io.mmsdk.common.store.StoreFiles;
import io.mmsdk.common.store.StoreLock;
import io.mmsdk.common.time.Scheduler;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
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
 * Appends from different threads share forces (group commit): while one force runs, later entries
 * are written behind it, and the next force covers all of them; each append returns only after a
 * force that covers its entry. On open, a torn tail (an entry cut short by a crash) is cut off the
 * last segment. An entry damaged in the middle of a segment (a flipped bit) is reported in the log
 * and skipped, and every intact entry after it is kept. Whole segments older than the retention
 * period are deleted.
 *
 * <p>The raw XML of each batch is stored, so replay re-parses exactly what the Call Bridge sent.
 * Thread-safe; one instance per directory, enforced by a {@link StoreLock} on {@code journal.lock}
 * from open to {@link #close()} (a second opener gets a {@link
 * io.mmsdk.common.store.StoreLockedException} naming the holder). Files are owner-only on POSIX.
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
  private final Syncer syncer;
  /** Entries written and not yet covered by a force; guarded by {@code this}. */
  private List<Pending> awaiting = new ArrayList<>();
  /** Guards {@link #forcing} and every {@link Pending}; never held while taking {@code this}. */
  private final Object forceMonitor = new Object();
  private boolean forcing;
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
    this.syncer = b.syncer;
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

  /**
   * {@return a builder for a journal in {@code dir}}
   *
   * @param dir the directory holding the journal's segment files, created if missing; not null
   */
  public static Builder builder(Path dir) {
    return new Builder(requireNonNull(dir, "dir == null"));
  }

  /**
   * {@inheritDoc}
   *
   * <p>Returns once a force covering the entry has completed; concurrent appends share forces. The
   * journal belongs to one process, so it returns every record of the batch.
   */
  @Override
  public List<CdrRecord> append(ReceivedBatch batch) {
    requireNonNull(batch, "batch == null");
    byte[] entry = encode(batch);
    Pending me = new Pending();
    synchronized (this) {
      ensureOpen();
      long before = -1;
      try {
        if (active.size() > 0 && active.size() + entry.length > segmentBytes) {
          roll();
        }
        before = active.size();
        ByteBuffer buf = ByteBuffer.wrap(entry);
        while (buf.hasRemaining()) {
          active.write(buf);
        }
      } catch (IOException | CdrStoreException e) {
        if (before >= 0) {
          // Cut this entry's partial write; the entries before it are intact and awaiting a force.
          truncateTo(before);
        }
        throw e instanceof CdrStoreException c ? c : writeFailed((IOException) e);
      }
      Instant prev = segments.get(activeNumber);
      if (prev == null || batch.receivedAt().isAfter(prev)) {
        segments.put(activeNumber, batch.receivedAt());
      }
      awaiting.add(me);
    }
    awaitForce(me);
    return batch.batch().records();
  }

  /** Returns how many written entries wait for a force (for tests). */
  synchronized int awaitingForce() {
    return awaiting.size();
  }

  /**
   * Waits until a force covers {@code me}. The first waiter to find no force running becomes the
   * leader: it takes every entry written so far and forces them with one call, while later
   * entries are written behind it and wait for the next force.
   */
  private void awaitForce(Pending me) {
    while (true) {
      synchronized (forceMonitor) {
        while (!me.done && forcing) {
          try {
            forceMonitor.wait();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CdrStoreException("interrupted while waiting for the CDR journal " + dir
                + " to reach the disk; the batch is not acknowledged and will be re-sent", e);
          }
        }
        if (me.done) {
          if (me.failure != null) {
            throw me.failure;
          }
          return;
        }
        forcing = true;
      }
      List<Pending> group;
      FileChannel channel;
      boolean closedBefore;
      synchronized (this) {
        group = awaiting;
        awaiting = new ArrayList<>();
        channel = active;
        closedBefore = closed;
      }
      CdrStoreException failure = null;
      try {
        if (!group.isEmpty()) {
          syncer.force(channel);
        }
      } catch (ClosedChannelException e) {
        // Rolled or closed since: both force the segment before closing it, unless shut down.
        if (closedBefore) {
          failure = new CdrStoreException("CDR journal " + dir + " was closed before the batch"
              + " reached the disk; it is not acknowledged and will be re-sent", e);
        }
      } catch (IOException e) {
        failure = writeFailed(e);
      }
      complete(group, failure);
    }
  }

  private void complete(List<Pending> group, CdrStoreException failure) {
    synchronized (forceMonitor) {
      for (Pending p : group) {
        p.done = true;
        p.failure = failure;
      }
      forcing = false;
      forceMonitor.notifyAll();
    }
  }

  private CdrStoreException writeFailed(IOException e) {
    return new CdrStoreException("cannot write CDR batch to journal " + dir
        + ": " + e.getMessage() + "; the receiver answers 503 and the Call Bridge will re-send",
        e);
  }

  /** One entry's wait for a force; fields guarded by {@link #forceMonitor}. */
  private static final class Pending {
    boolean done;
    CdrStoreException failure;
  }

  /** Forces a segment to disk; a seam for tests that need to hold a force. */
  @FunctionalInterface
  interface Syncer {
    /** Forces {@code channel}'s content (not necessarily its metadata) to the disk. */
    void force(FileChannel channel) throws IOException;
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

  /** {@return the segment files currently kept, oldest first} */
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
      // Entries written by appends still waiting for their force are covered before the close.
      syncer.force(active);
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

  /** Starts the next segment; the current one is forced first, covering every waiting entry. */
  private void roll() throws IOException {
    syncer.force(active);
    List<Pending> group = awaiting;
    awaiting = new ArrayList<>();
    complete(group, null);
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

  private void truncateTo(long length) {
    try {
      active.truncate(length);
    } catch (IOException e) {
      log.warn("Cannot cut the torn tail of {}; it will be cut on next open",
          segmentPath(activeNumber), e);
    }
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
    } else if (size > good && number != activeNumber) {
      // (On the active segment the bytes past the last entry are an append in progress.)
      log.warn("CDR journal {}: ignoring {} unreadable bytes at its end", file, size - good);
    }
    return newest[0];
  }

  private interface EntryVisitor {
    void visit(long endOffset, byte[] payload);
  }

  /**
   * Visits valid entries in order and returns the offset after the last valid one. A damaged
   * entry followed by intact ones (corruption in the middle) is reported and skipped; damage with
   * no intact entry after it is a torn tail, left to the caller.
   */
  private static long readEntries(Path file, EntryVisitor visitor) throws IOException {
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
    private Syncer syncer = ch -> ch.force(false);

    private Builder(Path dir) {
      this.dir = dir;
    }

    /**
     * Sets the scheduler whose clock decides expiry and which runs the hourly purge.
     *
     * @param scheduler the scheduler whose clock decides expiry and which runs the hourly purge
     * @return this builder
     */
    public Builder scheduler(Scheduler scheduler) {
      this.scheduler = requireNonNull(scheduler, "scheduler == null");
      return this;
    }

    /**
     * Sets how long batches are kept (default 8 days, a day more than the meeting tracker's 7, so
     * a restart can rebuild it). Deletion is per segment, so some batches are kept a little longer.
     *
     * @param retention how long batches are kept (default 8 days, a day more than the meeting
     *     tracker's 7, so a restart can rebuild it)
     * @return this builder
     */
    public Builder retention(Duration retention) {
      requireNonNull(retention, "retention == null");
      if (retention.isNegative() || retention.isZero()) {
        throw new IllegalArgumentException("retention must be positive: " + retention);
      }
      this.retention = retention;
      return this;
    }

    /**
     * Sets the size at which a new segment file is started (default 64 MiB).
     *
     * @param segmentBytes the size at which a new segment file is started (default 64 MiB)
     * @return this builder
     */
    public Builder segmentBytes(long segmentBytes) {
      if (segmentBytes < 1024) {
        throw new IllegalArgumentException("segmentBytes must be at least 1024: " + segmentBytes);
      }
      this.segmentBytes = segmentBytes;
      return this;
    }

    /**
     * Sets the parser used to re-read stored batches (default {@link CdrParser#create()}).
     *
     * @param parser the parser used to re-read stored batches (default {@link CdrParser#create()})
     * @return this builder
     */
    public Builder parser(CdrParser parser) {
      this.parser = requireNonNull(parser, "parser == null");
      return this;
    }

    /** Replaces how segments are forced to disk (tests hold a force with it). */
    Builder syncer(Syncer syncer) {
      this.syncer = requireNonNull(syncer, "syncer == null");
      return this;
    }

    /**
     * Opens the journal, cutting any torn tail and deleting expired segments.
     *
     * @return the open journal, holding the directory's lock until closed
     * @throws CdrStoreException if the directory cannot be used
     */
    public CdrJournal build() {
      return new CdrJournal(this);
    }
  }
}
