package io.mmsdk.blastdial;

/** The blast dial monitoring role of this instance (admin guide chapter 20). */
public enum MonitoringRole {
  /** Triggers blast dial as soon as the first participant joins. Set only one instance Primary. */
  PRIMARY,
  /**
   * Waits {@link MonitoringSettings#secondaryDelay()} and triggers blast dial only if no other
   * instance has started to dial out for that meeting.
   */
  SECONDARY,
  /** Never triggers blast dial; blast dial cannot be configured while monitoring is off. */
  OFF
}
