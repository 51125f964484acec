package io.mmsdk.common.store;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A child JVM for tests that need a second process: it runs a main class of the test class path
 * with the JVM of {@code java.home}, its standard output read line by line with a bound on every
 * wait, and everything it printed (standard output and error) kept for failure messages. Start
 * children with {@link ChildJvms}, which kills them after each test and logs their output when the
 * test failed.
 */
public final class ChildJvm implements AutoCloseable {
  /** How long a read or a kill waits by default. */
  public static final Duration TIMEOUT = Duration.ofSeconds(60);

  /**
   * JVM options every child gets before the caller's (which may override them): a child lives for
   * seconds, so the client compiler alone and the serial collector start it with less CPU than the
   * defaults (optimizing compiler threads, parallel GC threads), which matters on a busy machine.
   * Neither changes what the child does, nor how it dies (SIGKILL).
   */
  private static final List<String> FAST_START =
      List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto");

  private final String name;
  private final Process process;
  /** Lines of standard output not read yet; empty marks its end. */
  private final BlockingQueue<Optional<String>> lines = new LinkedBlockingQueue<>();
  private final StringBuffer transcript = new StringBuffer();
  private final Thread stdoutPump;
  private final Thread stderrPump;

  private ChildJvm(String name, Process process) {
    this.name = name;
    this.process = process;
    this.stdoutPump = pump(process.getInputStream(), "out", true);
    this.stderrPump = pump(process.getErrorStream(), "err", false);
  }

  /**
   * Starts {@code mainClass} in a new JVM on this JVM's class path.
   *
   * @param mainClass the class whose {@code main} the child runs
   * @param jvmArguments arguments for the JVM, such as {@code -Xmx64m} or {@code -D} properties
   * @param arguments the arguments of {@code main}
   * @return the running child
   * @throws IOException if the JVM cannot be started
   */
  static ChildJvm start(Class<?> mainClass, List<String> jvmArguments, List<String> arguments)
      throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(FAST_START);
    cmd.addAll(jvmArguments);
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(mainClass.getName());
    cmd.addAll(arguments);
    Process p = new ProcessBuilder(cmd).start();
    return new ChildJvm(mainClass.getSimpleName() + " " + String.join(" ", arguments), p);
  }

  private Thread pump(InputStream in, String stream, boolean queue) {
    Thread t = new Thread(() -> {
      try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
        for (String line; (line = r.readLine()) != null; ) {
          transcript.append(stream).append("| ").append(line).append('\n');
          if (queue) {
            lines.add(Optional.of(line));
          }
        }
      } catch (IOException e) {
        transcript.append(stream).append("| (reading failed: ").append(e).append(")\n");
      } finally {
        if (queue) {
          lines.add(Optional.empty());
        }
      }
    }, "child-" + process.pid() + "-" + stream);
    t.setDaemon(true);
    t.start();
    return t;
  }

  /** {@return the child's process id} */
  public long pid() {
    return process.pid();
  }

  /**
   * Returns the child's next line of standard output.
   *
   * @param timeout how long to wait for it
   * @return the line
   * @throws InterruptedException if interrupted while waiting
   * @throws AssertionError if the child printed no line in time or ended first; the message holds
   *     everything it printed
   */
  public String readLine(Duration timeout) throws InterruptedException {
    Optional<String> line = lines.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    if (line == null) {
      throw new AssertionError("child " + pid() + " printed no line within " + timeout + output());
    }
    if (line.isEmpty()) {
      lines.add(line);
      throw new AssertionError("child " + pid() + " ended before printing a line" + output());
    }
    return line.get();
  }

  /**
   * Returns the lines of standard output not read yet, once the child has ended (for example after
   * {@link #kill()}): what it printed before it died.
   *
   * @return the unread lines, in order
   * @throws InterruptedException if interrupted while waiting
   * @throws AssertionError if the child or its output did not end within {@link #TIMEOUT}
   */
  public List<String> remainingLines() throws InterruptedException {
    awaitExit();
    List<String> rest = new ArrayList<>();
    for (Optional<String> line; (line = lines.take()).isPresent(); ) {
      rest.add(line.get());
    }
    lines.add(Optional.empty());
    return rest;
  }

  /**
   * Writes a line to the child's standard input.
   *
   * @param line the line, without its line separator
   * @throws UncheckedIOException if the child's input is closed (it ended)
   */
  public void send(String line) {
    try {
      OutputStream in = process.getOutputStream();
      in.write((line + "\n").getBytes(StandardCharsets.UTF_8));
      in.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write to child " + pid() + output(), e);
    }
  }

  /**
   * Kills the child with SIGKILL (on POSIX; {@link ProcessHandle#destroyForcibly()}) and waits for
   * it to die.
   *
   * @throws InterruptedException if interrupted while waiting
   * @throws AssertionError if it did not die within {@link #TIMEOUT}
   */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    awaitExit();
  }

  private void awaitExit() throws InterruptedException {
    if (!process.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new AssertionError("child " + pid() + " did not end within " + TIMEOUT + output());
    }
    stdoutPump.join(TIMEOUT.toMillis());
    stderrPump.join(TIMEOUT.toMillis());
    if (stdoutPump.isAlive() || stderrPump.isAlive()) {
      throw new AssertionError("child " + pid() + "'s output did not end within " + TIMEOUT);
    }
  }

  /** {@return everything the child printed so far, prefixed with a line naming it} */
  public String output() {
    return "\n--- child " + pid() + " (" + name + ")"
        + (process.isAlive() ? ", running" : ", exit code " + process.exitValue()) + ":\n"
        + transcript;
  }

  /** Kills the child if it still runs. */
  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      kill();
    }
  }
}
