package io.mmsdk.cms.events;

import java.util.Map;
import java.util.Optional;

/**
 * A {@code callInfoUpdate} message: the reported elements of one call.
 *
 * @param subscriptionIndex the index of the {@code callInfo} subscription (maps back to the call)
 * @param fields the reported elements of {@code callInfo} as text, unknown ones kept
 */
public record CallInfoUpdate(int subscriptionIndex, Map<String, String> fields) {
  /**
   * Copies the fields.
   *
   * @param subscriptionIndex the index of the {@code callInfo} subscription (maps back to the call)
   * @param fields the reported elements of {@code callInfo} as text, unknown ones kept
   */
  public CallInfoUpdate {
    fields = Map.copyOf(fields);
  }

  /**
   * {@return the text of element {@code name}, if reported}
   *
   * @param name the element name, as subscribed
   */
  public Optional<String> findText(String name) {
    return Optional.ofNullable(fields.get(name));
  }
}
