/**
 * The backup SPI of modules that do not depend on mm-admin: a {@link
 * io.mmsdk.core.backup.BackupSection} carries a module's setting in every backup, restored with its
 * {@link io.mmsdk.core.backup.BackupPart}. Writing and restoring backups is mm-admin's {@code
 * io.mmsdk.admin.backup.BackupManager}.
 */
package io.mmsdk.core.backup;
