package io.mmsdk.meetings.control;

import io.mmsdk.cms.api.Layout;
import java.util.Objects;

/** The checks more than one control's constructor makes. */
final class ControlChecks {
  private ControlChecks() {}

  /**
   * Checks a layout is present and one this SDK knows.
   *
   * @param layout the layout
   * @throws InvalidControlException if it is {@link Layout#UNKNOWN_TO_SDK_VERSION}
   */
  static void requireKnown(Layout layout) {
    Objects.requireNonNull(layout, "layout == null");
    if (layout == Layout.UNKNOWN_TO_SDK_VERSION) {
      throw new InvalidControlException("Choose a layout this SDK knows (Layout values other than UNKNOWN_TO_SDK_VERSION).");
    }
  }
}
