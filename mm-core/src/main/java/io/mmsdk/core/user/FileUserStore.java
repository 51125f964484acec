package io.mmsdk.core.user;

import io.mmsdk.core.internal.Props;
import io.mmsdk.core.internal.UserCodec;
import io.mmsdk.common.store.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;

/** The file-backed {@link UserStore}: one sorted key=value file, replaced atomically. */
final class FileUserStore implements UserStore {
  private final Path file;

  FileUserStore(Path file) {
    this.file = Objects.requireNonNull(file, "file == null");
  }

  @Override
  public synchronized UserData load() {
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
    AtomicFiles.write(file, UserCodec.encode(data).toBytes());
  }
}
