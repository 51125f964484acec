package io.mmsdk.licensing;

import io.mmsdk.common.store.DamagedRecord;
import io.mmsdk.common.store.StoreFiles;
import io.mmsdk.common.store.StoreLock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.zip.CRC32;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded {@link UsageStore}: {@code usage.log} in a directory, one record per sample:
 * {@code [int payloadLength][int crc32(payload)][payload]}, payload = {@code [short hostLength]
 * [host UTF-8][long epochSecond][int nano][6 doubles]}. Appends are written and fsynced before
 * returning. On open, a record that fails its checksum (or its length check) is damage when an
 * intact record follows it somewhere later in the file: the damaged bytes are skipped (logged and
 * reported by {@link #damagedRecords()}, left in place until the next prune rewrites the log) and
 * reading resumes at that intact record. With no intact record after it, it is a torn tail from a
 * crash during an unacknowledged append, and is truncated. Pruning rewrites the log to a temp file,
 * fsyncs it and renames it atomically over the old one. All samples are also held in memory.
 *
 * <p>Guarded by a {@link StoreLock} on {@code usage.log.lock} from open to {@link #close()}.
 */
final class FileUsageStore implements UsageStore {
  private static final Logger log = LoggerFactory.getLogger(FileUsageStore.class);
  private static final String LOG = "usage.log";
  private static final String LOCK = "usage.log.lock";
  private static final int HEADER = 8;
  private static final int MAX_PAYLOAD = 2 + 1024 + 8 + 4 + 6 * 8;

  private final Path dir;
  private final Path file;
  private FileChannel channel;
  private StoreLock lock;
  private List<DamagedRecord> damaged = List.of();
  private final List<UsageSample> samples = new ArrayList<>();
  private final Set<Key> keys = new HashSet<>();
  private final Map<String, Instant> latest = new HashMap<>();
  private boolean sorted = true;

  private record Key(String host, Instant time) {}

  private FileUsageStore(Path dir) {
    this.dir = dir;
    this.file = dir.resolve(LOG);
  }

  static FileUsageStore open(Path directory) {
    Objects.requireNonNull(directory, "directory == null");
    FileUsageStore s = new FileUsageStore(directory);
    try {
      s.lock = StoreLock.acquire(directory.resolve(LOCK));
    } catch (UncheckedIOException e) {
      throw new LicenseStoreException("Cannot lock the usage store in " + directory + ": "
          + e.getCause().getMessage() + ". Check the directory exists and is writable.", e.getCause());
    }
    try {
      s.channel = StoreFiles.open(s.file, StandardOpenOption.CREATE, StandardOpenOption.READ,
          StandardOpenOption.WRITE);
      s.load();
    } catch (IOException e) {
      s.close();
      throw new LicenseStoreException("Cannot open the usage store in " + directory
          + ": " + e.getMessage() + ". Check the directory exists and is writable.", e);
    }
    return s;
  }

  private void load() throws IOException {
    long size = channel.size();
    if (size > Integer.MAX_VALUE - 8) {
      throw new IOException("usage.log is " + size + " bytes, more than this store reads at once;"
          + " prune it with a shorter retention or move it aside");
    }
    ByteBuffer all = ByteBuffer.allocate((int) size);
    while (all.hasRemaining()) {
      if (channel.read(all, all.position()) < 0) {
        break;
      }
    }
    all.flip();
    List<DamagedRecord> bad = new ArrayList<>();
    int pos = 0;
    int good = 0;
    while (pos < all.limit()) {
      int len = recordLength(all, pos);
      if (len > 0) {
        add(decode(all.slice(pos + HEADER, len)));
        pos += HEADER + len;
        good = pos;
        continue;
      }
      int next = nextRecord(all, pos + 1);
      if (next < 0) {
        break;
      }
      bad.add(new DamagedRecord(file, pos, next - pos, "checksum or length mismatch"));
      log.warn("Usage store {}: skipping {} damaged bytes at offset {}; the {} bytes after them are"
          + " intact and kept", file, next - pos, pos, size - next);
      pos = next;
    }
    damaged = List.copyOf(bad);
    if (good < size) {
      log.warn("Usage store {}: dropping a torn tail of {} bytes left by an interrupted write",
          file, size - good);
      channel.truncate(good);
      channel.force(true);
    }
    channel.position(good);
  }

  /** Returns the payload length of the intact record at {@code pos}, or -1 if it is not one. */
  private static int recordLength(ByteBuffer all, int pos) {
    if (all.limit() - pos < HEADER) {
      return -1;
    }
    int len = all.getInt(pos);
    if (len <= 0 || len > MAX_PAYLOAD || all.limit() - pos - HEADER < len) {
      return -1;
    }
    CRC32 crc = new CRC32();
    crc.update(all.array(), pos + HEADER, len);
    return (int) crc.getValue() == all.getInt(pos + 4) ? len : -1;
  }

  /** Returns the offset of the next intact record at or after {@code from}, or -1 if none. */
  private static int nextRecord(ByteBuffer all, int from) {
    for (int p = from; p + HEADER <= all.limit(); p++) {
      if (recordLength(all, p) > 0) {
        return p;
      }
    }
    return -1;
  }

  private boolean add(UsageSample s) {
    if (!keys.add(new Key(s.hostId(), s.time()))) {
      return false;
    }
    if (!samples.isEmpty() && s.time().isBefore(samples.get(samples.size() - 1).time())) {
      sorted = false;
    }
    samples.add(s);
    latest.merge(s.hostId(), s.time(), (a, b) -> a.isAfter(b) ? a : b);
    return true;
  }

  @Override
  public synchronized int append(Collection<UsageSample> batch) {
    Objects.requireNonNull(batch, "samples == null");
    ensureOpen();
    List<UsageSample> fresh = new ArrayList<>();
    Set<Key> batchKeys = new HashSet<>();
    for (UsageSample s : batch) {
      Objects.requireNonNull(s, "sample == null");
      Key k = new Key(s.hostId(), s.time());
      if (!keys.contains(k) && batchKeys.add(k)) {
        fresh.add(s);
      }
    }
    if (fresh.isEmpty()) {
      return 0;
    }
    ByteBuffer buf = ByteBuffer.allocate(fresh.size() * (HEADER + MAX_PAYLOAD));
    for (UsageSample s : fresh) {
      encodeRecord(buf, s);
    }
    buf.flip();
    long before;
    try {
      before = channel.position();
      try {
        while (buf.hasRemaining()) {
          channel.write(buf);
        }
        channel.force(false);
      } catch (IOException e) {
        channel.truncate(before);
        channel.position(before);
        throw e;
      }
    } catch (IOException e) {
      throw new LicenseStoreException("Cannot write " + fresh.size() + " usage samples to " + file
          + ": " + e.getMessage() + ". Nothing of this batch was acknowledged; retry.", e);
    }
    for (UsageSample s : fresh) {
      add(s);
    }
    return fresh.size();
  }

  @Override
  public synchronized List<UsageSample> samples(Instant from, Instant to) {
    Objects.requireNonNull(from, "from == null");
    Objects.requireNonNull(to, "to == null");
    sortIfNeeded();
    List<UsageSample> out = new ArrayList<>();
    int i = lowerBound(from);
    for (; i < samples.size(); i++) {
      UsageSample s = samples.get(i);
      if (!s.time().isBefore(to)) {
        break;
      }
      out.add(s);
    }
    return List.copyOf(out);
  }

  @Override
  public synchronized Optional<Instant> findLatest(String hostId) {
    return Optional.ofNullable(latest.get(Objects.requireNonNull(hostId, "hostId == null")));
  }

  @Override
  public synchronized int prune(Instant before) {
    Objects.requireNonNull(before, "before == null");
    ensureOpen();
    sortIfNeeded();
    int cut = lowerBound(before);
    if (cut == 0) {
      return 0;
    }
    List<UsageSample> kept = new ArrayList<>(samples.subList(cut, samples.size()));
    Path tmp = dir.resolve(LOG + ".tmp");
    try {
      try (FileChannel out = StoreFiles.open(tmp, StandardOpenOption.CREATE,
          StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
        ByteBuffer buf = ByteBuffer.allocate(64 * 1024);
        for (UsageSample s : kept) {
          if (buf.remaining() < HEADER + MAX_PAYLOAD) {
            buf.flip();
            while (buf.hasRemaining()) {
              out.write(buf);
            }
            buf.clear();
          }
          encodeRecord(buf, s);
        }
        buf.flip();
        while (buf.hasRemaining()) {
          out.write(buf);
        }
        out.force(true);
      }
      channel.close();
      try {
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
      }
      syncDirectory();
      channel = StoreFiles.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
      channel.position(channel.size());
    } catch (IOException e) {
      throw new LicenseStoreException("Cannot prune the usage store " + file + ": "
          + e.getMessage() + ". The old log is kept; reopen the store.", e);
    }
    damaged = List.of();
    samples.clear();
    keys.clear();
    latest.clear();
    for (UsageSample s : kept) {
      add(s);
    }
    return cut;
  }

  @Override
  public synchronized List<DamagedRecord> damagedRecords() {
    return damaged;
  }

  @Override
  public synchronized int size() {
    return samples.size();
  }

  @Override
  public synchronized void close() {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException e) {
        log.warn("Closing usage store {} failed", file, e);
      }
      channel = null;
    }
    if (lock != null) {
      lock.close();
      lock = null;
    }
  }

  private void ensureOpen() {
    if (channel == null) {
      throw new IllegalStateException("The usage store " + file + " is closed; open a new one.");
    }
  }

  private void syncDirectory() {
    try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
      d.force(true);
    } catch (IOException e) {
      // Some platforms cannot open a directory for fsync; the rename itself is still atomic.
      log.debug("Directory fsync not supported for {}", dir, e);
    }
  }

  private void sortIfNeeded() {
    if (!sorted) {
      samples.sort(Comparator.comparing(UsageSample::time));
      sorted = true;
    }
  }

  private int lowerBound(Instant t) {
    int lo = 0;
    int hi = samples.size();
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (samples.get(mid).time().isBefore(t)) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  private static void encodeRecord(ByteBuffer buf, UsageSample s) {
    byte[] host = s.hostId().getBytes(StandardCharsets.UTF_8);
    if (host.length > 1024) {
      throw new IllegalArgumentException("hostId is longer than 1024 bytes: " + s.hostId());
    }
    int len = 2 + host.length + 8 + 4 + 6 * 8;
    int start = buf.position();
    buf.putInt(len);
    buf.putInt(0);
    int payloadStart = buf.position();
    buf.putShort((short) host.length);
    buf.put(host);
    buf.putLong(s.time().getEpochSecond());
    buf.putInt(s.time().getNano());
    UsageValues v = s.values();
    buf.putDouble(v.pmp());
    buf.putDouble(v.smpAudioOnly());
    buf.putDouble(v.smpPointToPoint());
    buf.putDouble(v.smpFull());
    buf.putDouble(v.recording());
    buf.putDouble(v.streaming());
    CRC32 crc = new CRC32();
    crc.update(buf.array(), payloadStart, len);
    buf.putInt(start + 4, (int) crc.getValue());
  }

  private static UsageSample decode(ByteBuffer p) {
    byte[] host = new byte[p.getShort()];
    p.get(host);
    Instant time = Instant.ofEpochSecond(p.getLong(), p.getInt());
    UsageValues v = new UsageValues(p.getDouble(), p.getDouble(), p.getDouble(), p.getDouble(),
        p.getDouble(), p.getDouble());
    return new UsageSample(new String(host, StandardCharsets.UTF_8), time, v);
  }
}
