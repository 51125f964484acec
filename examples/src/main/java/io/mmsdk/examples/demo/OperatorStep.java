package io.mmsdk.examples.demo;

import io.mmsdk.admin.access.Principal;
import io.mmsdk.admin.access.Role;
import io.mmsdk.admin.audit.AuditEvent;
import io.mmsdk.admin.audit.AuditTrail;
import io.mmsdk.cms.CmsClient;
import io.mmsdk.cms.api.CmsApi;
import io.mmsdk.cms.api.CoSpaceParameters;
import io.mmsdk.cms.api.User;
import io.mmsdk.cms.core.CmsObject;
import io.mmsdk.examples.operator.OperatorConsole;
import io.mmsdk.meetings.control.ControlRefusedException;
import io.mmsdk.meetings.control.MeetingControl;
import io.mmsdk.meetings.control.MeetingControls;
import io.mmsdk.meetings.control.MeetingRef;
import io.mmsdk.testkit.SimulatedCallBridge;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * Step: a video operator tagged {@code emea} and an administrator work two live meetings through
 * the operator console (mm-meetings controls): the operator sees and controls only the meeting in
 * the space tagged {@code emea}, and is refused the other one; every control is audited.
 */
final class OperatorStep {
  private OperatorStep() {}

  /** Runs the step; returns the audit trail it wrote. */
  static List<AuditEvent> run(Progress progress, SimulatedWorld world, CmsClient client, List<CmsObject> spaces,
      List<User> people) {
    progress.step("Operate live meetings as a tagged video operator (mm-meetings controls, operator console)");
    CmsApi api = client.api();
    CmsObject emea = spaces.get(0);
    CmsObject board = spaces.get(1);
    // Space tags are set on the Meeting Server through the coSpace API (seed 001, 6.3).
    api.coSpaces().update(emea.id(), CoSpaceParameters.builder().cdrTag("emea").build());
    api.coSpaces().update(board.id(), CoSpaceParameters.builder().cdrTag("board").build());
    SimulatedCallBridge bridge = world.cms.callBridge(0);
    for (int i = 0; i < 3; i++) {
      bridge.join(emea.id(), people.get(i).userJid().orElse(""), people.get(i).name().orElse(""));
    }
    User boardMember = people.get(3);
    String boardCall = bridge.join(board.id(), boardMember.userJid().orElse(""),
        boardMember.name().orElse("")).callId();
    world.advance(Duration.ofSeconds(30));

    AuditTrail audit = AuditTrail.inMemory(world.scheduler);
    MeetingControls controls = MeetingControls.builder().bridge("cb1", client).audit(audit).build();
    Principal eve = Principal.builder("eve", Role.VIDEO_OPERATOR).tags(Set.of("emea")).build();
    Principal ada = Principal.builder("ada", Role.ADMINISTRATOR).build();
    console(progress, controls, eve, "meetings", "roster 1", "mute 1 2", "lock 1");
    try {
      controls.execute(eve, new MeetingControl.EndMeeting(new MeetingRef("cb1", boardCall)));
      throw new IllegalStateException("the emea operator ended a meeting in a space tagged board");
    } catch (ControlRefusedException e) {
      progress.line("eve> end the board meeting by its call id -> refused by %s", e.rule());
    }
    console(progress, controls, ada, "meetings", "move 1 3 2", "end 1", "end 2");
    long refused = audit.events().stream().filter(e -> e.detail().startsWith("outcome: refused")).count();
    progress.line("audit trail: %d controls, %d refused (who, what, which meeting, outcome)",
        audit.events().size(), refused);
    world.advance(Duration.ofSeconds(2));
    return audit.events();
  }

  private static void console(Progress progress, MeetingControls controls, Principal who, String... commands) {
    OperatorConsole console = new OperatorConsole(controls, who, line -> progress.line("  %s", line));
    for (String command : commands) {
      progress.line("%s> %s", who.username(), command);
      console.execute(command);
    }
  }
}
