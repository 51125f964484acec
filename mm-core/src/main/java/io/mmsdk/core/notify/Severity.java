package io.mmsdk.core.notify;

/** How serious a notification is, most serious first. */
public enum Severity {
  /** Something is broken and needs action (for example a Call Bridge cannot be reached). */
  ERROR,
  /** Something needs attention soon (for example a certificate is about to expire). */
  WARNING,
  /** Something happened that is worth knowing (for example a sync finished). */
  INFORMATION
}
