package io.mmsdk.common.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreLockTest {
  @TempDir Path dir;

  @Test
  void acquire_twiceInOneProcess_secondFailsNamingThisProcessAndFirstKeepsItsLock() throws Exception {
    Path file = dir.resolve("store/x.lock");
    try (StoreLock first = StoreLock.acquire(file)) {
      assertEquals("pid=" + ProcessHandle.current().pid(), Files.readString(file).trim());
      StoreLockedException e = assertThrows(StoreLockedException.class, () -> StoreLock.acquire(file));
      assertTrue(e.getMessage().contains("this process (pid " + ProcessHandle.current().pid() + ")"), e.getMessage());
      assertEquals(file, e.lockFile());
      // The failed attempt must not have dropped the OS lock (POSIX drops all of a process's locks
      // on a file when any descriptor of it closes): the file is still locked for other processes.
      try (FileChannel probe = FileChannel.open(file, StandardOpenOption.WRITE)) {
        assertTrue(first.lockFile().equals(file));
        assertThrows(java.nio.channels.OverlappingFileLockException.class, probe::tryLock);
      }
    }
    try (StoreLock again = StoreLock.acquire(file); FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      assertEquals(file, again.lockFile());
      assertTrue(ch.size() > 0);
    }
  }

  @Test
  void acquire_lockHeldOutsideTheSdk_failsWithoutPid() throws Exception {
    Path file = dir.resolve("y.lock");
    Files.createFile(file);
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE); FileLock held = ch.lock()) {
      assertTrue(held.isValid());
      assertThrows(StoreLockedException.class, () -> StoreLock.acquire(file));
    }
  }
}
