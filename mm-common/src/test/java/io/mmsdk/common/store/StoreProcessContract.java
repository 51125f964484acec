package io.mmsdk.common.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The process-level contract every store meets, tested through the store's interface: a child JVM
 * killed with SIGKILL at random points loses no acknowledged record and leaves a store that opens
 * cleanly. A store for one process (the file stores) is exclusive: while a child JVM holds it,
 * opening it fails with a {@link StoreLockedException} naming the holder. A store that processes
 * share (a database; {@link #sharedAcrossProcesses()}) instead keeps every record two child JVMs
 * acknowledge while writing at once and then are killed.
 *
 * <p>Subclass it with the store's {@link StoreDriver}. The child is a {@link ChildJvm} (the test
 * class path, the JVM of {@code java.home} and {@link #childJvmArguments()}); kill points come
 * from fixed seeds.
 */
public abstract class StoreProcessContract {
  private static final long[] SEEDS = {1L, 2L, 3L};
  private static final int MAX_ACKS_BEFORE_KILL = 60;

  @TempDir Path dir;
  @RegisterExtension final ChildJvms children = new ChildJvms();

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
    // The seeds' stores are independent, so their children run at once (their start-up overlaps);
    // a thread per child reads its acknowledgements and kills it right after its own kill point.
    ExecutorService pool = Executors.newFixedThreadPool(SEEDS.length);
    try {
      List<Future<Integer>> killed = new ArrayList<>();
      for (long seed : SEEDS) {
        int killAfter = new Random(seed).nextInt(MAX_ACKS_BEFORE_KILL) + 1;
        killed.add(pool.submit(() -> writeAndKill(crashDir(seed), killAfter)));
      }
      for (int k = 0; k < SEEDS.length; k++) {
        long seed = SEEDS[k];
        Path storeDir = crashDir(seed);
        int lastAck = await(killed.get(k));
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
    } finally {
      pool.shutdownNow();
    }
  }

  private Path crashDir(long seed) {
    return dir.resolve("crash-" + seed);
  }

  /**
   * Starts a writing child on {@code storeDir}, kills it with SIGKILL as soon as it acknowledged
   * record {@code killAfter} and returns the last acknowledgement read.
   */
  private int writeAndKill(Path storeDir, int killAfter) throws Exception {
    ChildJvm child = start(storeDir, "write", 0);
    int lastAck = -1;
    while (lastAck < killAfter) {
      String line = child.readLine(ChildJvm.TIMEOUT);
      assertTrue(line.startsWith("ACK "), "unexpected child output: " + line + child.output());
      lastAck = Integer.parseInt(line.substring(4));
    }
    child.kill();
    return lastAck;
  }

  /** {@return the value of {@code f}, rethrowing what its task threw (an assertion, say)} */
  private static <T> T await(Future<T> f) throws Exception {
    try {
      return f.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw (Exception) e.getCause();
    }
  }

  @Test
  void shared_twoProcessesWritingAtOnceKilled_everyAcknowledgedRecordOfBothSurvives() throws Exception {
    assumeTrue(sharedAcrossProcesses(), "the store is exclusive to one process");
    Path storeDir = dir.resolve("shared");
    int second = 100_000;
    ChildJvm a = launch(storeDir, "write", 0);
    ChildJvm b = launch(storeDir, "write", second);
    awaitOpen(a);
    awaitOpen(b);
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
  private static int readAcks(ChildJvm child, int count) throws InterruptedException {
    int last = -1;
    for (int n = 0; n < count; n++) {
      String line = child.readLine(ChildJvm.TIMEOUT);
      assertTrue(line.startsWith("ACK "), "unexpected child output: " + line + child.output());
      last = Integer.parseInt(line.substring(4));
    }
    return last;
  }

  @Test
  void lock_storeHeldByAnotherProcess_openFailsNamingTheHolder() throws Exception {
    assumeFalse(sharedAcrossProcesses(), "the store is shared by processes");
    Path storeDir = dir.resolve("held");
    ChildJvm child = start(storeDir, "hold", 0);
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

  /** Starts a {@link CrashChild} on the store and reads its {@code OPEN <pid>} line. */
  private ChildJvm start(Path storeDir, String mode, int first) throws Exception {
    return awaitOpen(launch(storeDir, mode, first));
  }

  /** Starts a {@link CrashChild} on the store; see {@link #awaitOpen}. */
  private ChildJvm launch(Path storeDir, String mode, int first) throws Exception {
    Files.createDirectories(storeDir.getParent());
    List<String> jvm = new ArrayList<>();
    jvm.add("-Xmx64m");
    jvm.addAll(childJvmArguments());
    return children.start(CrashChild.class, jvm,
        List.of(driver().getName(), storeDir.toString(), mode, Integer.toString(first)));
  }

  /** Reads the child's {@code OPEN <pid>} line: it opened the store. */
  private static ChildJvm awaitOpen(ChildJvm child) throws InterruptedException {
    String opened = child.readLine(ChildJvm.TIMEOUT);
    assertEquals("OPEN " + child.pid(), opened, "child did not open the store" + child.output());
    return child;
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
}
