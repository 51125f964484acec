package io.mmsdk.common.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Replaces whole files atomically and durably, for stores that keep their state in small files.
 *
 * <p>All methods are static and thread-safe. Concurrent writes to different targets do not affect
 * each other. Concurrent writes to the same target each use their own temporary file, so readers
 * still see one complete version, and the last rename wins; callers that need a defined order (as
 * every store does) serialize their writes themselves.
 */
public final class AtomicFiles {
  private AtomicFiles() {}

  /**
   * Replaces the content of {@code target} with {@code bytes}.
   *
   * <p>Writes a uniquely named temporary file ({@code .<name>.<random>.tmp}) in the target's
   * directory, creating missing parent directories, forces it to disk, renames it over {@code
   * target} and then forces the directory. Readers see either the old or the new content, never a
   * mix. Where the file system cannot rename atomically, the rename falls back to a plain replace.
   * Where the file system supports POSIX permissions the file is readable and writable by its owner
   * only, since stores may hold credentials; elsewhere the directory's access rules apply.
   *
   * <p>When this method returns, the new content and the rename are on disk (the directory fsync
   * is skipped on platforms that cannot open a directory; the rename is still atomic there) and no
   * temporary file is left.
   *
   * @param target the file to replace or create; its parent directories are created if needed
   * @param bytes the complete new content; not modified
   * @throws UncheckedIOException if any step fails, naming {@code target} and wrapping the {@link
   *     IOException}; {@code target} then keeps its old content (or stays absent), and the
   *     temporary file is deleted on a best-effort basis
   */
  public static void write(Path target, byte[] bytes) {
    Path dir = target.toAbsolutePath().getParent();
    Path tmp = null;
    try {
      StoreFiles.createDirectories(dir);
      tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
      StoreFiles.restrict(tmp);
      try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
        ByteBuffer buf = ByteBuffer.wrap(bytes);
        while (buf.hasRemaining()) {
          ch.write(buf);
        }
        ch.force(true);
      }
      try {
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
      }
      tmp = null;
      fsyncDirectory(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not write " + target + ": " + e.getMessage(), e);
    } finally {
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
          // Best effort clean-up of our own temp file; the original error is what matters.
        }
      }
    }
  }

  private static void fsyncDirectory(Path dir) {
    try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true);
    } catch (IOException e) {
      // Some platforms cannot open directories; the rename itself is still atomic there.
    }
  }
}
