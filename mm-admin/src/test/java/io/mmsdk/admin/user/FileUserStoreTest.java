package io.mmsdk.admin.user;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link UserStoreContract} for {@link UserStore#file}. */
class FileUserStoreTest extends UserStoreContract {
  @TempDir Path dir;

  @Override
  protected UserStore open() {
    return UserStore.file(dir.resolve("users.properties"));
  }

  @Override
  protected void damage() throws IOException {
    Path f = dir.resolve("users.properties");
    Files.writeString(f, Files.readString(f).replace("VIDEO_OPERATOR", "JANITOR"));
  }

  @Override
  protected Class<? extends Driver> processDriver() {
    return FileDriver.class;
  }

  @Test
  void file_isOwnerOnly() throws IOException {
    org.junit.jupiter.api.Assumptions.assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"));
    try (UserStore store = open()) {
      store.save(rich());
    }
    assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
        Files.getPosixFilePermissions(dir.resolve("users.properties"))));
  }

  /** Opens {@link UserStore#file} in a child process. */
  public static final class FileDriver extends Driver {
    /** Creates a driver. */
    public FileDriver() {}

    @Override
    protected UserStore openStore(Path d) {
      return UserStore.file(d.resolve("users.properties"));
    }
  }
}
