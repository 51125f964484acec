package io.mmsdk.cms.events;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.mmsdk.common.MmSdkException;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Test listener that queues every callback: the update records, gaps and errors as they are, and
 * {@code "connected"} / {@code "reconnected"} as strings.
 */
public final class RecordingListener implements CmsEventListener {
  private final BlockingQueue<Object> events = new LinkedBlockingQueue<>();

  @Override
  public void onConnected() {
    events.add("connected");
  }

  @Override
  public void onSubscriptionUpdate(SubscriptionUpdate update) {
    events.add(update);
  }

  @Override
  public void onCallListUpdate(CallListUpdate update) {
    events.add(update);
  }

  @Override
  public void onCallInfoUpdate(CallInfoUpdate update) {
    events.add(update);
  }

  @Override
  public void onRosterUpdate(RosterUpdate update) {
    events.add(update);
  }

  @Override
  public void onGap(EventGap gap) {
    events.add(gap);
  }

  @Override
  public void onReconnected() {
    events.add("reconnected");
  }

  @Override
  public void onError(MmSdkException error) {
    events.add(error);
  }

  /** Returns the next callback, failing after 5 s. */
  public Object next() throws InterruptedException {
    Object event = events.poll(5, TimeUnit.SECONDS);
    assertNotNull(event, "the listener got nothing within 5 s");
    return event;
  }

  /** Skips callbacks until one matches, failing after 5 s. */
  public void awaitMatching(Predicate<Object> wanted, String what) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (System.nanoTime() < deadline) {
      if (wanted.test(events.poll(100, TimeUnit.MILLISECONDS))) {
        return;
      }
    }
    throw new AssertionError("no " + what + " within 5 s");
  }
}
