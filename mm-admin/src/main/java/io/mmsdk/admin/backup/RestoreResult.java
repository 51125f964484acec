package io.mmsdk.admin.backup;

import io.mmsdk.core.backup.BackupPart;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * What a restore did.
 *
 * @param parts the parts restored
 * @param backupCreatedAt when the backup was created
 * @param backupCreatedBy who created it
 * @param clusters clusters now registered (when the database was restored; otherwise unchanged count)
 * @param localUsers local users now present
 */
public record RestoreResult(Set<BackupPart> parts, Instant backupCreatedAt, String backupCreatedBy, int clusters, int localUsers) {
  /**
   * Checks and copies the components.
   *
   * @param parts the parts restored
   * @param backupCreatedAt when the backup was created
   * @param backupCreatedBy who created it
   * @param clusters clusters now registered (when the database was restored; otherwise unchanged count)
   * @param localUsers local users now present
   */
  public RestoreResult {
    parts = Set.copyOf(Objects.requireNonNull(parts, "parts == null"));
    Objects.requireNonNull(backupCreatedAt, "backupCreatedAt == null");
    Objects.requireNonNull(backupCreatedBy, "backupCreatedBy == null");
  }
}
