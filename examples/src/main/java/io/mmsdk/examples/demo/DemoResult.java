package io.mmsdk.examples.demo;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What one demo run did, for callers (and the test) that want more than the console text.
 *
 * @param simulated true when the demo ran against cms-testkit, false against a real Call Bridge
 * @param spacesListed spaces read with paging
 * @param usersImported users the LDAP sync imported (0 against a real bridge)
 * @param meetingsSeen meetings the CDR tracker saw (0 against a real bridge)
 * @param blastOutcomes contact address → final blast dial state (empty against a real bridge)
 * @param compliance feature → compliance label
 * @param files files written
 * @param lines every line printed
 */
record DemoResult(
    boolean simulated,
    long spacesListed,
    int usersImported,
    int meetingsSeen,
    Map<String, String> blastOutcomes,
    Map<String, String> compliance,
    List<Path> files,
    List<String> lines) {

  DemoResult {
    blastOutcomes = Map.copyOf(blastOutcomes);
    compliance = Map.copyOf(compliance);
    files = List.copyOf(files);
    lines = List.copyOf(lines);
  }
}
