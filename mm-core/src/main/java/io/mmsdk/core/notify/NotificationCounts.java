package io.mmsdk.core.notify;

/**
 * How many notifications of each severity are active.
 *
 * @param errors active errors
 * @param warnings active warnings
 * @param information active information notifications
 */
public record NotificationCounts(int errors, int warnings, int information) {
  /** {@return the number of active notifications of all severities} */
  public int total() {
    return errors + warnings + information;
  }

  /**
   * {@return the count for {@code severity}}
   *
   * @param severity ERROR, WARNING or INFORMATION
   */
  public int of(Severity severity) {
    return switch (severity) {
      case ERROR -> errors;
      case WARNING -> warnings;
      case INFORMATION -> information;
    };
  }
}
