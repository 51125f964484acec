/**
 * Root package of mm-core, the registry every feature module shares. Sub-packages: {@code cluster}
 * (Call Bridge registry), {@code notify} (notifications), {@code audit} ({@code AuditHook}, the
 * audit seam) and {@code backup} ({@code BackupSection}, the backup SPI). Users, sign-in, access
 * control, the audit trail, syslog and backup/restore are in mm-admin ({@code io.mmsdk.admin}).
 */
package io.mmsdk.core;
