package io.mmsdk.cms.api;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/** Finds the shared wire references (blueprint, Postman collection) beside the repository. */
final class Reference {
  private Reference() {}

  /**
   * Returns {@code name} from {@code shared/reference} in the nearest ancestor of the working
   * directory that has one (the repository's parent in CI and in worktrees), or from the
   * {@code cms.reference} system property. The references are not part of the repository: in a
   * plain clone without them the test is skipped, with this reason, so that {@code ./mvnw verify}
   * works for anyone; in CI ({@code CI=true}) or with {@code -Dcms.reference.required=true} a
   * missing reference fails the test.
   */
  static Path file(String name) {
    String override = System.getProperty("cms.reference");
    if (override != null) {
      return Path.of(override, name);
    }
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("shared").resolve("reference").resolve(name);
      if (Files.isRegularFile(candidate)) {
        return candidate;
      }
    }
    String missing = "shared/reference/" + name + " not found above " + Path.of("").toAbsolutePath()
        + "; set -Dcms.reference=<dir> to the folder holding the CMS API references";
    if ("true".equals(System.getenv("CI")) || Boolean.getBoolean("cms.reference.required")) {
      throw new AssertionError(missing);
    }
    return Assumptions.abort(missing);
  }
}
