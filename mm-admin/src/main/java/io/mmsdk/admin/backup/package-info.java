/**
 * Password-encrypted backup and restore of the SDK's configuration (policies, sign-in settings, LDAP
 * server and group mappings) and database (local users with recent password hashes, the cluster
 * registry, the passphrase dictionary). Entry point: {@link io.mmsdk.admin.backup.BackupManager}; other modules
 * add their settings as mm-core's {@link io.mmsdk.core.backup.BackupSection}.
 */
package io.mmsdk.admin.backup;
