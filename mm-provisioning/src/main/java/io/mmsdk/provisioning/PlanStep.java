package io.mmsdk.provisioning;

import java.util.List;

/**
 * One ordered step of a {@link Plan}.
 *
 * @param action what the step does
 * @param kind the CMS object type
 * @param key the desired-state key of the object
 * @param id the CMS id, or null for a create
 * @param origin the desired-state path the object comes from (null for deletes)
 * @param changes field-level before/after values
 * @param effect when and where the change takes effect
 */
public record PlanStep(
    PlanAction action,
    CmsKind kind,
    String key,
    String id,
    String origin,
    List<FieldChange> changes,
    SpaceEffect effect) {

  /**
   * Copies {@code changes}.
   *
   * @param action what the step does
   * @param kind the CMS object type
   * @param key the desired-state key of the object
   * @param id the CMS id, or null for a create
   * @param origin the desired-state path the object comes from (null for deletes)
   * @param changes field-level before/after values
   * @param effect when and where the change takes effect
   */
  public PlanStep {
    changes = List.copyOf(changes);
  }
}
