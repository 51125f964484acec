package io.mmsdk.cms.events;

import static java.util.Objects.requireNonNull;

import io.mmsdk.cms.core.CmsField;
import java.util.Map;
import java.util.Optional;

/**
 * One entry of a {@code callListUpdate} (a call) or {@code rosterUpdate} (a participant). Only
 * {@code add} updates carry every requested element; later ones carry what changed, so keep your
 * own id-to-state map.
 *
 * @param id the call id ({@code call}) or participant id ({@code participant})
 * @param updateType {@code add}, {@code update} or {@code remove}, exactly as sent
 * @param fields the reported elements as text (numbers and booleans converted), unknown ones kept
 */
public record EventUpdate(String id, String updateType, Map<String, String> fields) {
  /**
   * Copies the fields.
   *
   * @param id the call id ({@code call}) or participant id ({@code participant})
   * @param updateType {@code add}, {@code update} or {@code remove}, exactly as sent
   * @param fields the reported elements as text (numbers and booleans converted), unknown ones kept
   */
  public EventUpdate {
    requireNonNull(id, "id == null");
    requireNonNull(updateType, "updateType == null");
    fields = Map.copyOf(fields);
  }

  /** {@return whether the object was added} */
  public boolean isAdd() {
    return updateType.equals("add");
  }

  /** {@return whether the object changed} */
  public boolean isUpdate() {
    return updateType.equals("update");
  }

  /** {@return whether the object was removed} */
  public boolean isRemove() {
    return updateType.equals("remove");
  }

  /**
   * {@return the text of element {@code name}, if reported}
   *
   * @param name the element name, as subscribed
   */
  public Optional<String> findText(String name) {
    return Optional.ofNullable(fields.get(requireNonNull(name, "name == null")));
  }

  /**
   * {@return the typed value of {@code field}, if reported}
   *
   * @param <T> the field's value type
   * @param field the field, named as subscribed
   */
  public <T> Optional<T> find(CmsField<T> field) {
    return findText(field.name()).map(field::parse);
  }
}
