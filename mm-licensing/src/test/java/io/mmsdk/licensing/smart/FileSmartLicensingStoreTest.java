package io.mmsdk.licensing.smart;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** {@link SmartLicensingStoreContract} for {@link SmartLicensingStore#file}. */
class FileSmartLicensingStoreTest extends SmartLicensingStoreContract {
  @TempDir Path dir;

  @Override
  protected SmartLicensingStore open() {
    return SmartLicensingStore.file(dir);
  }

  @Override
  protected void damage() throws IOException {
    Files.writeString(dir.resolve("smart-licensing.properties"), "registration=MAYBE\n");
  }

  @Override
  protected Class<? extends Driver> processDriver() {
    return FileDriver.class;
  }

  /** Opens {@link SmartLicensingStore#file} in a child process. */
  public static final class FileDriver extends Driver {
    /** Creates a driver. */
    public FileDriver() {}

    @Override
    protected SmartLicensingStore openStore(Path d) {
      return SmartLicensingStore.file(d);
    }
  }
}
