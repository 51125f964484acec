package io.mmsdk.licensing;

import static io.mmsdk.licensing.Samples.smp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link UsageStoreContract} for {@link UsageStore#file}, plus what only the log file format has. */
class FileUsageStoreTest extends UsageStoreContract {
  private static final Instant FROM = Instant.parse("2026-01-01T00:00:00Z");
  private static final Instant TO = Instant.parse("2027-01-01T00:00:00Z");
  @TempDir Path dir;

  @Override
  protected UsageStore open() {
    return UsageStore.file(dir);
  }

  @Override
  protected void damage(int index) throws IOException {
    Path log = dir.resolve("usage.log");
    byte[] b = Files.readAllBytes(log);
    java.nio.ByteBuffer all = java.nio.ByteBuffer.wrap(b);
    int pos = 0;
    for (int i = 0; i < index; i++) {
      pos += 8 + all.getInt(pos);
    }
    b[pos + 12] ^= 0x01; // a payload bit: the checksum no longer matches
    Files.write(log, b);
  }

  @Override
  protected Class<? extends Driver> processDriver() {
    return FileDriver.class;
  }

  /** Opens {@link UsageStore#file} in a child process. */
  public static final class FileDriver extends Driver {
    /** Creates a driver. */
    public FileDriver() {}

    @Override
    protected UsageStore openStore(Path d) {
      return UsageStore.file(d);
    }
  }

  @Test
  void open_tornTail_isCutAndAcknowledgedSamplesKept() throws IOException {
    try (UsageStore store = UsageStore.file(dir)) {
      store.append(List.of(smp("h1", "2026-03-01T10:00:00Z", 1)));
      store.append(List.of(smp("h1", "2026-03-01T10:05:00Z", 2)));
    }
    Path log = dir.resolve("usage.log");
    long full = Files.size(log);
    // simulate a crash in the middle of writing the second record
    try (RandomAccessFile f = new RandomAccessFile(log.toFile(), "rw")) {
      f.setLength(full - 7);
    }
    try (UsageStore store = UsageStore.file(dir)) {
      assertEquals(List.of(smp("h1", "2026-03-01T10:00:00Z", 1)), store.samples(FROM, TO));
      // the store keeps working after the repair
      store.append(List.of(smp("h1", "2026-03-01T10:10:00Z", 3)));
    }
    try (UsageStore store = UsageStore.file(dir)) {
      assertEquals(2, store.size());
      assertEquals(3, store.samples(FROM, TO).get(1).values().smpFull());
    }
  }

  @Test
  void open_corruptLastRecord_isDropped() throws IOException {
    try (UsageStore store = UsageStore.file(dir)) {
      store.append(List.of(smp("h1", "2026-03-01T10:00:00Z", 1)));
      store.append(List.of(smp("h1", "2026-03-01T10:05:00Z", 2)));
    }
    Path log = dir.resolve("usage.log");
    byte[] b = Files.readAllBytes(log);
    b[b.length - 3] ^= 0x55;
    Files.write(log, b);
    try (UsageStore store = UsageStore.file(dir)) {
      assertEquals(1, store.size());
    }
    assertTrue(Files.size(log) < b.length);
  }

  @Test
  void open_flippedByteInTheMiddle_reportedAndSkippedEveryLaterSampleKept() throws IOException {
    List<UsageSample> written = new java.util.ArrayList<>();
    try (UsageStore store = UsageStore.file(dir)) {
      for (int i = 0; i < 100; i++) {
        UsageSample s = smp("h1", Instant.parse("2026-03-01T10:00:00Z").plusSeconds(300L * i).toString(), i);
        store.append(List.of(s));
        written.add(s);
      }
    }
    Path log = dir.resolve("usage.log");
    byte[] b = Files.readAllBytes(log);
    int record = b.length / 100;
    b[10 * record + 20] ^= 0x01; // a value bit of the 11th record
    b[50 * record + 2] ^= 0x10; // the length field of the 51st record
    Files.write(log, b);

    List<UsageSample> expected = new java.util.ArrayList<>(written);
    expected.remove(50);
    expected.remove(10);
    try (UsageStore store = UsageStore.file(dir)) {
      assertEquals(expected, store.samples(FROM, TO));
      assertEquals(2, store.damagedRecords().size());
      assertEquals(10L * record, store.damagedRecords().get(0).offset());
      assertEquals(record, store.damagedRecords().get(0).length());
      assertEquals(50L * record, store.damagedRecords().get(1).offset());
      store.append(List.of(smp("h1", "2026-04-01T00:00:00Z", 7)));
    }
    assertEquals(b.length + record, Files.size(log), "the damaged bytes stay for inspection; nothing was cut");
    try (UsageStore store = UsageStore.file(dir)) {
      assertEquals(99, store.size());
    }
  }

  @Test
  void open_storeFilesAreOwnerOnly() throws IOException {
    org.junit.jupiter.api.Assumptions.assumeTrue(
        dir.getFileSystem().supportedFileAttributeViews().contains("posix"));
    Path sub = dir.resolve("new/usage");
    try (UsageStore store = UsageStore.file(sub)) {
      store.append(List.of(smp("h1", "2026-03-01T10:00:00Z", 1)));
      assertEquals(1, store.prune(Instant.parse("2026-03-02T00:00:00Z")));
      store.append(List.of(smp("h1", "2026-03-03T10:00:00Z", 1)));
    }
    assertEquals("rw-------", perms(sub.resolve("usage.log")));
    assertEquals("rw-------", perms(sub.resolve("usage.log.lock")));
    assertEquals("rwx------", perms(sub));
    assertEquals("rwx------", perms(sub.getParent()));
  }

  private static String perms(Path p) throws IOException {
    return java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
  }

  @Test
  void open_garbageTail_isDropped() throws IOException {
    try (UsageStore store = UsageStore.file(dir)) {
      store.append(List.of(smp("h1", "2026-03-01T10:00:00Z", 1)));
    }
    Files.write(dir.resolve("usage.log"), new byte[] {0, 0, 0, 5, 1, 2},
        java.nio.file.StandardOpenOption.APPEND);
    try (UsageStore store = UsageStore.file(dir)) {
      assertEquals(1, store.size());
    }
  }

  @Test
  void prune_rewritesTheLogLeavingNoTempFile() {
    try (UsageStore store = UsageStore.file(dir)) {
      store.append(List.of(smp("h1", "2026-01-01T00:00:00Z", 1), smp("h1", "2026-04-01T00:00:00Z", 2)));
      assertEquals(1, store.prune(Instant.parse("2026-02-01T00:00:00Z")));
    }
    assertTrue(Files.notExists(dir.resolve("usage.log.tmp")));
  }

  @Test
  void open_directoryIsAFile_failsWithStoreException() throws IOException {
    Path file = Files.writeString(dir.resolve("plain"), "x");
    LicenseStoreException e =
        assertThrows(LicenseStoreException.class, () -> UsageStore.file(file));
    assertTrue(e.getMessage().contains("writable"), e.getMessage());
  }
}
