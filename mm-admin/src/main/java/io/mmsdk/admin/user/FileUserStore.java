package io.mmsdk.admin.user;

import io.mmsdk.common.store.AtomicFiles;
import io.mmsdk.common.store.StoreLock;
import io.mmsdk.core.internal.Props;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The file-backed {@link UserStore}: one sorted key=value file, replaced atomically, guarded by a
 * {@link StoreLock} on {@code <file>.lock} from construction to {@link #close()}.
 */
final class FileUserStore implements UserStore {
  private final Path file;
  private final StoreLock lock;

  FileUserStore(Path file) {
    this.file = Objects.requireNonNull(file, "file == null");
    this.lock = StoreLock.acquire(file.resolveSibling(file.getFileName() + ".lock"));
  }

  @Override
  public synchronized UserData load() {
    lock.ensureHeld();
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      return UserData.empty();
    } catch (IOException e) {
      throw Props.readFailure(file, e);
    }
    try {
      return UserCodec.decode(Props.parse(bytes));
    } catch (IllegalArgumentException e) {
      throw new UserException("User file " + file + " is damaged: " + e.getMessage() + ". Restore it from a backup.", e);
    }
  }

  @Override
  public synchronized void save(UserData data) {
    lock.ensureHeld();
    AtomicFiles.write(file, UserCodec.encode(data).toBytes());
  }

  @Override
  public synchronized void close() {
    lock.close();
  }

}
