package io.mmsdk.common.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Exclusive ownership of a file-backed store: an operating-system lock ({@link
 * FileChannel#tryLock})
 * on a lock file in the store's directory, which records the holder's process id. Every embedded
 * store in mm-sdk takes one when it opens and releases it on close, so a second opener (another
 * process, or another store instance in this process) fails with a {@link StoreLockedException}
 * instead of silently losing the first one's writes.
 *
 * <p>The operating system releases the lock when the holding process dies (also after {@code kill
 * -9}), so a crash never leaves a store locked. The lock file itself is left in place: deleting it
 * would let two openers lock two different files.
 *
 * <p>Thread-safe. Closing is idempotent.
 */
public final class StoreLock implements AutoCloseable {
  /*
   * Locks held by this JVM, by real path. Checked before the lock file is opened because on POSIX
   * systems closing any channel to a file drops every lock this process holds on it, so a second
   * opener in the same process must never open (and then close) the lock file.
   */
  private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();

  private final Path lockFile;
  private final Path key;
  private final FileChannel channel;
  private final FileLock lock;
  private boolean released;

  private StoreLock(Path lockFile, Path key, FileChannel channel, FileLock lock) {
    this.lockFile = lockFile;
    this.key = key;
    this.channel = channel;
    this.lock = lock;
  }

  /**
   * Takes the lock {@code lockFile}, creating it (owner-only on POSIX) and its parent directories
   * if
   * needed, and records this process's id in it.
   *
   * @param lockFile the lock file, conventionally {@code <store file>.lock} in the store's
   *     directory
   * @return the held lock; close it to release the lock (the lock file itself stays)
   * @throws StoreLockedException if another store instance, in this or another process, holds it;
   *     the message names the lock file and the holder's process id
   * @throws UncheckedIOException if the lock file cannot be created or locked
   */
  public static StoreLock acquire(Path lockFile) {
    Objects.requireNonNull(lockFile, "lockFile == null");
    Path key;
    try {
      Path dir = lockFile.toAbsolutePath().getParent();
      StoreFiles.createDirectories(dir);
      key = dir.toRealPath().resolve(lockFile.getFileName());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create the directory of lock file " + lockFile + ": " + e.getMessage(), e);
    }
    if (!HELD.add(key)) {
      throw locked(lockFile, null);
    }
    FileChannel ch = null;
    try {
      ch = FileChannel.open(key, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
      StoreFiles.restrict(key);
      FileLock lock;
      try {
        lock = ch.tryLock();
      } catch (OverlappingFileLockException e) {
        lock = null;
      }
      if (lock == null) {
        // Held by another process: read its record through the channel we already have, so no
        // second channel is opened and closed.
        StoreLockedException e = locked(lockFile, ch);
        ch.close();
        HELD.remove(key);
        throw e;
      }
      byte[] holder = ("pid=" + ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII);
      ch.truncate(0);
      ch.write(ByteBuffer.wrap(holder), 0);
      ch.force(true);
      return new StoreLock(lockFile, key, ch, lock);
    } catch (IOException e) {
      if (ch != null) {
        try {
          ch.close();
        } catch (IOException suppressed) {
          e.addSuppressed(suppressed);
        }
      }
      HELD.remove(key);
      throw new UncheckedIOException("Cannot lock " + lockFile + ": " + e.getMessage(), e);
    }
  }

  /** {@return the lock file} */
  public Path lockFile() {
    return lockFile;
  }

  /**
   * Throws if this lock was released, for the store it guards to call before each operation.
   *
   * @throws IllegalStateException naming the lock file, once {@link #close()} was called
   */
  public synchronized void ensureHeld() {
    if (released) {
      throw new IllegalStateException("The store guarded by " + lockFile + " is closed; open it again.");
    }
  }

  /** Releases the lock; idempotent. The lock file stays, with its holder record cleared. */
  @Override
  public synchronized void close() {
    if (released) {
      return;
    }
    released = true;
    try {
      channel.truncate(0);
      lock.release();
    } catch (IOException e) {
      // Closing the channel below releases the lock anyway.
    } finally {
      try {
        channel.close();
      } catch (IOException ignored) {
        // Nothing left to release: the OS drops the lock with the descriptor.
      }
      HELD.remove(key);
    }
  }

  private static StoreLockedException locked(Path lockFile, FileChannel ch) {
    long pid = ch == null ? ProcessHandle.current().pid() : holderPid(ch);
    String holder = ch == null
        ? "another store instance in this process (pid " + pid + ")"
        : pid > 0 ? "process " + pid : "another process";
    return new StoreLockedException("The store guarded by " + lockFile.toAbsolutePath() + " is in use by " + holder
        + ". A store may be opened only once at a time: close the other instance (or stop that process) and"
        + " open it again.", lockFile, pid, null);
  }

  private static long holderPid(FileChannel ch) {
    try {
      ByteBuffer buf = ByteBuffer.allocate(64);
      ch.read(buf, 0);
      String text = new String(buf.array(), 0, buf.position(), StandardCharsets.US_ASCII).trim();
      return text.startsWith("pid=") ? Long.parseLong(text.substring(4)) : -1;
    } catch (IOException | NumberFormatException e) {
      return -1;
    }
  }
}
