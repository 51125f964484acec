package io.mmsdk.examples;

import java.util.HashMap;
import java.util.Map;

/**
 * The {@code --flag value} command line shared by the example apps. Kept deliberately tiny so an
 * app copied out of this repository needs only this class besides itself.
 */
public final class ExampleFlags {
  private ExampleFlags() {}

  /** Parses {@code --flag value} pairs; anything else ends {@code app} with a usage error. */
  public static Map<String, String> parse(String app, String[] args) {
    Map<String, String> flags = new HashMap<>();
    for (int i = 0; i < args.length; i++) {
      if (!args[i].startsWith("--") || i + 1 >= args.length) {
        fail(app, "expected --flag value pairs, got '" + args[i] + "'");
      }
      flags.put(args[i], args[++i]);
    }
    return flags;
  }

  /** Returns the value of {@code name}, which is required with {@code --cms-url}, or ends {@code app}. */
  public static String required(String app, Map<String, String> flags, String name) {
    String v = flags.get(name);
    if (v == null) {
      fail(app, name + " is required with --cms-url");
    }
    return v;
  }

  /** Prints {@code app: message} to standard error and exits with status 1. */
  public static void fail(String app, String message) {
    System.err.println(app + ": " + message);
    System.exit(1);
  }
}
