package io.mmsdk.examples.demo;

/**
 * The one-command demo. It runs every mm-sdk module against a simulated cluster and an embedded
 * directory; until the demo issue lands it says so and exits.
 */
public final class Demo {
  private Demo() {}

  /** Runs the demo. */
  public static void main(String[] args) {
    System.out.println("mm-sdk demo: not yet available (the modules are being built).");
  }
}
