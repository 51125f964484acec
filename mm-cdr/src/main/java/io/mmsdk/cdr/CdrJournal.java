package io.mmsdk.cdr;

import static java.util.Objects.requireNonNull;

import io.mmsdk.common.store.StoreLock;
import io.mmsdk.common.time.Scheduler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded, file-backed {@link CdrStore}: an append-only journal of received batches in
 * segment files under one directory. Each entry is length-prefixed and CRC-checked, and the file is
 * forced to disk (fsync) before {@link #append} returns, so an acknowledged batch survives a crash.
 * Appends from different threads share writes and forces (group commit): while one flush runs,
 * later entries are staged behind it, and the next flush covers all of them; each append returns
 * only after a flush that covers its entry. Segments are written with direct I/O where the file
 * system allows it (see {@link SegmentWriter}). On open, a torn tail (an entry cut short by a
 * crash) is cut off the last segment. An entry damaged in the middle of a segment (a flipped bit)
 * is reported in the log and skipped, and every intact entry after it is kept. Whole segments older
 * than the retention period are deleted.
 *
 * <p>The raw XML of each batch is stored, so replay re-parses exactly what the Call Bridge sent.
 * Thread-safe; one instance per directory, enforced by a {@link StoreLock} on {@code journal.lock}
 * from open to {@link #close()} (a second opener gets a {@link
 * io.mmsdk.common.store.StoreLockedException} naming the holder). Files are owner-only on POSIX.
 */
// The journal keeps the segments (files, rolling, retention, recovery on open) and the API; the
// entry format and the reading of a segment are JournalEntries', the writing of one
// SegmentWriter's, the shared flushes GroupCommit's.
public final class CdrJournal implements CdrStore {
  private static final Logger log = LoggerFactory.getLogger(CdrJournal.class);
  private static final String SUFFIX = ".cdrj";
  private static final long MAX_NOT_ON_DISK = 64L * 1024 * 1024;

  private final Path dir;
  private final Scheduler scheduler;
  private final Duration retention;
  private final long segmentBytes;
  private final CdrParser parser;
  private final Syncer syncer;
  // Whether segments are opened with direct I/O: off once the file system refused it (guarded by
  // this).
  private boolean directIo;
  private final GroupCommit commit;
  /** Segment number → newest receivedAt in it (null while empty). */
  private final TreeMap<Long, Instant> segments = new TreeMap<>();
  private final Scheduler.Cancellable purgeTask;
  private final StoreLock lock;
  private SegmentWriter active; // guarded by this, as are the fields below
  private long activeNumber;
  /** Rolled segments with entries not on disk yet, oldest first. */
  private final List<SegmentWriter> sealed = new ArrayList<>();
  private boolean closed;

  private CdrJournal(Builder b) {
    this.dir = b.dir;
    this.scheduler = b.scheduler;
    this.retention = b.retention;
    this.segmentBytes = b.segmentBytes;
    this.parser = b.parser;
    this.syncer = b.syncer;
    this.directIo = b.directIo;
    this.commit = new GroupCommit(this, new GroupCommit.Segments() {
      @Override
      public List<SegmentWriter.Flush> take() {
        List<SegmentWriter.Flush> flushes = new ArrayList<>();
        for (SegmentWriter w : sealed) {
          flushes.add(w.take());
        }
        if (active.notOnDisk() > 0) {
          flushes.add(active.take());
        }
        return flushes;
      }

      @Override
      public void flushed(List<SegmentWriter.Flush> flushes, int done) {
        for (int i = 0; i < done; i++) {
          SegmentWriter.Flush f = flushes.get(i);
          f.writer().flushed(f);
          if (f.writer() != active && f.writer().notOnDisk() == 0) {
            sealed.remove(f.writer());
            closeQuietly(f.writer());
          }
        }
      }
    }, syncer, dir);
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
    ByteBuffer[] entry = JournalEntries.encode(batch);
    long length = entry[0].remaining() + entry[1].remaining();
    GroupCommit.Pending me;
    synchronized (this) {
      ensureOpen();
      if (active.size() > 0 && active.size() + length > segmentBytes) {
        try {
          roll();
        } catch (IOException e) {
          throw GroupCommit.writeFailed(dir, e);
        }
      }
      active.add(entry);
      Instant prev = segments.get(activeNumber);
      if (prev == null || batch.receivedAt().isAfter(prev)) {
        segments.put(activeNumber, batch.receivedAt());
      }
      me = commit.written();
    }
    commit.await(me);
    return batch.batch().records();
  }

  /** Returns how many staged entries wait for a flush (for tests). */
  synchronized int awaitingForce() {
    return commit.awaitingForce();
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
      if (e.getKey() == activeNumber || isSealed(e.getKey())) {
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

  /**
   * Writes the entries still staged (their appends return once that is done), closes the segment
   * files and releases the directory's lock. Appends after this starts fail.
   */
  @Override
  public void close() {
    GroupCommit.Pending last;
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      purgeTask.cancel();
      last = commit.written();
    }
    try {
      commit.await(last);
    } catch (CdrStoreException e) {
      log.warn("CDR journal {}: closing with batches that did not reach the disk (they were not"
          + " acknowledged)", dir, e);
    }
    synchronized (this) {
      sealed.forEach(CdrJournal::closeQuietly);
      sealed.clear();
      closeQuietly(active);
      lock.close();
    }
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

  /**
   * Starts the next segment. The current one is sealed: its staged entries go to disk with the next
   * flush, which then closes it. Refused while more than a segment's worth of sealed entries is not
   * on disk, so failing writes cannot stage without bound.
   */
  private void roll() throws IOException {
    long behind = 0;
    for (SegmentWriter w : sealed) {
      behind += w.notOnDisk();
    }
    if (behind > Math.max(segmentBytes, MAX_NOT_ON_DISK)) {
      throw new CdrStoreException("cannot write CDR batch to journal " + dir + ": " + behind
          + " bytes of earlier segments have not reached the disk (the last writes failed; see"
          + " the log); the receiver answers 503 and the Call Bridge will re-send", null);
    }
    SegmentWriter next = open(activeNumber + 1);
    if (active.notOnDisk() > 0) {
      sealed.add(active);
    } else {
      closeQuietly(active);
    }
    active = next;
    activeNumber++;
    segments.put(activeNumber, null);
    purge();
  }

  private boolean isSealed(long number) {
    for (SegmentWriter w : sealed) {
      if (w.file().equals(segmentPath(number))) {
        return true;
      }
    }
    return false;
  }

  private static void closeQuietly(SegmentWriter w) {
    try {
      w.close();
    } catch (IOException e) {
      log.warn("Cannot close CDR journal segment {}", w.file(), e);
    }
  }

  private SegmentWriter open(long number) throws IOException {
    Path file = segmentPath(number);
    SegmentWriter w = directIo ? SegmentWriter.openDirect(file) : null;
    if (w == null) {
      directIo = false; // the next segments, in the same directory, would be refused too
      w = SegmentWriter.openThroughPageCache(file);
    }
    // Make the new file's directory entry durable too.
    try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
      d.force(true);
    } catch (IOException e) {
      log.debug("Directory fsync not supported for {}", dir);
    }
    return w;
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
    long good = JournalEntries.read(file, (end, payload) -> {
      Instant at = JournalEntries.receivedAt(payload);
      if (newest[0] == null || at.isAfter(newest[0])) {
        newest[0] = at;
      }
      if (consumer != null) {
        ReceivedBatch rb = JournalEntries.decode(payload, parser, file);
        if (rb != null) {
          consumer.accept(rb);
        }
      }
    });
    long size = Files.size(file);
    if (repairTail && size > good) {
      if (SegmentWriter.zeros(file, good)) {
        log.debug("CDR journal {}: cutting {} bytes of padding left by a crash", file, size - good);
      } else {
        log.warn("CDR journal {}: cutting a torn tail of {} bytes left by a crash (the batch in it"
            + " was never acknowledged)", file, size - good);
      }
      try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
        ch.truncate(good);
        ch.force(true);
      }
    } else if (size > good && number != activeNumber && !SegmentWriter.zeros(file, good)) {
      // (On the active segment the bytes past the last entry are a flush in progress; zeros past
      // the end of an older one are the padding of its last flush, left by a crash before its
      // close.)
      log.warn("CDR journal {}: ignoring {} unreadable bytes at its end", file, size - good);
    }
    return newest[0];
  }

  /** Builds a {@link CdrJournal}. */
  public static final class Builder {
    private final Path dir;
    private Scheduler scheduler = Scheduler.system();
    private Duration retention = Duration.ofDays(8);
    private long segmentBytes = 64L * 1024 * 1024;
    private CdrParser parser = CdrParser.create();
    private Syncer syncer = ch -> ch.force(false);
    private boolean directIo = true;

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

    /** Turns direct I/O off, as on a file system without it (tests cover that path with it). */
    Builder pageCache() {
      this.directIo = false;
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
