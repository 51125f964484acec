package io.mmsdk.common.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The process-level contract every store meets, tested through the store's interface: a child JVM
 * killed with SIGKILL at random points loses no acknowledged record and leaves a store that opens
 * cleanly. A store for one process (the file stores) is exclusive: while a child JVM holds it,
 * opening it fails with a {@link StoreLockedException} naming the holder. A store that processes
 * share (a database; {@link #sharedAcrossProcesses()}) instead keeps every record two child JVMs
 * acknowledge while writing at once and then are killed.
 *
 * <p>Subclass it with the store's {@link StoreDriver}. The child runs on the test class path with
 * the JVM of {@code java.home} and {@link #childJvmArguments()}; kill points come from fixed seeds.
 */
public abstract class StoreProcessContract {
  private static final long[] SEEDS = {1L, 2L, 3L};
  private static final int MAX_ACKS_BEFORE_KILL = 60;

  @TempDir Path dir;

  /** Returns the driver for the store under test. */
  protected abstract Class<? extends StoreDriver> driver();

  /** Returns whether several processes may use the store at once (default false: exclusive). */
  protected boolean sharedAcrossProcesses() {
    return false;
  }

  /**
   * Returns extra arguments for the child JVM, such as {@code -D} properties telling the driver
   * where the database is (default none).
   */
  protected List<String> childJvmArguments() {
    return List.of();
  }

  @Test
  void crash_killedAtRandomPoints_everyAcknowledgedRecordSurvivesAndStoreReopens() throws Exception {
    for (long seed : SEEDS) {
      Path storeDir = dir.resolve("crash-" + seed);
      int killAfter = new Random(seed).nextInt(MAX_ACKS_BEFORE_KILL) + 1;
      Child child = start(storeDir, "write", 0);
      int lastAck = -1;
      while (lastAck < killAfter) {
        String line = child.readLine();
        assertTrue(line.startsWith("ACK "), "unexpected child output: " + line + child.stderr());
        lastAck = Integer.parseInt(line.substring(4));
      }
      child.kill();

      try (StoreDriver reopened = newDriver()) {
        reopened.open(storeDir);
        assertEquals(range(lastAck), reopened.present(lastAck), "seed " + seed + ": acknowledged records lost");
        reopened.write(lastAck + 1);
      }
      try (StoreDriver again = newDriver()) {
        again.open(storeDir);
        assertEquals(range(lastAck + 1), again.present(lastAck + 1), "seed " + seed + ": write after recovery lost");
      }
    }
  }

  @Test
  void shared_twoProcessesWritingAtOnceKilled_everyAcknowledgedRecordOfBothSurvives() throws Exception {
    assumeTrue(sharedAcrossProcesses(), "the store is exclusive to one process");
    Path storeDir = dir.resolve("shared");
    int second = 100_000;
    Child a = start(storeDir, "write", 0);
    Child b = start(storeDir, "write", second);
    int lastA;
    int lastB;
    try {
      lastA = readAcks(a, MAX_ACKS_BEFORE_KILL / 2);
      lastB = readAcks(b, MAX_ACKS_BEFORE_KILL / 2);
    } finally {
      a.kill();
      b.kill();
    }
    try (StoreDriver reopened = newDriver()) {
      reopened.open(storeDir);
      Set<Integer> present = reopened.present(lastB);
      Set<Integer> expected = range(lastA);
      for (int i = second; i <= lastB; i++) {
        expected.add(i);
      }
      assertTrue(present.containsAll(expected), "acknowledged records lost: expected " + expected
          + ", present " + present);
    }
  }

  /** Reads acknowledgements until at least {@code count} came; returns the last one. */
  private static int readAcks(Child child, int count) throws IOException {
    int last = -1;
    for (int n = 0; n < count; n++) {
      String line = child.readLine();
      assertTrue(line.startsWith("ACK "), "unexpected child output: " + line + child.stderr());
      last = Integer.parseInt(line.substring(4));
    }
    return last;
  }

  @Test
  void lock_storeHeldByAnotherProcess_openFailsNamingTheHolder() throws Exception {
    assumeFalse(sharedAcrossProcesses(), "the store is shared by processes");
    Path storeDir = dir.resolve("held");
    Child child = start(storeDir, "hold", 0);
    long pid = child.pid();
    try (StoreDriver second = newDriver()) {
      StoreLockedException e = assertThrows(StoreLockedException.class, () -> second.open(storeDir));
      assertEquals(pid, e.findHolderPid().orElseThrow(), e.getMessage());
      assertTrue(e.getMessage().contains("process " + pid), e.getMessage());
      assertTrue(e.getMessage().contains(e.lockFile().toAbsolutePath().toString()), e.getMessage());
    } finally {
      child.kill();
    }
    try (StoreDriver afterDeath = newDriver()) {
      afterDeath.open(storeDir); // the OS released the dead holder's lock
      afterDeath.write(0);
      assertEquals(Set.of(0), afterDeath.present(0));
    }
  }

  private Child start(Path storeDir, String mode, int first) throws IOException {
    return Child.start(driver(), childJvmArguments(), storeDir, mode, first);
  }

  private StoreDriver newDriver() throws ReflectiveOperationException {
    return driver().getConstructor().newInstance();
  }

  private static Set<Integer> range(int last) {
    Set<Integer> s = new TreeSet<>();
    for (int i = 0; i <= last; i++) {
      s.add(i);
    }
    return s;
  }

  /** A child JVM running {@link CrashChild}. */
  private static final class Child {
    private final Process process;
    private final BufferedReader out;
    private final Path stderr;
    private final long pid;

    private Child(Process process, Path stderr) throws IOException {
      this.process = process;
      this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
      this.stderr = stderr;
      String first = readLine();
      if (!first.startsWith("OPEN ")) {
        throw new AssertionError("child did not open the store: " + first + stderr());
      }
      this.pid = Long.parseLong(first.substring(5));
    }

    static Child start(Class<?> driver, List<String> jvmArguments, Path storeDir, String mode,
        int first) throws IOException {
      Path err = storeDir.resolveSibling(storeDir.getFileName() + "-" + mode + "-" + first + ".stderr");
      List<String> cmd = new ArrayList<>();
      cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      cmd.add("-Xmx64m");
      cmd.addAll(jvmArguments);
      cmd.add("-cp");
      cmd.add(System.getProperty("java.class.path"));
      cmd.add(CrashChild.class.getName());
      cmd.add(driver.getName());
      cmd.add(storeDir.toString());
      cmd.add(mode);
      cmd.add(Integer.toString(first));
      java.nio.file.Files.createDirectories(storeDir.getParent());
      Process p = new ProcessBuilder(cmd).redirectError(err.toFile()).start();
      return new Child(p, err);
    }

    long pid() {
      assertEquals(process.pid(), pid);
      return pid;
    }

    String readLine() throws IOException {
      String line = out.readLine();
      if (line == null) {
        throw new AssertionError("child exited early" + stderr());
      }
      return line;
    }

    String stderr() {
      try {
        return "\nchild stderr:\n" + java.nio.file.Files.readString(stderr);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    /** Sends SIGKILL (on POSIX) to the child by its PID and waits for it to die. */
    void kill() throws InterruptedException {
      ProcessHandle.of(process.pid()).ifPresent(ProcessHandle::destroyForcibly);
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        throw new AssertionError("child " + process.pid() + " did not die");
      }
    }
  }
}
