package io.mmsdk.examples;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mmsdk.examples.blastdial.BlastDialSpace;
import io.mmsdk.examples.cdr.PrintMeetings;
import io.mmsdk.examples.licensing.LicenseReport;
import io.mmsdk.examples.provisioning.ProvisionFromJson;
import io.mmsdk.examples.spaces.ListSpaces;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs every example app in its default mode (against a cms-testkit cluster it starts itself). */
class ExamplesTest {
  @TempDir Path dir;

  interface Main {
    void run() throws Exception;
  }

  private static String output(Main main) throws Exception {
    PrintStream original = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      main.run();
    } finally {
      System.setOut(original);
    }
    String text = captured.toString(StandardCharsets.UTF_8);
    return text;
  }

  @Test
  void listSpaces_simulated_pagesThroughAllSpaces() throws Exception {
    String text = output(() -> ListSpaces.main(new String[0]));
    assertTrue(text.contains("-- page at offset 20: 7 of 27 spaces"), text);
    assertTrue(text.contains("Lazy list: 27 spaces"), text);
  }

  @Test
  void printMeetings_simulated_printsMeetingStartAndEnd() throws Exception {
    String text = output(() -> PrintMeetings.main(new String[] {"--journal", dir.toString()}));
    assertTrue(text.contains(">> active: Weekly sync with 2 participants"), text);
    assertTrue(text.contains("MEETING_ENDED"), text);
    assertTrue(text.contains(">> meetings seen: 1, active now: 0"), text);
  }

  @Test
  void provisionFromJson_simulated_appliesAndSyncs() throws Exception {
    String text = output(() -> ProvisionFromJson.main(new String[0]));
    assertTrue(text.contains("Plan: 18 to create"), text);
    assertTrue(text.contains("LDAP sync: COMPLETE, 4 users imported"), text);
    assertTrue(text.contains("3 spaces"), text);
  }

  @Test
  void licenseReport_simulated_printsComplianceAndWritesFiles() throws Exception {
    String text = output(() -> LicenseReport.main(new String[] {"--out", dir.toString()}));
    assertTrue(text.contains("MEETINGS"), text);
    assertTrue(text.contains("CUSTOMIZATION            Unlicensed"), text);
    assertTrue(Files.size(dir.resolve("license-data.zip")) > 0);
    assertTrue(Files.readString(dir.resolve("smp-usage.svg")).contains("<svg"));
  }

  @Test
  void blastDialSpace_simulated_eachContactEndsAsScripted() throws Exception {
    String text = output(() -> BlastDialSpace.main(new String[0]));
    assertTrue(text.contains(": COMPLETED"), text);
    assertTrue(text.matches("(?s).*accepts@partner\\.example\\s+JOINED.*"), text);
    assertTrue(text.matches("(?s).*declines@partner\\.example\\s+DECLINED.*"), text);
    assertTrue(text.matches("(?s).*busy@partner\\.example\\s+RETRIES_EXHAUSTED.*"), text);
  }
}
