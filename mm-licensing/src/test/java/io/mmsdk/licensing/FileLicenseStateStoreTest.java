package io.mmsdk.licensing;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link LicenseStateStoreContract} for {@link LicenseStateStore#file}. */
class FileLicenseStateStoreTest extends LicenseStateStoreContract {
  @TempDir Path dir;

  @Override
  protected LicenseStateStore open() {
    return LicenseStateStore.file(dir);
  }

  @Override
  protected void damage() throws IOException {
    Files.writeString(dir.resolve("license-state.properties"), "mode=SIDEWAYS\n");
  }

  @Override
  protected Class<? extends Driver> processDriver() {
    return FileDriver.class;
  }

  @Test
  void load_damagedFile_adviceNamesTheFile() throws IOException {
    damage();
    try (LicenseStateStore store = LicenseStateStore.file(dir)) {
      LicenseStoreException e = assertThrows(LicenseStoreException.class, store::load);
      assertTrue(e.getMessage().contains(dir.resolve("license-state.properties").toString())
          && e.getMessage().contains("delete it to start over"), e.getMessage());
    }
  }

  /** Opens {@link LicenseStateStore#file} in a child process. */
  public static final class FileDriver extends Driver {
    /** Creates a driver. */
    public FileDriver() {}

    @Override
    protected LicenseStateStore openStore(Path d) {
      return LicenseStateStore.file(d);
    }
  }
}
