package io.mmsdk.examples.demo;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The demo's command line: where to write files and, optionally, a real Call Bridge to read from.
 * The password is never a flag value: {@code --cms-password-env VAR} names an environment variable.
 */
record DemoOptions(
    Path outputDirectory,
    String cmsUrl,
    String cmsUser,
    String cmsPasswordEnv,
    Path trustPem,
    int directoryUsers,
    Duration pace,
    boolean help) {

  static final String USAGE = String.join("\n",
      "Usage: Demo [--out DIR] [--cms-url URL --cms-user USER --cms-password-env VAR [--trust-pem FILE]]",
      "",
      "Without --cms-url the demo starts a simulated two-bridge cluster (cms-testkit) and an in-memory",
      "LDAP directory and runs every mm-sdk module against them.",
      "",
      "  --out DIR               where to write license-data.zip and the SVG chart (default demo-output)",
      "  --cms-url URL           a real Call Bridge API, e.g. https://cms1.example.com:8443",
      "                          (read-only steps only: spaces, system status, license compliance)",
      "  --cms-user USER         API user name",
      "  --cms-password-env VAR  read the API password from environment variable VAR",
      "  --trust-pem FILE        PEM CA certificate(s) to trust (default: the JVM trust store)",
      "  --users N               generated directory users in the simulated run (default 300)",
      "  --help                  print this text",
      "",
      "Through Maven: ./mvnw -q -Pdemo -DskipTests package -Ddemo.args=\"--out /tmp/mm-demo\"");

  DemoOptions {
    Objects.requireNonNull(outputDirectory, "outputDirectory == null");
    Objects.requireNonNull(pace, "pace == null");
  }

  /** Returns the real Call Bridge URL, if one was given. */
  Optional<String> findCmsUrl() {
    return Optional.ofNullable(cmsUrl);
  }

  /** Parses {@code args}; throws {@link IllegalArgumentException} with a message for the user. */
  static DemoOptions parse(String[] args) {
    Path out = Path.of("demo-output");
    String url = null;
    String user = null;
    String passwordEnv = null;
    Path pem = null;
    int users = 300;
    boolean help = false;
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      switch (a) {
        case "--help", "-h" -> help = true;
        case "--out" -> out = Path.of(value(args, ++i, a));
        case "--cms-url" -> url = value(args, ++i, a);
        case "--cms-user" -> user = value(args, ++i, a);
        case "--cms-password-env" -> passwordEnv = value(args, ++i, a);
        case "--trust-pem" -> pem = Path.of(value(args, ++i, a));
        case "--users" -> {
          String v = value(args, ++i, a);
          try {
            users = Integer.parseInt(v);
          } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--users expects a whole number, was '" + v + "'");
          }
          if (users < 10 || users > 5000) {
            throw new IllegalArgumentException("--users must be between 10 and 5000, was " + users);
          }
        }
        default -> throw new IllegalArgumentException("Unknown argument '" + a + "'. Run with --help for usage.");
      }
    }
    if (url != null && (user == null || passwordEnv == null)) {
      throw new IllegalArgumentException(
          "--cms-url needs --cms-user and --cms-password-env VAR (the password is read from that environment variable)");
    }
    if (url == null && (user != null || passwordEnv != null || pem != null)) {
      throw new IllegalArgumentException("--cms-user, --cms-password-env and --trust-pem only apply with --cms-url");
    }
    return new DemoOptions(out, url, user, passwordEnv, pem, users, Duration.ofMillis(150), help);
  }

  private static String value(String[] args, int i, String flag) {
    if (i >= args.length || args[i].startsWith("--")) {
      throw new IllegalArgumentException(flag + " needs a value. Run with --help for usage.");
    }
    return args[i];
  }

  /** Returns a copy with another output directory. */
  DemoOptions withOutputDirectory(Path dir) {
    return new DemoOptions(dir, cmsUrl, cmsUser, cmsPasswordEnv, trustPem, directoryUsers, pace, help);
  }

  /** Returns a copy with another number of generated directory users. */
  DemoOptions withDirectoryUsers(int users) {
    return new DemoOptions(outputDirectory, cmsUrl, cmsUser, cmsPasswordEnv, trustPem, users, pace, help);
  }

  /** Returns a copy that pauses {@code pace} between the live-meeting views (zero in tests). */
  DemoOptions withPace(Duration p) {
    return new DemoOptions(outputDirectory, cmsUrl, cmsUser, cmsPasswordEnv, trustPem, directoryUsers, p, help);
  }
}
