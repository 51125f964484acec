package io.mmsdk.provisioning;

/** What happens to remaining participants when the last activator leaves (CMS {@code deactivationMode}). */
public enum LastActivatorBehaviour {
  /** Participants who need activation go back to the lobby. */
  DEACTIVATE("deactivate"),
  /** Participants who need activation are disconnected. */
  DISCONNECT("disconnect"),
  /** The meeting continues. */
  REMAIN_ACTIVATED("remainActivated");

  private final String cmsValue;

  LastActivatorBehaviour(String cmsValue) {
    this.cmsValue = cmsValue;
  }

  /** {@return the value CMS uses on the wire} */
  public String cmsValue() {
    return cmsValue;
  }
}
