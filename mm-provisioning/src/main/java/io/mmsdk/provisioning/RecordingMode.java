package io.mmsdk.provisioning;

/** Whether meetings are recorded (CMS callProfile {@code recordingMode}). */
public enum RecordingMode {
  /** Recording is disabled. */
  DISABLED("disabled"),
  /** Users can start and stop recordings. */
  MANUAL("manual"),
  /** All meetings in the space are recorded. */
  AUTOMATIC("automatic");

  private final String cmsValue;

  RecordingMode(String cmsValue) {
    this.cmsValue = cmsValue;
  }

  /** {@return the value CMS uses on the wire} */
  public String cmsValue() {
    return cmsValue;
  }
}
