package io.mmsdk.cms.internal;

import static java.util.Objects.requireNonNull;

/** Builds request paths from object ids, refusing ids that would change the path. */
public final class PathSegments {
  private PathSegments() {}

  /**
   * Checks that {@code id} is a single path segment and returns it.
   *
   * @throws IllegalArgumentException if it is blank or holds {@code /}, {@code ?} or {@code #}
   */
  public static String segment(String id) {
    requireNonNull(id, "id == null");
    if (id.isBlank() || id.contains("/") || id.contains("?") || id.contains("#")) {
      throw new IllegalArgumentException(
          "id \"" + id + "\" is not an object id; expected a GUID such as 581caae0-420a-43df-9a9e-f690c70e12d3");
    }
    return id;
  }
}
