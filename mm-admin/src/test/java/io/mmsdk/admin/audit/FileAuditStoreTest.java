package io.mmsdk.admin.audit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** {@link AuditStoreContract} for {@link AuditStore#file}. */
class FileAuditStoreTest extends AuditStoreContract {
  @TempDir Path dir;

  @Override
  protected AuditStore open() {
    return AuditStore.file(dir.resolve("audit.log"));
  }

  @Override
  protected void damage(int index) throws IOException {
    Path file = dir.resolve("audit.log");
    byte[] b = Files.readAllBytes(file);
    int line = 0;
    int pos = 0;
    while (line < index) {
      if (b[pos++] == '\n') {
        line++;
      }
    }
    b[pos + 3] ^= 0x01; // inside the time field: the checksum no longer matches
    Files.write(file, b);
  }

  @Override
  protected Class<? extends Driver> processDriver() {
    return FileDriver.class;
  }

  /** Opens {@link AuditStore#file} in a child process. */
  public static final class FileDriver extends Driver {
    /** Creates a driver. */
    public FileDriver() {}

    @Override
    protected AuditStore openStore(Path d) {
      return AuditStore.file(d.resolve("audit.log"));
    }
  }
}
