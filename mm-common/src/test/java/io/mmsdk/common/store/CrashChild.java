package io.mmsdk.common.store;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The child JVM of {@link StoreProcessContract}: {@code CrashChild <driver class> <dir> write|hold
 * <first>}. It opens the store and prints {@code OPEN <pid>}; then {@code write} stores records
 * first, first + 1, ... forever, printing {@code ACK <i>} after each acknowledged one, and {@code
 * hold} keeps the store open until its standard input closes. The parent ends it with SIGKILL.
 */
public final class CrashChild {
  private CrashChild() {}

  /** Runs the child; see the class comment for the arguments. */
  public static void main(String[] args) throws Exception {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    StoreDriver driver = (StoreDriver) Class.forName(args[0]).getConstructor().newInstance();
    driver.open(Path.of(args[1]));
    out.println("OPEN " + ProcessHandle.current().pid());
    if (args[2].equals("hold")) {
      while (System.in.read() >= 0) {
        // Hold the store until the parent closes our input or kills us.
      }
      return;
    }
    for (int i = Integer.parseInt(args[3]); ; i++) {
      driver.write(i);
      out.println("ACK " + i);
    }
  }
}
