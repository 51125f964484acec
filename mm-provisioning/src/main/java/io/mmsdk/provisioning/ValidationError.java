package io.mmsdk.provisioning;

import java.util.Objects;

/**
 * One problem found in a {@link DesiredState}.
 *
 * @param path where the problem is, by index, for example {@code userImports[2].filter}
 * @param message what is wrong, the value at fault and the expected form
 * @param itemPath the same place by item name where the item has one, for example {@code
 *     userImports["Engineering"].filter}; equal to {@code path} when no item on it has a name
 */
public record ValidationError(String path, String message, String itemPath) {

  /**
   * Checks the arguments.
   *
   * @param path where the problem is, by index; not null
   * @param message what is wrong; not null
   * @param itemPath the same place by item name, or {@code path}; not null
   */
  public ValidationError {
    Objects.requireNonNull(path, "path == null");
    Objects.requireNonNull(message, "message == null");
    Objects.requireNonNull(itemPath, "itemPath == null");
  }

  /**
   * Returns an error whose place has no named item.
   *
   * @param path where the problem is, by index; used as the item path too
   * @param message what is wrong
   */
  public ValidationError(String path, String message) {
    this(path, message, path);
  }

  /** Returns {@code itemPath (path): message}, or {@code path: message} when they are equal. */
  @Override
  public String toString() {
    return (itemPath.equals(path) ? path : itemPath + " (" + path + ")") + ": " + message;
  }
}
