package io.mmsdk.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mmsdk.common.tls.TlsTrust;
import io.mmsdk.core.audit.AuditHook;
import io.mmsdk.core.cluster.CallBridge;
import io.mmsdk.core.cluster.Cluster;
import io.mmsdk.core.cluster.ClusterRegistry;
import io.mmsdk.core.cluster.ClusterStore;
import io.mmsdk.core.notify.NotificationCounts;
import io.mmsdk.core.notify.Notifications;
import io.mmsdk.core.notify.Severity;
import io.mmsdk.testkit.core.SimulatedClock;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The code of docs/mm-core.md, against real files. */
class GuideExamplesTest {
  private final SimulatedClock scheduler = SimulatedClock.startingAt(Instant.parse("2026-05-01T08:00:00Z"));

  @Test
  void guide_registryAuditHookAndNotifications(@TempDir Path dir) {
    List<String> changes = new ArrayList<>();
    AuditHook audit = (actor, action, target, outcome, detail) -> changes.add(actor + " " + action + " " + outcome.label());
    try (ClusterStore store = ClusterStore.file(dir.resolve("clusters.properties"))) {
      ClusterRegistry registry = ClusterRegistry.create(store, audit);
      CallBridge cb1 = CallBridge.builder().name("London CB1").address("[2001:db8::10]:8443")
          .credentials("mm-api", "api-password").trust(TlsTrust.insecureTrustAllForLabUseOnly()).build();
      Cluster europe = registry.add("admin", Cluster.builder().name("Europe").manageMeetings(true).addCallBridge(cb1).build());
      assertEquals(List.of("admin cluster.add succeeded"), changes);
      assertEquals(8443, registry.callBridge(cb1.id()).address().port());
      assertEquals(europe, registry.cluster(europe.id()));

      Notifications notifications = Notifications.create(scheduler);
      notifications.raise(Severity.ERROR, "licensing", "licensing.unreachable." + cb1.id(),
          "Call Bridge London CB1 is unreachable for license collection; check the network.");
      assertEquals(new NotificationCounts(1, 0, 0), notifications.counts());
      notifications.clear("licensing.unreachable." + cb1.id());
      assertTrue(notifications.active().isEmpty(), notifications.active().toString());
    }
  }
}
