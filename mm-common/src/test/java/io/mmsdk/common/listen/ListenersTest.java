package io.mmsdk.common.listen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class ListenersTest {
  private final Listeners<Consumer<String>> listeners =
      new Listeners<>("Test", LoggerFactory.getLogger(ListenersTest.class));

  @Test
  void callEach_callsEveryListenerInOrderOfAddition() {
    List<String> heard = new ArrayList<>();
    listeners.add(s -> heard.add("a:" + s));
    listeners.add(s -> heard.add("b:" + s));

    listeners.callEach(l -> l.accept("x"), "x");

    assertEquals(List.of("a:x", "b:x"), heard);
  }

  @Test
  void callEach_aThrowingListener_isSkippedAndTheOthersStillHearIt() {
    List<String> heard = new ArrayList<>();
    listeners.add(s -> heard.add("before"));
    listeners.add(s -> {
      throw new IllegalStateException("listener bug");
    });
    listeners.add(s -> heard.add("after"));

    listeners.callEach(l -> l.accept("x"), "event x");
    listeners.callEach(l -> l.accept("y"), "event y");

    assertEquals(List.of("before", "after", "before", "after"), heard);
  }

  @Test
  void callEach_anError_propagates() {
    listeners.add(s -> {
      throw new AssertionError("fatal");
    });
    assertThrows(AssertionError.class, () -> listeners.callEach(l -> l.accept("x"), "x"));
  }

  @Test
  void close_removesTheListener_andClosingTwiceRemovesNothingElse() {
    List<String> heard = new ArrayList<>();
    Consumer<String> twice = s -> heard.add("twice");
    Registration first = listeners.add(twice);
    listeners.add(twice);
    listeners.add(s -> heard.add("other"));

    first.close();
    first.close(); // idempotent: must not remove the second addition of the same listener

    listeners.callEach(l -> l.accept("x"), "x");
    assertEquals(List.of("twice", "other"), heard);
    assertEquals(2, listeners.snapshot().size());
  }

  @Test
  void snapshot_isImmutableAndUnchangedByLaterAddsAndRemoves() {
    Consumer<String> a = s -> { };
    Consumer<String> b = s -> { };
    Registration ra = listeners.add(a);
    List<Consumer<String>> before = listeners.snapshot();

    listeners.add(b);
    ra.close();

    assertEquals(List.of(a), before);
    assertEquals(1, listeners.snapshot().size());
    assertSame(b, listeners.snapshot().get(0));
    assertThrows(UnsupportedOperationException.class, () -> before.add(b));
  }

  @Test
  void isEmpty_followsAddAndClose() {
    assertTrue(listeners.isEmpty());
    Registration r = listeners.add(s -> { });
    assertFalse(listeners.isEmpty());
    r.close();
    assertTrue(listeners.isEmpty());
  }

  @Test
  void add_null_isRefused() {
    assertThrows(NullPointerException.class, () -> listeners.add(null));
  }

  @Test
  void aListenerMayRemoveItselfWhileBeingCalled_andTheOthersAreStillCalled() {
    List<String> heard = new ArrayList<>();
    Registration[] self = new Registration[1];
    self[0] = listeners.add(s -> {
      heard.add("once");
      self[0].close();
    });
    listeners.add(s -> heard.add("other"));

    listeners.callEach(l -> l.accept("x"), "x");
    listeners.callEach(l -> l.accept("y"), "y");

    assertEquals(List.of("once", "other", "other"), heard);
  }

  /**
   * Four threads add and remove listeners in a loop while another dispatches: dispatch never fails,
   * a listener registered throughout hears every call, and every registration closed at the end
   * leaves exactly the permanent listener.
   */
  @Test
  void concurrentAddAndRemove_whileDispatching_neverLosesTheStableListenerOrLeavesStrays()
      throws Exception {
    AtomicLong stableCalls = new AtomicLong();
    listeners.add(s -> stableCalls.incrementAndGet());
    int churners = 4;
    int rounds = 2_000;
    ExecutorService pool = Executors.newFixedThreadPool(churners + 1);
    try {
      CountDownLatch start = new CountDownLatch(1);
      AtomicBoolean churning = new AtomicBoolean(true);
      CountDownLatch churnDone = new CountDownLatch(churners);
      List<Future<?>> churn = new ArrayList<>();
      for (int t = 0; t < churners; t++) {
        churn.add(pool.submit(() -> {
          start.await();
          try {
            for (int i = 0; i < rounds; i++) {
              Registration r1 = listeners.add(s -> { });
              Registration r2 = listeners.add(s -> { });
              r1.close();
              r2.close();
              r2.close();
            }
          } finally {
            churnDone.countDown();
          }
          return null;
        }));
      }
      Future<Long> dispatcher = pool.submit(() -> {
        start.await();
        long calls = 0;
        while (churning.get()) {
          listeners.callEach(l -> l.accept("x"), "x");
          calls++;
        }
        return calls;
      });
      start.countDown();
      assertTrue(churnDone.await(60, TimeUnit.SECONDS), "churning threads did not finish");
      for (Future<?> f : churn) {
        f.get(); // rethrows any failure of a churning thread
      }
      churning.set(false);
      long calls = dispatcher.get(60, TimeUnit.SECONDS);

      assertEquals(calls, stableCalls.get());
      assertEquals(1, listeners.snapshot().size());
    } finally {
      pool.shutdownNow();
    }
  }
}
