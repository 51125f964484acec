package io.mmsdk.provisioning;

import java.util.List;
import java.util.stream.Collectors;

/** All problems found in a {@link DesiredState}; empty when it is valid. */
public record ValidationResult(List<ValidationError> errors) {

  /**
   * Copies {@code errors}.
   *
   * @param errors the problems found, in order; empty when the state is valid
   */
  public ValidationResult {
    errors = List.copyOf(errors);
  }

  /** {@return whether no problem was found} */
  public boolean isValid() {
    return errors.isEmpty();
  }

  /** Throws {@link InvalidDesiredStateException} listing every error when there is any. */
  public void throwIfInvalid() {
    if (!isValid()) {
      throw new InvalidDesiredStateException(this);
    }
  }

  /** {@return one error per line} */
  public String describe() {
    return errors.stream().map(ValidationError::toString).collect(Collectors.joining("\n"));
  }
}
