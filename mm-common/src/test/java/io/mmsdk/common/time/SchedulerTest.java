package io.mmsdk.common.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SchedulerTest {
  private final ScheduledExecutorService pool =
      Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "host-pool"));

  @AfterEach
  void stop() {
    pool.shutdownNow();
  }

  @Test
  void using_runsTasksOnTheCallersExecutor() throws InterruptedException {
    Scheduler scheduler = Scheduler.using(pool);
    AtomicReference<String> thread = new AtomicReference<>();
    CountDownLatch ran = new CountDownLatch(1);
    scheduler.schedule(Duration.ZERO, () -> {
      thread.set(Thread.currentThread().getName());
      ran.countDown();
    });
    assertTrue(ran.await(10, TimeUnit.SECONDS));
    assertEquals("host-pool", thread.get());
  }

  @Test
  void scheduleRepeating_aRunThatThrows_doesNotStopTheNextRuns() throws InterruptedException {
    AtomicInteger runs = new AtomicInteger();
    CountDownLatch three = new CountDownLatch(3);
    Scheduler.Cancellable c = Scheduler.using(pool).scheduleRepeating(Duration.ZERO, Duration.ofMillis(1), () -> {
      runs.incrementAndGet();
      three.countDown();
      throw new IllegalStateException("listener bug");
    });
    assertTrue(three.await(10, TimeUnit.SECONDS), "runs: " + runs.get());
    c.cancel();
  }

  @Test
  void system_cancelledTasks_leaveTheQueueAtOnce() {
    SystemScheduler system = SystemScheduler.INSTANCE;
    int before = system.queued();
    for (int i = 0; i < 10_000; i++) {
      system.schedule(Duration.ofHours(1), () -> { }).cancel();
    }
    assertEquals(before, system.queued(), "cancelled tasks still queued (and reachable)");
  }

  @Test
  void cancel_beforeTheDelay_taskNeverRuns() throws InterruptedException {
    AtomicInteger runs = new AtomicInteger();
    Scheduler.using(pool).schedule(Duration.ofHours(1), runs::incrementAndGet).cancel();
    pool.shutdown();
    assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS), "a cancelled task kept the pool busy");
    assertEquals(0, runs.get());
  }

  @Test
  void scheduleRepeating_nonPositivePeriod_rejected() {
    Scheduler scheduler = Scheduler.using(pool);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> scheduler.scheduleRepeating(Duration.ZERO, Duration.ZERO, () -> { }));
    assertTrue(e.getMessage().contains("period must be positive"), e.getMessage());
  }

  @Test
  void using_executorShutDown_schedulingFailsWithTheExecutorsError() {
    Scheduler scheduler = Scheduler.using(pool);
    pool.shutdown();
    assertThrows(RejectedExecutionException.class, () -> scheduler.schedule(Duration.ZERO, () -> { }));
  }

  @Test
  void system_isSharedAndOnUtc() {
    assertTrue(Scheduler.system() == Scheduler.system());
    assertEquals("Z", Scheduler.system().clock().getZone().getId());
    assertFalse(Scheduler.system().now().isAfter(java.time.Instant.now().plusSeconds(1)));
  }
}
