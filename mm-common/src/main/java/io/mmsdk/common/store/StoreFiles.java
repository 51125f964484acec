package io.mmsdk.common.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Creates and opens store files and directories readable by their owner only (0600 files, 0700
 * directories) where the file system supports POSIX permissions, since stores hold credentials,
 * call records and usage data. Elsewhere the directory's access rules apply.
 *
 * <p>All methods are static and thread-safe.
 */
public final class StoreFiles {
  private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
  private static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");

  private StoreFiles() {}

  /**
   * Creates {@code dir} and its missing parents, each new one owner-only. Existing directories are
   * left as they are (they may be shared, such as a home directory).
   *
   * @param dir the directory to create, with any missing parents
   * @throws IOException if a directory cannot be created
   */
  public static void createDirectories(Path dir) throws IOException {
    Path abs = dir.toAbsolutePath();
    if (Files.isDirectory(abs)) {
      return;
    }
    Path parent = abs.getParent();
    if (parent != null) {
      createDirectories(parent);
    }
    try {
      if (isPosix(abs)) {
        Files.createDirectory(abs, PosixFilePermissions.asFileAttribute(DIRECTORY));
      } else {
        Files.createDirectory(abs);
      }
    } catch (FileAlreadyExistsException e) {
      if (!Files.isDirectory(abs)) {
        throw e;
      }
    }
  }

  /**
   * Opens {@code file} with {@code options}; a file it creates is owner-only from the start, and an
   * existing file (perhaps written by an older version) is made owner-only.
   *
   * @param file the file to open or create
   * @param options how to open it, as for {@link FileChannel#open(Path, OpenOption...)}
   * @return the open channel; the caller closes it
   * @throws IOException if the file cannot be opened
   */
  public static FileChannel open(Path file, OpenOption... options) throws IOException {
    Set<OpenOption> opts = Set.of(options);
    FileChannel ch = isPosix(file)
        ? FileChannel.open(file, opts, PosixFilePermissions.asFileAttribute(FILE))
        : FileChannel.open(file, opts, new FileAttribute<?>[0]);
    if (opts.contains(StandardOpenOption.WRITE) || opts.contains(StandardOpenOption.APPEND)) {
      restrict(file);
    }
    return ch;
  }

  /**
   * Makes an existing {@code file} owner-only on POSIX file systems; does nothing elsewhere.
   *
   * @param file an existing file; nothing happens on file systems without POSIX permissions
   * @throws IOException if the permissions cannot be changed
   */
  public static void restrict(Path file) throws IOException {
    try {
      Files.setPosixFilePermissions(file, FILE);
    } catch (UnsupportedOperationException notPosix) {
      // Windows and other non-POSIX file systems: rely on the directory's ACLs.
    }
  }

  private static boolean isPosix(Path path) {
    return path.getFileSystem().supportedFileAttributeViews().contains("posix");
  }
}
