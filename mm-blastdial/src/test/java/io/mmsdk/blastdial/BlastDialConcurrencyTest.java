package io.mmsdk.blastdial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mmsdk.cms.api.CallLeg;
import io.mmsdk.testkit.core.SimulatedClock;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BlastDialConcurrencyTest {
  @TempDir Path dir;

  /** A bridge whose dial-outs block until released, counting how many run at once. */
  static final class SlowBridge implements CallBridgeGateway {
    final CountDownLatch release = new CountDownLatch(1);
    final AtomicInteger running = new AtomicInteger();
    final AtomicInteger maxRunning = new AtomicInteger();
    final AtomicInteger dials = new AtomicInteger();

    @Override
    public String dialOut(String callId, String remoteParty, boolean confirmation) {
      int now = running.incrementAndGet();
      maxRunning.accumulateAndGet(now, Math::max);
      try {
        assertTrue(release.await(10, TimeUnit.SECONDS));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      } finally {
        running.decrementAndGet();
      }
      return "leg-" + dials.incrementAndGet();
    }

    @Override
    public List<CallLeg> callLegs(String callId) {
      return List.of();
    }

    @Override
    public boolean isCallActive(String callId) {
      return true;
    }
  }

  @Test
  void participantJoined_manyContacts_neverMoreRequestsInFlightThanTheCap() throws Exception {
    SlowBridge bridge = new SlowBridge();
    SpaceKey space = SpaceKey.of("a", "s");
    try (BlastDial blast = BlastDial.builder()
        .store(FileBlastDialStore.open(dir))
        .scheduler(SimulatedClock.startingAt(Instant.parse("2026-11-24T09:00:00Z")))
        .callBridge("a", bridge)
        .maxConcurrentRequests(3)
        .build()) {
      blast.configure(space, BlastDialConfig.builder().enabled(true).build());
      for (int i = 0; i < 20; i++) {
        blast.addContact(space, new ContactDetails("N" + i, "n" + i + "@example.com", true));
      }

      blast.participantJoined(space, "call-1", "");
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
      while (bridge.running.get() < 3 && System.nanoTime() < deadline) {
        Thread.onSpinWait();
      }
      assertEquals(3, bridge.running.get());
      bridge.release.countDown();
      while (bridge.dials.get() < 20 && System.nanoTime() < deadline) {
        Thread.onSpinWait();
      }

      assertEquals(20, bridge.dials.get());
      assertEquals(3, bridge.maxRunning.get());
    }
  }

  @Test
  void close_whileADialOutIsInFlight_waitsForItsAnswerAndStoresItsCallLeg() throws Exception {
    SlowBridge bridge = new SlowBridge();
    SpaceKey space = SpaceKey.of("a", "s");
    try (BlastDialStore store = FileBlastDialStore.open(dir)) {
      BlastDial blast = BlastDial.builder()
          .store(store)
          .scheduler(SimulatedClock.startingAt(Instant.parse("2026-11-24T09:00:00Z")))
          .callBridge("a", bridge)
          .maxConcurrentRequests(1)
          .build();
      blast.configure(space, BlastDialConfig.builder().enabled(true).build());
      blast.addContact(space, new ContactDetails("N0", "n0@example.com", true));
      blast.addContact(space, new ContactDetails("N1", "n1@example.com", true));
      blast.participantJoined(space, "call-1", "");
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
      while (bridge.running.get() < 1 && System.nanoTime() < deadline) {
        Thread.onSpinWait();
      }
      assertEquals(1, bridge.running.get());

      CompletableFuture<Void> closing = CompletableFuture.runAsync(blast::close);
      assertThrows(TimeoutException.class, () -> closing.get(300, TimeUnit.MILLISECONDS),
          "close() must wait for the dial-out the bridge has not answered yet");
      bridge.release.countDown();
      closing.get(10, TimeUnit.SECONDS);

      assertEquals(1, bridge.dials.get(), "the queued second dial-out is not sent after close()");
      BlastStatus stored = store.runs().get(0);
      assertEquals(List.of("leg-1"), stored.contacts().stream()
          .map(ContactStatus::callLegId).filter(Objects::nonNull).toList());
    }
  }
}
