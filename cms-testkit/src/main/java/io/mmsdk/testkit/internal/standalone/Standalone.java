package io.mmsdk.testkit.internal.standalone;

import io.mmsdk.testkit.SimulatedCallBridge;
import io.mmsdk.testkit.SimulatedCluster;
import io.mmsdk.testkit.SimulatedDirectory;
import io.mmsdk.testkit.core.ClusterOptions;
import io.mmsdk.testkit.core.SimulatedClock;
import io.mmsdk.testkit.internal.ControlServer;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * Not API (the command line is). The standalone simulator, the {@code Main-Class} of
 * {@code cms-testkit-<version>-standalone.jar}: starts a simulated cluster (and optionally a
 * simulated LDAP directory), prints where everything is, and serves until {@code POST /shutdown}
 * on the control endpoint or until the process is stopped. It prints no secret: the API password
 * only when it is the documented default, the generated LDAP bind password never (a client asks
 * {@code GET /credentials} for both).
 */
public final class Standalone {
  private static final String USAGE = String.join("\n",
      "usage: java -jar cms-testkit-<version>-standalone.jar [options]",
      "  --bridges N           Call Bridges to simulate, 1..16 (default 1)",
      "  --https               serve HTTPS with a generated CA (its PEM path is printed)",
      "  --port P              first bridge's port; bridge i listens on P+i (default: free ports)",
      "  --control-port P      port of the JSON control endpoint (default: a free port)",
      "  --ldif FILE           start a simulated LDAP directory loaded from FILE",
      "  --base-dn DN          the directory's base DN (default dc=example,dc=com)",
      "  --username U          API user name (default admin)",
      "  --password P          API password (default password)",
      "  --start INSTANT       simulated start time, e.g. 2026-01-05T09:00:00Z (default: now)",
      "  --ca-out FILE         where to write the CA's PEM (default: a temporary file)");

  private Standalone() {}

  /** Runs the simulator; exits 2 with the usage on bad arguments, 1 if it cannot start. */
  public static void main(String[] args) throws InterruptedException {
    Map<String, String> flags;
    try {
      flags = parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.println(USAGE);
      System.exit(2);
      return;
    }
    if (flags.containsKey("--help")) {
      System.out.println(USAGE);
      return;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Running running;
    try {
      running = start(flags, stopped::countDown, System.out);
    } catch (RuntimeException e) {
      System.err.println("cms-testkit could not start: " + e.getMessage());
      System.exit(1);
      return;
    }
    Thread hook = new Thread(running::close, "cms-testkit-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    stopped.await();
    Runtime.getRuntime().removeShutdownHook(hook);
    running.close();
    System.out.println("stopped");
    // Idle OkHttp threads (CDR push) would keep the JVM alive for a minute: exit now.
    System.exit(0);
  }

  /** The started parts; closing stops the control endpoint, the cluster and the directory. */
  record Running(SimulatedCluster cluster, SimulatedDirectory directory, ControlServer control)
      implements AutoCloseable {
    @Override
    public void close() {
      control.close();
      cluster.close();
      if (directory != null) {
        directory.close();
      }
    }
  }

  static Running start(Map<String, String> flags, Runnable onShutdown, PrintStream out) {
    ClusterOptions.Builder options = ClusterOptions.builder()
        .callBridges(intFlag(flags, "--bridges", 1))
        .https(flags.containsKey("--https"))
        .firstPort(intFlag(flags, "--port", 0))
        .credentials(flags.getOrDefault("--username", "admin"),
            flags.getOrDefault("--password", "password"))
        .clock(SimulatedClock.startingAt(start(flags.get("--start"))));
    SimulatedDirectory directory = null;
    if (flags.containsKey("--ldif")) {
      SimulatedDirectory.Builder d = SimulatedDirectory.builder().ldif(Path.of(flags.get("--ldif")));
      if (flags.containsKey("--base-dn")) {
        d.baseDn(flags.get("--base-dn"));
      }
      directory = d.start();
    }
    SimulatedCluster cluster;
    try {
      cluster = SimulatedCluster.start(options.build());
    } catch (RuntimeException e) {
      if (directory != null) {
        directory.close();
      }
      throw e;
    }
    try {
      Path ca = null;
      if (cluster.findCaCertificatePem().isPresent()) {
        ca = writeCa(flags.get("--ca-out"), cluster.findCaCertificatePem().get());
      }
      ControlServer control = ControlServer.start(intFlag(flags, "--control-port", 0),
          new ControlApi(cluster, directory, onShutdown)::dispatch);
      out.println("cms-testkit standalone simulator");
      for (SimulatedCallBridge b : cluster.callBridges()) {
        out.println("bridge " + b.name() + ": " + b.baseUrl() + "/api/v1/");
      }
      // A password given with --password is never echoed (consoles end up in CI logs); the
      // default is documented in the usage text, so printing it tells nothing new.
      out.println("credentials: " + cluster.apiUsername() + " "
          + (flags.containsKey("--password") ? "(the --password value)" : cluster.apiPassword()));
      if (ca != null) {
        out.println("ca: " + ca.toAbsolutePath());
      }
      if (directory != null) {
        out.println("ldap: " + directory.url() + " base " + directory.baseDn() + " bind "
            + directory.bindDn() + " (password: GET /credentials)");
      }
      out.println("control: http://127.0.0.1:" + control.port() + "/");
      out.println("ready");
      out.flush();
      return new Running(cluster, directory, control);
    } catch (IOException | RuntimeException e) {
      cluster.close();
      if (directory != null) {
        directory.close();
      }
      if (e instanceof IOException io) {
        throw new UncheckedIOException("could not start the control endpoint", io);
      }
      throw (RuntimeException) e;
    }
  }

  static Map<String, String> parse(String[] args) {
    Map<String, String> flags = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      switch (a) {
        case "--https", "--help" -> flags.put(a, "true");
        case "--bridges", "--port", "--control-port", "--ldif", "--base-dn", "--username",
            "--password", "--start", "--ca-out" -> {
          if (i + 1 >= args.length) {
            throw new IllegalArgumentException(a + " needs a value");
          }
          flags.put(a, args[++i]);
        }
        default -> throw new IllegalArgumentException("unknown option " + a);
      }
    }
    return flags;
  }

  private static int intFlag(Map<String, String> flags, String name, int fallback) {
    String v = flags.get(name);
    if (v == null) {
      return fallback;
    }
    try {
      return Integer.parseInt(v);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a whole number, was '" + v + "'");
    }
  }

  private static Instant start(String value) {
    if (value == null) {
      // The command line is the composition root: the one place that reads the real time.
      return Instant.now().truncatedTo(ChronoUnit.SECONDS);
    }
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("--start must be an ISO instant such as "
          + "2026-01-05T09:00:00Z, was '" + value + "'");
    }
  }

  private static Path writeCa(String target, String pem) {
    try {
      Path file = target != null ? Path.of(target)
          : Files.createTempFile("cms-testkit-ca-", ".pem");
      if (target == null) {
        file.toFile().deleteOnExit();
      }
      Files.writeString(file, pem, StandardCharsets.US_ASCII);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException("could not write the CA certificate", e);
    }
  }
}
