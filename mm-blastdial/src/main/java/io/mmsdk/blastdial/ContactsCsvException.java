package io.mmsdk.blastdial;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Thrown when a contacts CSV file is rejected. The existing contact list is left untouched.
 * {@link #problems()} lists every problem found (file-level ones first, then rows by line).
 */
public final class ContactsCsvException extends BlastDialException {
  private static final long serialVersionUID = 1L;
  private static final int PROBLEMS_IN_MESSAGE = 10;

  /** Every problem found, in file order. */
  private final List<CsvProblem> problems;

  ContactsCsvException(List<CsvProblem> problems) {
    super(message(problems));
    this.problems = List.copyOf(problems);
  }

  /** {@return every problem found, never empty} */
  public List<CsvProblem> problems() {
    return problems;
  }

  private static String message(List<CsvProblem> problems) {
    String shown =
        problems.stream()
            .limit(PROBLEMS_IN_MESSAGE)
            .map(CsvProblem::toString)
            .collect(Collectors.joining("; "));
    int more = problems.size() - PROBLEMS_IN_MESSAGE;
    return "The contacts CSV was rejected and the existing contacts were kept: "
        + shown
        + (more > 0 ? "; and " + more + " more problems" : "")
        + ". Fix the file (the blank template shows the expected columns) and upload it again.";
  }
}
