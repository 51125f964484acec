package io.mmsdk.examples.demo;

import io.mmsdk.common.MmSdkException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.function.Function;

/**
 * The one-command demo: {@code ./mvnw -q -Pdemo -DskipTests package}.
 *
 * <p>Without {@code --cms-url} it starts a simulated two-bridge cluster (cms-testkit) and an
 * in-memory LDAP directory, then drives every mm-sdk module through its public API: cluster
 * registry, provisioning and LDAP sync, CDR receiver and live meetings, blast dial, license
 * compliance and reports. With {@code --cms-url} it runs only read-only steps against that Call
 * Bridge. {@code --help} prints the usage.
 */
public final class Demo {
  private Demo() {}

  /** Runs the demo and exits 0 on success, 1 on failure (with a message), 2 on bad arguments. */
  public static void main(String[] args) {
    DemoOptions options;
    try {
      options = DemoOptions.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("mm-sdk demo: " + e.getMessage());
      System.exit(2);
      return;
    }
    if (options.help()) {
      System.out.println(DemoOptions.USAGE);
      return;
    }
    try {
      run(options, System.out);
    } catch (Exception e) {
      System.err.println();
      System.err.println("mm-sdk demo FAILED: " + e.getClass().getSimpleName() + ": " + e.getMessage());
      if (!(e instanceof MmSdkException || e instanceof IllegalArgumentException)) {
        e.printStackTrace(System.err);  // unexpected: the details help a bug report
      }
      System.exit(1);
    }
  }

  /** Runs the demo with {@code options}, printing progress to {@code out}. */
  static DemoResult run(DemoOptions options, PrintStream out) throws Exception {
    return run(options, out, System::getenv);
  }

  /** Runs the demo; {@code environment} resolves the {@code --cms-password-env} variable. */
  static DemoResult run(DemoOptions options, PrintStream out, Function<String, String> environment)
      throws Exception {
    long started = System.nanoTime();
    DemoResult result;
    if (options.findCmsUrl().isPresent()) {
      Progress progress = new Progress(out, RealBridgeRun.STEPS);
      result = RealBridgeRun.run(options, progress, environment);
    } else {
      Progress progress = new Progress(out, SimulatedRun.STEPS);
      result = SimulatedRun.run(options, progress);
    }
    out.printf("Done in %d s. Output: %s%n", Duration.ofNanos(System.nanoTime() - started).toSeconds(),
        options.outputDirectory().toAbsolutePath().normalize());
    return result;
  }
}
