package io.mmsdk.provisioning;

/**
 * One problem found in a {@link DesiredState}.
 *
 * @param path where the problem is, for example {@code userImports[2].filter}
 * @param message what is wrong, the value at fault and the expected form
 */
public record ValidationError(String path, String message) {

  @Override
  public String toString() {
    return path + ": " + message;
  }
}
