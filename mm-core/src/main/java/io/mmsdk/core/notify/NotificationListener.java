package io.mmsdk.core.notify;

/**
 * Told about every change to the active notifications. Called on the thread that raised or cleared,
 * after the change is visible; must return quickly. A listener that throws is logged and skipped.
 */
public interface NotificationListener {
  /**
   * Called when {@code notification} is raised, or re-raised with new severity or message.
   *
   * @param notification the active notification as it is now
   */
  void raised(Notification notification);

  /**
   * Called when {@code notification} is cleared.
   *
   * @param notification the notification as it was when cleared
   */
  default void cleared(Notification notification) {}
}
