package io.mmsdk.core.backup;

/** What a restore replaces. Choose one or both; choosing neither is refused. */
public enum BackupPart {
  /** Password and sign-in policies, sign-in messages, LDAP server details and LDAP group mappings. */
  CONFIGURATION,
  /** Local users with hashes of recent passwords, all clusters and Call Bridges, the passphrase dictionary. */
  DATABASE
}
