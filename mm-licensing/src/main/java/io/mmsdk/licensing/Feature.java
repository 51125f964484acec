package io.mmsdk.licensing;

/** A licensed functionality with its own status box, trial and enforcement. */
public enum Feature {
  /** Call Bridge activation and user licenses (PMP Plus and SMP Plus). */
  MEETINGS,
  /** Recording or streaming licenses. */
  RECORDING_OR_STREAMING,
  /** Customized layouts; an on/off entitlement without a usage count. */
  CUSTOMIZATION
}
