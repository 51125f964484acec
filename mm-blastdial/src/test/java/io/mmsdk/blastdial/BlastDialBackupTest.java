package io.mmsdk.blastdial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.mmsdk.admin.backup.BackupException;
import io.mmsdk.admin.backup.BackupManager;
import io.mmsdk.admin.user.PasswordHash;
import io.mmsdk.admin.user.Session;
import io.mmsdk.admin.user.UserService;
import io.mmsdk.cms.CmsClient;
import io.mmsdk.core.backup.BackupPart;
import io.mmsdk.core.cluster.ClusterRegistry;
import io.mmsdk.testkit.core.SimulatedClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seed 001, backup and restore: a backup covers every setting the SDK holds, including the blast
 * dial monitoring setting (seed ch. 20, Primary / Secondary / Off).
 */
class BlastDialBackupTest {
  @TempDir Path dir;

  @Test
  void backup_carriesMonitoringSetting_restoreBringsItBack() {
    SimulatedClock scheduler = SimulatedClock.startingAt(Instant.parse("2026-04-01T10:00:00Z"));
    UserService users = UserService.builder().scheduler(scheduler)
        .passwordIterations(PasswordHash.MIN_ITERATIONS).build();
    users.createInitialAdministrator("admin", "admin-pw");
    Session admin = users.signIn("admin", "admin-pw").session();
    // Settings only: blast dial never calls the bridge, so the client points where nothing listens.
    try (CmsClient client = CmsClient.builder().baseUrl("http://127.0.0.1:1")
            .credentials("api", "secret").build();
        BlastDial blast = BlastDial.builder().store(FileBlastDialStore.open(dir))
        .scheduler(scheduler).callBridge("a", CmsCallBridgeGateway.create(client))
        .executor(Runnable::run).build()) {
      BackupManager backups = BackupManager.create(ClusterRegistry.inMemory(), users, scheduler,
          PasswordHash.MIN_ITERATIONS).addSection(blast.monitoringBackup());
      blast.setMonitoring(MonitoringSettings.secondary(Duration.ofSeconds(45)));
      byte[] backup = backups.create(admin, "pw-1");
      blast.setMonitoring(MonitoringSettings.off());

      backups.restore(admin, backup, "pw-1", Set.of(BackupPart.DATABASE));
      assertEquals(MonitoringSettings.off(), blast.monitoring(), "not part of the database");
      backups.restore(admin, backup, "pw-1", Set.of(BackupPart.CONFIGURATION));
      assertEquals(MonitoringSettings.secondary(Duration.ofSeconds(45)), blast.monitoring());

      assertThrows(IllegalArgumentException.class,
          () -> backups.addSection(blast.monitoringBackup()));
      assertThrows(BackupException.class,
          () -> backups.restore(admin, backup, "wrong", Set.of(BackupPart.CONFIGURATION)));
    }
  }
}
