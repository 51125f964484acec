package io.mmsdk.blastdial;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link BlastDialStoreContract} for {@link BlastDialStore#file}, plus what only the files have. */
class FileBlastDialStoreTest extends BlastDialStoreContract {
  @TempDir Path dir;

  @Override
  protected BlastDialStore open() {
    return BlastDialStore.file(dir);
  }

  @Override
  protected void damage(SpaceKey space) throws Exception {
    try (var files = Files.list(dir.resolve("spaces"))) {
      for (Path f : files.toList()) {
        String text = Files.readString(f);
        if (text.contains(space.spaceId())) {
          Files.writeString(f, text.replace("retries=3", "retries=three"));
        }
      }
    }
  }

  @Override
  protected Class<? extends Driver> processDriver() {
    return FileDriver.class;
  }

  @Test
  void saveSpace_leavesNoTemporaryFiles() throws Exception {
    try (BlastDialStore store = open()) {
      store.saveSpace(new SpaceSetup(SpaceKey.of("a", "s"), BlastDialConfig.disabled(), List.of()));
      store.saveSpace(new SpaceSetup(SpaceKey.of("a", "s"), BlastDialConfig.disabled(), List.of()));
    }
    try (var files = Files.walk(dir)) {
      assertTrue(files.noneMatch(p -> p.toString().endsWith(".tmp")));
    }
  }

  @Test
  void findSpace_corruptFile_failsWithFileNameAndFix() throws Exception {
    try (BlastDialStore store = open()) {
      SpaceKey key = SpaceKey.of("a", "s");
      store.saveSpace(new SpaceSetup(key, BlastDialConfig.disabled(), List.of()));
      try (var files = Files.list(dir.resolve("spaces"))) {
        Path f = files.findFirst().orElseThrow();
        Files.writeString(f, "enabled=true\nretries=\\u00zz\n");
      }
      BlastDialException e = assertThrows(BlastDialException.class, () -> store.findSpace(key));
      assertTrue(e.getMessage().contains("restore it from a backup"), e.getMessage());
    }
  }

  /** Opens {@link BlastDialStore#file} in a child process. */
  public static final class FileDriver extends Driver {
    /** Creates a driver. */
    public FileDriver() {}

    @Override
    protected BlastDialStore openStore(Path d) {
      return BlastDialStore.file(d);
    }
  }
}
