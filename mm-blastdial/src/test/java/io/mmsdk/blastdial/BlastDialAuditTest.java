package io.mmsdk.blastdial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mmsdk.admin.audit.AuditEvent;
import io.mmsdk.admin.audit.AuditTrail;
import io.mmsdk.cms.CmsClient;
import io.mmsdk.testkit.core.SimulatedClock;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seed 001: the audit trail covers every administrative change, blast dial settings and contacts
 * included (who, what, when, outcome).
 */
class BlastDialAuditTest {
  @TempDir Path dir;

  @Test
  void settingsAndContactChanges_areAuditedWithActorAndOutcome() {
    SimulatedClock scheduler = SimulatedClock.startingAt(Instant.parse("2026-11-24T09:00:00Z"));
    AuditTrail audit = AuditTrail.inMemory(scheduler);
    SpaceKey space = SpaceKey.of("a", "s1");
    // Settings only: blast dial never calls the bridge, so the client points where nothing listens.
    try (CmsClient client = CmsClient.builder().baseUrl("http://127.0.0.1:1")
            .credentials("api", "secret").build();
        BlastDial blast = BlastDial.builder().store(FileBlastDialStore.open(dir))
        .scheduler(scheduler).callBridge("a", CmsCallBridgeGateway.create(client))
        .executor(Runnable::run).audit(audit, "admin").build()) {
      blast.setMonitoring(MonitoringSettings.primary());
      blast.configure(space, BlastDialConfig.builder().enabled(true).build());
      Contact c = blast.addContact(space, new ContactDetails("Bob", "bob@example.com", true));
      assertThrows(InvalidContactException.class,
          () -> blast.addContact(space, new ContactDetails("Bob", "bob@example.com", true)));
      blast.deleteContact(space, c.id());
    }
    List<AuditEvent> events = audit.events();
    assertEquals(List.of("blastdial.monitoring", "blastdial.configure", "blastdial.contact.add",
        "blastdial.contact.add", "blastdial.contact.delete"),
        events.stream().map(AuditEvent::action).toList());
    assertTrue(events.stream().allMatch(e -> e.actor().equals("admin")));
    assertTrue(events.get(2).detail().startsWith("outcome: succeeded;"), events.get(2).detail());
    assertTrue(events.get(3).detail().startsWith("outcome: refused;"), events.get(3).detail());
    assertEquals(scheduler.now(), events.get(0).at());
  }
}
