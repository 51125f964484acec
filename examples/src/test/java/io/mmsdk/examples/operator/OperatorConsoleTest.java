package io.mmsdk.examples.operator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mmsdk.cms.CmsClient;
import io.mmsdk.cms.api.Call;
import io.mmsdk.cms.api.CmsApi;
import io.mmsdk.core.access.Principal;
import io.mmsdk.core.access.Role;
import io.mmsdk.core.audit.AuditTrail;
import io.mmsdk.meetings.control.MeetingControls;
import io.mmsdk.testkit.SimulatedCluster;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Drives the console with scripted commands against a simulated Call Bridge and checks both its output and the bridge. */
class OperatorConsoleTest {
  private SimulatedCluster cluster;
  private CmsClient cms;
  private CmsApi api;
  private AuditTrail audit;
  private MeetingControls controls;

  @BeforeEach
  void start() {
    cluster = SimulatedCluster.start();
    cms = CmsClient.builder().baseUrl(cluster.callBridge(0).baseUrl())
        .credentials(cluster.apiUsername(), cluster.apiPassword()).build();
    api = cms.api();
    OperatorConsole.startSampleMeetings(api, cluster.callBridge(0));
    audit = AuditTrail.inMemory(cluster.clock());
    controls = MeetingControls.builder().bridge("cb1", cms).audit(audit).build();
  }

  @AfterEach
  void stop() {
    cms.close();
    cluster.close();
  }

  private List<String> run(Principal who, String... commands) throws Exception {
    List<String> out = new ArrayList<>();
    new OperatorConsole(controls, who, out::add).run(new BufferedReader(new StringReader(String.join("\n", commands))));
    return out;
  }

  private Map<String, Call> callsByName() {
    return api.calls().list().stream().map(c -> api.calls().get(c.id()))
        .collect(Collectors.toMap(c -> c.name().orElse(""), c -> c));
  }

  private Set<String> namesIn(String meeting) {
    return api.callParticipants(callsByName().get(meeting).id()).list().stream()
        .map(p -> p.name().orElse("")).collect(Collectors.toSet());
  }

  @Test
  void taggedOperator_listsRostersMutesLocksAndEnds_onlyInTaggedSpaces() throws Exception {
    Principal eve = Principal.builder("eve", Role.VIDEO_OPERATOR).tags(Set.of("emea")).build();
    List<String> out = run(eve, "meetings", "roster 1", "mute 1 2", "lock 1", "end 2", "quit", "end 1");
    String text = String.join("\n", out);
    assertTrue(text.contains(" 1  Sales ") && text.contains(" 2  Support "), text);
    assertFalse(text.contains("Board"), "a tagged operator does not see Board:\n" + text);
    assertTrue(text.contains("Sales: 3 participant(s)") && text.contains("bob@example.com"), text);
    assertTrue(text.contains("muted Bob (1 call leg(s))"), text);
    assertTrue(text.contains("locked Sales") && text.contains("ended Support"), text);

    Map<String, Call> calls = callsByName();
    assertTrue(calls.get("Sales").locked().orElseThrow());
    assertFalse(calls.containsKey("Support"));
    assertTrue(calls.containsKey("Sales"), "commands after quit are not run");
    String bobLeg = api.callLegs().list().stream().filter(l -> l.name().orElse("").equals("Bob")).findFirst()
        .orElseThrow().id();
    assertEquals("true", api.callLegs().get(bobLeg).configurationRxAudioMute().orElseThrow());
    assertEquals(List.of("meeting.mute-audio", "meeting.lock", "meeting.end"),
        audit.events().stream().map(e -> e.action()).toList());
  }

  @Test
  void move_operatorWithinTaggedMeetings_administratorIntoAnyMeeting() throws Exception {
    Principal eve = Principal.builder("eve", Role.VIDEO_OPERATOR).tags(Set.of("emea")).build();
    Principal ada = Principal.builder("ada", Role.ADMINISTRATOR).build();
    List<String> admin = run(ada, "meetings");
    assertTrue(String.join("\n", admin).contains(" 3  Board "), String.join("\n", admin));

    List<String> out = run(eve, "move 1 3 2");
    assertTrue(out.get(out.size() - 1).startsWith("moved Chen to Support"), String.join("\n", out));
    assertEquals(Set.of("Dana", "Chen"), namesIn("Support"));

    // Board is not among eve's meetings at all; as administrator the same numbers reach it.
    out = run(ada, "meetings", "move 1 1 3");
    assertTrue(out.get(out.size() - 1).startsWith("moved Alice to Board"), String.join("\n", out));
    assertEquals(Set.of("Erin", "Alice"), namesIn("Board"));
  }

  @Test
  void refusedAndBadCommands_explainAndTheConsoleGoesOn() throws Exception {
    Principal pat = Principal.builder("pat", Role.VIDEO_OPERATOR).tags(Set.of("board")).build();
    List<String> out = run(pat, "meetings", "lock 2", "mute 1", "mute 1 9", "frobnicate", "roster x", "lock 1");
    String text = String.join("\n", out);
    assertTrue(text.contains("no meeting 2 (1 listed"), text);
    assertTrue(text.contains("'mute' takes 2 number(s)"), text);
    assertTrue(text.contains("no participant 9 in Board (1 now)"), text);
    assertTrue(text.contains("unknown command 'frobnicate'"), text);
    assertTrue(text.contains("meeting number expected, got 'x'"), text);
    assertTrue(text.contains("locked Board"), text);
    assertTrue(callsByName().get("Board").locked().orElseThrow());

    // An operator whose tags match nothing sees nothing and controls nothing.
    Principal lou = Principal.builder("lou", Role.VIDEO_OPERATOR).tags(Set.of("apac")).build();
    text = String.join("\n", run(lou, "meetings", "end 1"));
    assertTrue(text.contains("no live meetings you may see") && text.contains("no meeting 1 (0 listed"), text);
  }

  @Test
  void main_simulated_runsCommandsFromStandardInput() throws Exception {
    InputStream originalIn = System.in;
    PrintStream originalOut = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setIn(new ByteArrayInputStream("meetings\nlock 1\nroster 1\nquit\n".getBytes(StandardCharsets.UTF_8)));
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      OperatorConsole.main(new String[] {"--user", "eve", "--tags", "emea"});
    } finally {
      System.setIn(originalIn);
      System.setOut(originalOut);
    }
    String text = captured.toString(StandardCharsets.UTF_8);
    assertTrue(text.contains("operator eve (video_operator, tags [emea])"), text);
    assertTrue(text.contains("locked Sales"), text);
    assertTrue(text.contains("audit #1 eve meeting.lock"), text);
    assertTrue(text.contains("Sales: 3 participant(s)"), text);
  }
}
