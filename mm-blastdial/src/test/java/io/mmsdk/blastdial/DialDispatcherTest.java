package io.mmsdk.blastdial;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The dispatcher's back-off on its own; its dial-outs are covered through {@link BlastDial}. */
class DialDispatcherTest {
  @Test
  void busyBackoff_doublesFromOneSecondUpToThirty() {
    assertEquals(Duration.ofSeconds(1), DialDispatcher.busyBackoff(0));
    assertEquals(Duration.ofSeconds(2), DialDispatcher.busyBackoff(1));
    assertEquals(Duration.ofSeconds(16), DialDispatcher.busyBackoff(4));
    assertEquals(Duration.ofSeconds(30), DialDispatcher.busyBackoff(5));
    assertEquals(Duration.ofSeconds(30), DialDispatcher.busyBackoff(40));
  }
}
