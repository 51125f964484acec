package io.mmsdk.provisioning;

/** Thrown when a {@link DesiredState} fails validation; {@link #result()} lists every error. */
public final class InvalidDesiredStateException extends ProvisioningException {
  private static final long serialVersionUID = 1L;
  private final transient ValidationResult result;

  /**
   * Creates the exception from a failed validation.
   *
   * @param result the validation's result, with at least one error; its errors form the message
   */
  public InvalidDesiredStateException(ValidationResult result) {
    super("The desired provisioning state has " + result.errors().size()
        + " error(s); fix them and validate again:\n" + result.describe());
    this.result = result;
  }

  /** {@return every validation error} */
  public ValidationResult result() {
    return result;
  }
}
