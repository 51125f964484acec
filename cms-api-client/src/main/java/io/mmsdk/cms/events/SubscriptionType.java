package io.mmsdk.cms.events;

/** The resources the Events API lets a client subscribe to. */
public enum SubscriptionType {
  /** The global list of active calls ({@code calls}). */
  CALLS("calls"),
  /** The details of one call ({@code callInfo}). */
  CALL_INFO("callInfo"),
  /** The participants of one call ({@code callRoster}). */
  CALL_ROSTER("callRoster");

  private final String wireName;

  SubscriptionType(String wireName) {
    this.wireName = wireName;
  }

  /** {@return the wire name, for example {@code callRoster}} */
  public String wireName() {
    return wireName;
  }
}
