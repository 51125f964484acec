package io.mmsdk.examples.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mmsdk.cms.CmsClient;
import io.mmsdk.cms.core.Form;
import io.mmsdk.cms.core.ListOptions;
import io.mmsdk.common.tls.TlsTrust;
import io.mmsdk.testkit.SimulatedCluster;
import io.mmsdk.testkit.core.ClusterOptions;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the demo's main path end to end, so it cannot silently rot. */
class DemoTest {
  @TempDir Path dir;

  @Test
  void run_simulated_everyStepRunsAndFilesAreWritten() throws Exception {
    ByteArrayOutputStream console = new ByteArrayOutputStream();
    DemoOptions options = DemoOptions.parse(new String[] {"--out", dir.resolve("out").toString(), "--users", "60"})
        .withPace(Duration.ZERO);

    DemoResult result = Demo.run(options, new PrintStream(console, true, StandardCharsets.UTF_8));

    String text = console.toString(StandardCharsets.UTF_8);
    assertTrue(result.simulated());
    for (int step = 1; step <= SimulatedRun.STEPS; step++) {
      assertTrue(text.contains("[" + step + "/" + SimulatedRun.STEPS + "]"), "step " + step + " missing:\n" + text);
    }
    assertEquals(60, result.usersImported(), text);
    assertEquals(50, result.spacesListed(), "one space per staff member (5 of 6 people):\n" + text);
    assertEquals(4, result.meetingsSeen(), text);
    assertEquals(Map.of(
        "accepts@partner.example", "JOINED",
        "declines@partner.example", "DECLINED",
        "busy@partner.example", "RETRIES_EXHAUSTED",
        "silent@partner.example", "RETRIES_EXHAUSTED"),
        withoutOrganiser(result.blastOutcomes()), text);
    assertTrue(result.blastOutcomes().containsValue("SKIPPED"), "the organiser is not dialed:\n" + text);
    assertEquals(3, result.compliance().size(), text);
    assertEquals("Unlicensed", result.compliance().get("CUSTOMIZATION"), text);
    assertTrue(text.contains("on 2 bridge(s)"), "a meeting spans both bridges:\n" + text);
    assertTrue(text.contains("Done in"), text);
    assertTrue(text.contains("muted ") && text.contains("locked "), "operator step:\n" + text);
    assertTrue(text.contains("refused by ROLE_AND_TAGS"), "the tagged operator is refused the board meeting:\n" + text);
    assertTrue(text.contains("audit trail: 6 controls, 1 refused"), text);

    Path zip = dir.resolve("out/license-data.zip");
    Path svg = dir.resolve("out/smp-usage.svg");
    assertEquals(java.util.List.of(zip, svg), result.files());
    try (ZipFile z = new ZipFile(zip.toFile())) {
      assertTrue(z.size() > 0, "license-data.zip is empty");
    }
    assertTrue(Files.readString(svg).startsWith("<svg") || Files.readString(svg).contains("<svg"), "not an SVG");
  }

  @Test
  void run_realBridge_readOnlyStepsOnlyAndNothingChanged() throws Exception {
    try (SimulatedCluster cms = SimulatedCluster.start(ClusterOptions.builder().https(true).build())) {
      Path pem = Files.writeString(dir.resolve("ca.pem"), cms.findCaCertificatePem().orElseThrow());
      try (CmsClient client = CmsClient.builder().baseUrl(cms.callBridge(0).baseUrl())
          .credentials(cms.apiUsername(), cms.apiPassword())
          .tlsTrust(TlsTrust.pemCertificates(cms.findCaCertificatePem().orElseThrow())).build()) {
        for (int i = 0; i < 23; i++) {
          client.coSpaces().create(Form.builder().set("name", "Room " + i).set("uri", "room" + i).build());
        }
        cms.addLicenseUsage(cms.callBridge(0).hostId(), cms.clock().instant().minusSeconds(600),
            Map.of("smpFull", "1.00"));
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        DemoOptions options = DemoOptions.parse(new String[] {
            "--cms-url", cms.callBridge(0).baseUrl(), "--cms-user", cms.apiUsername(),
            "--cms-password-env", "DEMO_TEST_PASSWORD", "--trust-pem", pem.toString(),
            "--out", dir.resolve("out").toString()});

        DemoResult result = Demo.run(options, new PrintStream(console, true, StandardCharsets.UTF_8),
            name -> name.equals("DEMO_TEST_PASSWORD") ? cms.apiPassword() : null);

        String text = console.toString(StandardCharsets.UTF_8);
        assertFalse(result.simulated());
        assertEquals(23, result.spacesListed(), text);
        assertTrue(text.contains("read-only steps only"), text);
        assertTrue(text.contains("in 3 pages"), "default page limit 10 → 3 pages:\n" + text);
        assertFalse(text.contains(cms.apiPassword()), "the password must never be printed");
        assertEquals(Map.of("MEETINGS", "Unlicensed", "RECORDING_OR_STREAMING", "Unlicensed",
            "CUSTOMIZATION", "Unlicensed"), result.compliance(), text);
        assertTrue(Files.size(dir.resolve("out/license-data.zip")) > 0);
        assertEquals(23, client.coSpaces().count(ListOptions.builder().build()), "nothing created or deleted");
        assertEquals(0, client.cdrReceivers().list().stream().count(), "no CDR receiver installed");
      }
    }
  }

  @Test
  void run_realBridgePasswordVariableUnset_failsWithMessage() {
    DemoOptions options = DemoOptions.parse(new String[] {"--cms-url", "https://cms.example.com:8443",
        "--cms-user", "api", "--cms-password-env", "NOT_SET_ANYWHERE", "--out", dir.toString()});
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Demo.run(options, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
            name -> null));
    assertTrue(e.getMessage().contains("NOT_SET_ANYWHERE"), e.getMessage());
  }

  @Test
  void parse_badArguments_explainWhatIsWrong() {
    assertTrue(assertThrows(IllegalArgumentException.class, () -> DemoOptions.parse(new String[] {"--bogus"}))
        .getMessage().contains("--bogus"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> DemoOptions.parse(new String[] {"--out"}))
        .getMessage().contains("--out needs a value"));
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> DemoOptions.parse(new String[] {"--cms-url", "https://cms:8443"})).getMessage()
        .contains("--cms-password-env"));
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> DemoOptions.parse(new String[] {"--users", "many"})).getMessage().contains("'many'"));
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> DemoOptions.parse(new String[] {"--cms-user", "api"})).getMessage().contains("--cms-url"));
  }

  @Test
  void parse_defaults_outputUnderCurrentDirectory() {
    DemoOptions options = DemoOptions.parse(new String[0]);
    assertEquals(Path.of("demo-output"), options.outputDirectory());
    assertTrue(options.findCmsUrl().isEmpty());
    assertTrue(DemoOptions.parse(new String[] {"--help"}).help());
    assertTrue(DemoOptions.USAGE.contains("--cms-password-env VAR"));
  }

  private static Map<String, String> withoutOrganiser(Map<String, String> outcomes) {
    Map<String, String> out = new java.util.HashMap<>(outcomes);
    out.values().removeIf("SKIPPED"::equals);
    return out;
  }
}
