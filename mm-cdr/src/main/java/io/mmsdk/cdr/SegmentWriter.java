package io.mmsdk.cdr;

import com.sun.nio.file.ExtendedOpenOption;
import io.mmsdk.common.store.StoreFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How a {@link CdrJournal} segment's entries reach its file. An append copies its entry into a
 * staging buffer; a group commit's leader later writes everything staged with one write and one
 * force ({@link Flush}), so the file is only touched by one thread at a time.
 *
 * <p>Where the file system allows it, the segment is opened for direct I/O ({@code O_DIRECT}):
 * writes go from the staging buffer to the disk without the page cache. The journal is read back
 * only when it is opened again, so caching what it writes buys nothing, and taking ~150 MB of new
 * page cache a second cost the appending threads 70–100 µs of kernel time per 50 KB batch on a VM
 * that returns freed memory to its host (10 µs with direct I/O). Direct writes start and end on a
 * block boundary: each flush writes the last, partial block again with the new entries behind it,
 * as the page cache would when it writes that page back, and pads its end with zeros, which the
 * next flush overwrites and a close cuts off. Elsewhere (tmpfs, for one) writes go through the
 * page cache, unaligned.
 *
 * <p>Not thread-safe: every method but {@link Flush#write} runs under the journal's lock, and
 * {@code write} runs only in the one leader of a group commit.
 */
final class SegmentWriter {
  private static final Logger log = LoggerFactory.getLogger(CdrJournal.class);
  private static final int BLOCK = 4096;
  private static final int FIRST_CAPACITY = 1 << 20;

  private final Path file;
  private final FileChannel channel;
  private final int align; // BLOCK with direct I/O, 1 through the page cache
  // Staged bytes are [0, position) of staging; staging[0] lies at file offset base, a multiple of
  // align. [0, onDisk) are on disk; of those, the ones before the last block are dropped.
  private ByteBuffer staging;
  private long base;
  private int onDisk;

  private SegmentWriter(Path file, FileChannel channel, int align) throws IOException {
    this.file = file;
    this.channel = channel;
    this.align = align;
    long size = channel.size();
    this.base = size / align * align;
    this.staging = allocate(FIRST_CAPACITY);
    int partial = (int) (size - base);
    if (partial > 0) {
      // The partial last block is written again by the first flush, so it must hold what is there.
      try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
        ByteBuffer tail = staging.duplicate().limit(partial);
        while (tail.hasRemaining()) {
          if (in.read(tail, base + tail.position()) < 0) {
            throw new IOException(file + " shrank while it was opened");
          }
        }
      }
      staging.position(partial);
    }
    onDisk = partial;
  }

  /**
   * Opens (creating if needed) segment {@code file} for appending after its current content, with
   * direct I/O.
   *
   * @return the writer, or null (logged) if the file system refuses direct I/O, at the open or at
   *     a first write; then use {@link #openThroughPageCache}
   * @throws IOException if the file cannot be opened or read at all
   */
  static SegmentWriter openDirect(Path file) throws IOException {
    FileChannel channel = null;
    try {
      channel = StoreFiles.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
          ExtendedOpenOption.DIRECT);
      SegmentWriter w = new SegmentWriter(file, channel, BLOCK);
      w.probe();
      return w;
    } catch (UnsupportedOperationException | IOException refused) {
      if (channel != null) {
        channel.close();
      }
      log.info("CDR journal {}: direct I/O is not available ({}); writing through the page cache",
          file.getParent(), refused.toString());
      return null;
    }
  }

  /** Opens (creating if needed) segment {@code file} for appending, through the page cache. */
  static SegmentWriter openThroughPageCache(Path file) throws IOException {
    OpenOption[] options = {StandardOpenOption.CREATE, StandardOpenOption.WRITE};
    return new SegmentWriter(file, StoreFiles.open(file, options), 1);
  }

  /**
   * Writes the partial last block back as it is, so that a file system that opens for direct I/O
   * but refuses its writes (some do) is found here, not at the first flush.
   */
  private void probe() throws IOException {
    long size = size();
    // The partial block, then the zeros of a new buffer: one block.
    ByteBuffer b = staging.duplicate().position(0).limit(BLOCK);
    while (b.hasRemaining()) {
      channel.write(b, base + b.position());
    }
    if (channel.size() > size) {
      channel.truncate(size);
    }
  }

  /** Stages one entry, given as buffers to write in order. */
  void add(ByteBuffer[] entry) {
    int length = 0;
    for (ByteBuffer b : entry) {
      length += b.remaining();
    }
    ensureCapacity(staging.position() + length);
    for (ByteBuffer b : entry) {
      staging.put(b.duplicate());
    }
  }

  /** {@return how many staged bytes are not on disk yet} */
  int notOnDisk() {
    return staging.position() - onDisk;
  }

  /**
   * {@return a flush of everything staged, padded to a block boundary with zeros}; after a failed
   * flush, the next one writes its bytes again
   */
  Flush take() {
    int end = staging.position();
    int padded = (end + align - 1) / align * align;
    ensureCapacity(padded);
    // Zero the padding now; later entries staged over it while the flush runs are past its end.
    for (int i = end; i < padded; i++) {
      staging.put(i, (byte) 0);
    }
    return new Flush(staging.duplicate().position(0).limit(padded), base, end);
  }

  /** Notes that {@code f} reached the disk and drops the bytes the next flush need not rewrite. */
  void flushed(Flush f) {
    onDisk = f.end;
    int cut = f.end / align * align;
    if (cut == 0) {
      return;
    }
    staging.limit(staging.position()).position(cut);
    staging.compact();
    base += cut;
    onDisk -= cut;
  }

  /** {@return the logical size of the segment: its bytes on disk and staged} */
  long size() {
    return base + staging.position();
  }

  /** Closes the file, cutting a flush's zero padding past the last entry. */
  void close() throws IOException {
    try {
      if (align > 1 && channel.size() > size()) {
        channel.truncate(size());
      }
    } finally {
      channel.close();
    }
  }

  Path file() {
    return file;
  }

  private void ensureCapacity(int needed) {
    if (needed <= staging.capacity()) {
      return;
    }
    ByteBuffer bigger = allocate(Math.max(needed, staging.capacity() * 2));
    staging.flip();
    bigger.put(staging);
    staging = bigger;
  }

  private ByteBuffer allocate(int capacity) {
    return align > 1
        ? ByteBuffer.allocateDirect(capacity + align).alignedSlice(align)
        : ByteBuffer.allocate(capacity);
  }

  /** {@return whether bytes [from, size) of {@code file} are all zero, as a flush's padding is} */
  static boolean zeros(Path file, long from) throws IOException {
    try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
      ByteBuffer b = ByteBuffer.allocate(BLOCK);
      long at = from;
      while (in.read(b.clear(), at) > 0) {
        b.flip();
        at += b.remaining();
        while (b.hasRemaining()) {
          if (b.get() != 0) {
            return false;
          }
        }
      }
      return true;
    }
  }

  /** Staged bytes handed to a group commit's leader: written at {@code offset}, then forced. */
  final class Flush {
    private final ByteBuffer bytes;
    private final long offset;
    private final int end;

    private Flush(ByteBuffer bytes, long offset, int end) {
      this.bytes = bytes;
      this.offset = offset;
      this.end = end;
    }

    /** Writes the bytes and forces the segment with {@code syncer}. Runs without the lock. */
    void write(CdrJournal.Syncer syncer) throws IOException {
      ByteBuffer b = bytes.duplicate();
      while (b.hasRemaining()) {
        channel.write(b, offset + b.position());
      }
      syncer.force(channel);
    }

    SegmentWriter writer() {
      return SegmentWriter.this;
    }
  }

  @Override
  public String toString() {
    return "SegmentWriter[" + file + (align > 1 ? ", direct" : "") + "]";
  }
}
