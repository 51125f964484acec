package io.mmsdk.examples.operator;

import io.mmsdk.cms.CmsClient;
import io.mmsdk.cms.api.CmsApi;
import io.mmsdk.cms.api.CoSpaceParameters;
import io.mmsdk.common.MmSdkException;
import io.mmsdk.common.time.Scheduler;
import io.mmsdk.admin.access.Principal;
import io.mmsdk.admin.access.Role;
import io.mmsdk.admin.audit.AuditTrail;
import io.mmsdk.common.tls.TlsTrust;
import io.mmsdk.examples.ExampleFlags;
import io.mmsdk.meetings.control.ControlRefusedException;
import io.mmsdk.meetings.control.ControlResult;
import io.mmsdk.meetings.control.MeetingControl;
import io.mmsdk.meetings.control.MeetingControls;
import io.mmsdk.meetings.control.MeetingScope;
import io.mmsdk.meetings.control.ParticipantControl;
import io.mmsdk.meetings.control.RosterEntry;
import io.mmsdk.testkit.SimulatedCallBridge;
import io.mmsdk.testkit.SimulatedCluster;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * A text-mode video operator console: reads commands from standard input and runs them through
 * {@link MeetingControls}, which checks the operator's role and tags before anything reaches the
 * Call Bridge and audits every control.
 *
 * <pre>
 * OperatorConsole [--user NAME] [--role operator|administrator] [--tags emea,sales]
 *                 [--cms-url https://cms1.example.com:8443 --cms-user api --cms-password-env CMS_PASSWORD
 *                  [--trust-pem ca.pem]]
 * </pre>
 *
 * <p>Commands: {@code meetings}, {@code roster M}, {@code mute M P}, {@code unmute M P}, {@code lock
 * M}, {@code unlock M}, {@code move M P TO}, {@code end M}, {@code help}, {@code quit}. {@code M} and
 * {@code TO} number the meetings of the last {@code meetings} listing, {@code P} the participants of
 * meeting {@code M}'s roster as it is now. Without {@code --cms-url} it starts a simulated Call
 * Bridge with three meetings: "Sales" and "Support" in spaces tagged {@code emea}, "Board" tagged
 * {@code board}.
 */
public final class OperatorConsole {
  private static final String APP = "OperatorConsole";
  private static final String HELP = "commands: meetings | roster M | mute M P | unmute M P | lock M | unlock M"
      + " | move M P TO | end M | help | quit   (M, TO: meeting numbers from 'meetings'; P: participant"
      + " number from 'roster M')";

  private final MeetingControls controls;
  private final Principal operator;
  private final Consumer<String> out;
  private List<MeetingScope> listed = List.of();

  /**
   * Creates a console for {@code operator}.
   *
   * @param controls the controls, with the Call Bridges to act on
   * @param operator who is at the console (a host takes it from {@code Session.principal()})
   * @param out where each output line goes
   */
  public OperatorConsole(MeetingControls controls, Principal operator, Consumer<String> out) {
    this.controls = controls;
    this.operator = operator;
    this.out = out;
  }

  /**
   * Runs commands until {@code quit} or the end of input; a refused or failed command prints why and
   * the console goes on.
   *
   * @param in the commands, one per line
   * @throws IOException if reading the input fails
   */
  public void run(BufferedReader in) throws IOException {
    out.accept("operator " + operator.username() + " (" + operator.role().name().toLowerCase(Locale.ROOT)
        + (operator.tags().isEmpty() ? "" : ", tags " + new TreeSet<>(operator.tags())) + "); " + HELP);
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      String command = line.strip();
      if (command.isEmpty()) {
        continue;
      }
      out.accept("> " + command);
      if (command.equals("quit")) {
        return;
      }
      execute(command);
    }
  }

  /**
   * Runs one command line and prints its outcome.
   *
   * @param command e.g. {@code "mute 1 2"}
   */
  public void execute(String command) {
    String[] words = command.split("\\s+");
    try {
      switch (words[0]) {
        case "meetings" -> meetings(words);
        case "roster" -> roster(words);
        case "mute", "unmute" -> {
          RosterEntry who = participant(words, 3);
          ControlResult.ParticipantChanged r = controls.execute(operator,
              new ParticipantControl.SetAudioMuted(who.participant(), words[0].equals("mute")));
          out.accept(words[0] + "d " + who.name() + " (" + r.callLegIds().size() + " call leg(s))");
        }
        case "lock", "unlock" -> {
          MeetingScope m = meeting(words, 1, 2);
          controls.execute(operator, new MeetingControl.SetLocked(m.meeting(), words[0].equals("lock")));
          out.accept(words[0] + "ed " + m.name());
        }
        case "move" -> {
          RosterEntry who = participant(words, 4);
          MeetingScope to = meeting(words, 3, 4);
          controls.execute(operator, new ParticipantControl.Move(who.participant(), to.meeting()));
          out.accept("moved " + who.name() + " to " + to.name());
        }
        case "end" -> {
          MeetingScope m = meeting(words, 1, 2);
          controls.execute(operator, new MeetingControl.EndMeeting(m.meeting()));
          out.accept("ended " + m.name());
        }
        case "help" -> out.accept(HELP);
        default -> out.accept("unknown command '" + words[0] + "'; " + HELP);
      }
    } catch (ControlRefusedException e) {
      out.accept("refused by " + e.rule() + ": " + e.getMessage());
    } catch (UsageException e) {
      out.accept(e.getMessage() + "; " + HELP);
    } catch (MmSdkException e) {
      out.accept("failed: " + e.getMessage());
    }
  }

  private void meetings(String[] words) {
    requireWords(words, 1);
    listed = controls.meetings(operator);
    if (listed.isEmpty()) {
      out.accept("no live meetings you may see");
    }
    for (int i = 0; i < listed.size(); i++) {
      MeetingScope m = listed.get(i);
      out.accept(String.format(Locale.ROOT, "%2d  %-20s %-12s tags %s", i + 1, m.name(), m.meeting().bridge(),
          m.tags().isEmpty() ? "-" : String.join(",", new TreeSet<>(m.tags()))));
    }
  }

  private void roster(String[] words) {
    MeetingScope m = meeting(words, 1, 2);
    List<RosterEntry> roster = controls.roster(operator, m.meeting());
    out.accept(m.name() + ": " + roster.size() + " participant(s)");
    for (int i = 0; i < roster.size(); i++) {
      RosterEntry p = roster.get(i);
      out.accept(String.format(Locale.ROOT, "%2d  %-20s %-28s %s", i + 1, p.name(), p.address(),
          p.inLobby() ? "lobby" : p.state()));
    }
  }

  private MeetingScope meeting(String[] words, int at, int length) {
    requireWords(words, length);
    if (listed.isEmpty()) {
      listed = controls.meetings(operator);
    }
    int n = number(words[at], "meeting");
    if (n > listed.size()) {
      throw new UsageException("no meeting " + n + " (" + listed.size() + " listed; run 'meetings' again)");
    }
    return listed.get(n - 1);
  }

  private RosterEntry participant(String[] words, int length) {
    MeetingScope m = meeting(words, 1, length);
    List<RosterEntry> roster = controls.roster(operator, m.meeting());
    int n = number(words[2], "participant");
    if (n > roster.size()) {
      throw new UsageException("no participant " + n + " in " + m.name() + " (" + roster.size() + " now)");
    }
    return roster.get(n - 1);
  }

  private static int number(String word, String what) {
    try {
      int n = Integer.parseInt(word);
      if (n >= 1) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new UsageException(what + " number expected, got '" + word + "'");
  }

  private static void requireWords(String[] words, int length) {
    if (words.length != length) {
      throw new UsageException("'" + words[0] + "' takes " + (length - 1) + " number(s)");
    }
  }

  /** A command line that does not parse. */
  private static final class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
      super(message);
    }
  }

  /**
   * Runs the console on standard input; exits 1 with a message on bad arguments or when the Call
   * Bridge cannot be reached.
   *
   * @param args the flags above
   * @throws IOException if standard input cannot be read
   */
  public static void main(String[] args) throws IOException {
    Map<String, String> flags = ExampleFlags.parse(APP, args);
    Principal operator = principal(flags);
    SimulatedCluster simulated = null;
    CmsClient.Builder builder = CmsClient.builder();
    if (flags.containsKey("--cms-url")) {
      String password = System.getenv(ExampleFlags.required(APP, flags, "--cms-password-env"));
      if (password == null) {
        ExampleFlags.fail(APP, "environment variable " + flags.get("--cms-password-env") + " is not set");
      }
      builder.baseUrl(flags.get("--cms-url")).credentials(ExampleFlags.required(APP, flags, "--cms-user"), password);
      if (flags.containsKey("--trust-pem")) {
        builder.tlsTrust(TlsTrust.pemFile(Path.of(flags.get("--trust-pem"))));
      }
    } else {
      simulated = SimulatedCluster.start();
      builder.baseUrl(simulated.callBridge(0).baseUrl()).credentials(simulated.apiUsername(), simulated.apiPassword());
      System.out.println("No --cms-url: using a simulated Call Bridge at " + simulated.callBridge(0).baseUrl());
    }
    try (CmsClient cms = builder.build()) {
      if (simulated != null) {
        startSampleMeetings(cms.api(), simulated.callBridge(0));
      }
      AuditTrail audit = AuditTrail.inMemory(simulated != null ? simulated.clock() : Scheduler.system());
      audit.addListener(e -> System.out.println("   audit #" + e.sequence() + " " + e.actor() + " " + e.action() + " "
          + e.target() + " " + e.detail().substring(0, e.detail().indexOf(';') + 1)));
      MeetingControls controls = MeetingControls.builder().bridge("cb1", cms).audit(audit).build();
      new OperatorConsole(controls, operator, System.out::println)
          .run(new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)));
    } catch (MmSdkException e) {
      ExampleFlags.fail(APP, e.getMessage());
    } finally {
      if (simulated != null) {
        simulated.close();
      }
    }
  }

  /**
   * Starts the sample meetings on a simulated Call Bridge: "Sales" (Alice, Bob, Chen) and "Support"
   * (Dana) in spaces tagged {@code emea}, "Board" (Erin) tagged {@code board}.
   *
   * @param api the bridge's typed API, to create the spaces
   * @param bridge the simulated bridge, to let participants join
   */
  public static void startSampleMeetings(CmsApi api, SimulatedCallBridge bridge) {
    Map<String, List<String>> meetings = new LinkedHashMap<>();
    meetings.put("Sales:emea", List.of("Alice", "Bob", "Chen"));
    meetings.put("Support:emea", List.of("Dana"));
    meetings.put("Board:board", List.of("Erin"));
    for (Map.Entry<String, List<String>> m : meetings.entrySet()) {
      String[] nameTag = m.getKey().split(":");
      String space = api.coSpaces().create(CoSpaceParameters.builder().name(nameTag[0])
          .uri(nameTag[0].toLowerCase(Locale.ROOT)).cdrTag(nameTag[1]).build());
      for (String person : m.getValue()) {
        bridge.join(space, person.toLowerCase(Locale.ROOT) + "@example.com", person);
      }
    }
  }

  private static Principal principal(Map<String, String> flags) {
    String role = flags.getOrDefault("--role", "operator");
    if (!role.equals("operator") && !role.equals("administrator")) {
      ExampleFlags.fail(APP, "--role must be operator or administrator, got '" + role + "'");
    }
    Role r = role.equals("operator") ? Role.VIDEO_OPERATOR : Role.ADMINISTRATOR;
    Set<String> tags = Arrays.stream(flags.getOrDefault("--tags", "").split(","))
        .map(String::strip).filter(t -> !t.isEmpty()).collect(Collectors.toSet());
    return Principal.builder(flags.getOrDefault("--user", "operator"), r).tags(tags).build();
  }
}
