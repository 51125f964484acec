package io.mmsdk.cms.events;

import io.mmsdk.cms.core.CmsField;
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

  /**
   * {@return the typed value of {@code field}, if reported}
   *
   * @param field the element, for example {@link EventFields#LOCK_STATE}
   * @param <T> the Java type of the value
   * @throws io.mmsdk.common.MmSdkException if the reported text is not of the field's kind
   */
  public <T> Optional<T> find(CmsField<T> field) {
    return findText(field.name()).map(field::parse);
  }
}
