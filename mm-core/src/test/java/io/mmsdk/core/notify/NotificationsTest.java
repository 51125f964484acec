package io.mmsdk.core.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mmsdk.common.listen.Registration;
import io.mmsdk.testkit.core.SimulatedClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NotificationsTest {
  private static final Instant T0 = Instant.parse("2026-01-05T08:00:00Z");
  private final SimulatedClock scheduler = SimulatedClock.startingAt(T0);
  private final Notifications notifications = Notifications.create(scheduler);

  @Test
  void raise_sameKeyTwice_updatesKeepsRaisedAt() {
    notifications.raise(Severity.WARNING, "licensing", "lic.cb1", "cb1 slow");
    scheduler.advance(Duration.ofMinutes(5));
    Notification n = notifications.raise(Severity.ERROR, "licensing", "lic.cb1", "cb1 unreachable");
    assertEquals(T0, n.raisedAt());
    assertEquals(T0.plus(Duration.ofMinutes(5)), n.updatedAt());
    assertEquals(new NotificationCounts(1, 0, 0), notifications.counts());
    assertEquals(1, notifications.active().size());
  }

  @Test
  void counts_mixedSeverities_countedAndOrdered() {
    notifications.raise(Severity.INFORMATION, "s", "i1", "info");
    scheduler.advance(Duration.ofSeconds(1));
    notifications.raise(Severity.WARNING, "s", "w1", "warn");
    notifications.raise(Severity.ERROR, "s", "e1", "err");
    notifications.raise(Severity.ERROR, "s", "e2", "err2");
    NotificationCounts c = notifications.counts();
    assertEquals(new NotificationCounts(2, 1, 1), c);
    assertEquals(4, c.total());
    assertEquals(2, c.of(Severity.ERROR));
    assertEquals(List.of("e1", "e2", "w1", "i1"), notifications.active().stream().map(Notification::key).toList());
    assertEquals(List.of("w1"), notifications.active(Severity.WARNING).stream().map(Notification::key).toList());
  }

  @Test
  void clear_activeAndUnknown_reportsWhetherCleared() {
    notifications.raise(Severity.ERROR, "s", "k", "m");
    assertTrue(notifications.clear("k"));
    assertFalse(notifications.clear("k"));
    assertTrue(notifications.find("k").isEmpty());
  }

  @Test
  void clearAll_prefix_clearsOnlyMatching() {
    notifications.raise(Severity.ERROR, "s", "lic.a", "m");
    notifications.raise(Severity.ERROR, "s", "lic.b", "m");
    notifications.raise(Severity.ERROR, "s", "cdr.a", "m");
    assertEquals(2, notifications.clearAll("lic."));
    assertEquals(List.of("cdr.a"), notifications.active().stream().map(Notification::key).toList());
  }

  @Test
  void listener_raiseSameMessage_notToldTwiceAndRemovable() {
    List<String> seen = new ArrayList<>();
    Registration r = notifications.addListener(new NotificationListener() {
      @Override
      public void raised(Notification n) {
        seen.add("raised " + n.key());
      }

      @Override
      public void cleared(Notification n) {
        seen.add("cleared " + n.key());
      }
    });
    notifications.raise(Severity.ERROR, "s", "k", "m");
    notifications.raise(Severity.ERROR, "s", "k", "m");
    notifications.raise(Severity.ERROR, "s", "k", "m2");
    notifications.clear("k");
    r.close();
    notifications.raise(Severity.ERROR, "s", "k2", "m");
    assertEquals(List.of("raised k", "raised k", "cleared k"), seen);
  }

  @Test
  void listener_throws_otherListenersStillTold() {
    List<String> seen = new ArrayList<>();
    notifications.addListener(n -> {
      throw new IllegalStateException("boom");
    });
    notifications.addListener(n -> seen.add(n.key()));
    notifications.raise(Severity.WARNING, "s", "k", "m");
    assertEquals(List.of("k"), seen);
  }

  @Test
  void raise_blankKey_rejected() {
    assertThrows(IllegalArgumentException.class, () -> notifications.raise(Severity.ERROR, "s", " ", "m"));
    assertThrows(NullPointerException.class, () -> notifications.raise(null, "s", "k", "m"));
  }
}
