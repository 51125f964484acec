package io.mmsdk.examples.demo;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Numbered steps and short indented lines on the console; also kept for the demo's result. */
final class Progress {
  private final PrintStream out;
  private final List<String> lines = new ArrayList<>();
  private final int totalSteps;
  private int step;

  Progress(PrintStream out, int totalSteps) {
    this.out = out;
    this.totalSteps = totalSteps;
  }

  /** Starts the next numbered step. */
  void step(String title) {
    step++;
    print(String.format(Locale.ROOT, "[%d/%d] %s", step, totalSteps, title));
  }

  /** Prints one detail line of the current step. */
  void line(String format, Object... args) {
    print("      " + String.format(Locale.ROOT, format, args));
  }

  /** Prints a line without indentation. */
  void plain(String text) {
    print(text);
  }

  List<String> lines() {
    return List.copyOf(lines);
  }

  private void print(String s) {
    lines.add(s);
    out.println(s);
    out.flush();
  }
}
