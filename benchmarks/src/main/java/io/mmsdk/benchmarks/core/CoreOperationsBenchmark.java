package io.mmsdk.benchmarks.core;

import io.mmsdk.admin.user.PasswordHash;
import io.mmsdk.core.notify.Notification;
import io.mmsdk.core.notify.Notifications;
import io.mmsdk.core.notify.Severity;
import io.mmsdk.testkit.core.SimulatedClock;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** Costs of notification updates and of checking a password at the default PBKDF2 cost. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
public class CoreOperationsBenchmark {
  private Notifications notifications;
  private PasswordHash hash;
  private int n;

  /** Creates 1 000 active notifications and one default-cost password hash. */
  @Setup
  public void setUp() {
    notifications = Notifications.create(SimulatedClock.startingAt(Instant.parse("2026-01-01T00:00:00Z")));
    for (int i = 0; i < 1000; i++) {
      notifications.raise(Severity.WARNING, "bench", "key-" + i, "message " + i);
    }
    hash = PasswordHash.create("correct horse battery staple", PasswordHash.DEFAULT_ITERATIONS, new SecureRandom());
  }

  /** Re-raises one of 1 000 keys with a changed message (the per-poll cost of a module). */
  @Benchmark
  @OutputTimeUnit(TimeUnit.NANOSECONDS)
  public Notification raiseExisting() {
    n++;
    return notifications.raise(Severity.ERROR, "bench", "key-" + (n % 1000), "changed " + (n & 1));
  }

  /** Verifies a password against a PBKDF2-HMAC-SHA256 hash with 600 000 iterations (one sign-in). */
  @Benchmark
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public boolean verifyPassword() {
    return hash.matches("correct horse battery staple");
  }
}
