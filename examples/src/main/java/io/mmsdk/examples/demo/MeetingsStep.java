package io.mmsdk.examples.demo;

import io.mmsdk.cms.api.User;
import io.mmsdk.cms.core.CmsObject;
import io.mmsdk.meetings.Meeting;
import io.mmsdk.meetings.MeetingTracker;
import io.mmsdk.testkit.SimulatedCallBridge;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Step: run a handful of meetings with scripted participants (testkit driver API) and show the
 * live meetings the CDR tracker builds from what the bridges push.
 */
final class MeetingsStep {
  private MeetingsStep() {}

  /** Runs one meeting per space; returns how many meetings the tracker saw in total. */
  static int run(Progress progress, SimulatedWorld world, MeetingTracker tracker, List<CmsObject> spaces,
      List<User> people, Duration pace) throws InterruptedException {
    progress.step("Run " + spaces.size() + " meetings with scripted participants (testkit driver)");
    List<SimulatedCallBridge> bridges = world.cms.callBridges();
    Instant started = world.now();
    int person = 0;
    for (int round = 0; round < 3; round++) {
      for (int m = 0; m < spaces.size(); m++) {
        if (round >= 3 - m % 3) {
          continue;  // meetings of 3, 2, 1, 3 ... participants
        }
        // Meeting 0 spans both bridges (a distributed meeting); the others stay on one bridge.
        SimulatedCallBridge bridge = m == 0 ? bridges.get(round % 2) : bridges.get(m % bridges.size());
        User who = people.get(person++ % people.size());
        bridge.join(spaces.get(m).id(), who.userJid().orElse(""), who.name().orElse(""));
      }
      world.advance(Duration.ofMinutes(1));
      showLive(progress, world, tracker);
      Thread.sleep(pace.toMillis());
    }
    world.advance(Duration.ofMinutes(7));
    progress.line("after %d simulated minutes: %d active meetings, %d participants (MeetingTracker)",
        Duration.between(started, world.now()).toMinutes(), tracker.activeMeetings().size(),
        tracker.activeParticipantCount());

    for (SimulatedCallBridge bridge : bridges) {
      for (String callId : bridge.activeCallIds()) {
        bridge.endCall(callId);
      }
    }
    world.advance(Duration.ofSeconds(2));
    List<Meeting> all = tracker.meetings();
    for (Meeting m : all) {
      long hosts = m.calls().stream().map(Meeting.Call::callBridge).distinct().count();
      progress.line("ended  %-34s %d min, %d participant(s), %d call(s) on %d bridge(s), end reason %s",
          quoted(m.name()), Duration.between(m.startTime(), m.endTime()).toMinutes(), m.participants().size(),
          m.calls().size(), hosts, m.endReason() == null ? "-" : m.endReason());
    }
    return all.size();
  }

  private static void showLive(Progress progress, SimulatedWorld world, MeetingTracker tracker) {
    progress.line("live at %s: %d meetings, %d participants", world.now(), tracker.activeMeetings().size(),
        tracker.activeParticipantCount());
    for (Meeting m : tracker.activeMeetings()) {
      long bridges = m.calls().stream().map(Meeting.Call::callBridge).distinct().count();
      progress.line("  %-34s %d in call, on %d bridge%s", quoted(m.name()), m.activeParticipants().size(),
          bridges, bridges == 1 ? "" : "s");
    }
  }

  private static String quoted(String name) {
    return name == null ? "(unnamed)" : "'" + name + "'";
  }
}
