package io.mmsdk.benchmarks.core;

import io.mmsdk.admin.access.AccessControl;
import io.mmsdk.admin.access.Action;
import io.mmsdk.admin.access.Decision;
import io.mmsdk.admin.access.MeetingPermissions;
import io.mmsdk.admin.access.MeetingRole;
import io.mmsdk.admin.access.Organization;
import io.mmsdk.admin.access.Principal;
import io.mmsdk.admin.access.PrivilegeLevel;
import io.mmsdk.admin.access.Resource;
import io.mmsdk.admin.access.Role;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** How long one {@link AccessControl#decide} takes for each permission model. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class AccessControlBenchmark {
  private Principal operator;
  private Resource.Space space;
  private Principal limited;
  private Resource.Conference conference;
  private Principal member;
  private Resource.AgendaSection section;

  /** Builds an operator with 10 tags, and a meeting with 200 members in 20 groups and nested sections. */
  @Setup
  public void setUp() {
    Set<String> tags = new HashSet<>();
    for (int i = 0; i < 10; i++) {
      tags.add("tag-" + i);
    }
    operator = Principal.builder("op", Role.VIDEO_OPERATOR).tags(tags).build();
    space = new Resource.Space("space-1", Set.of("other-1", "other-2", "tag-9"));
    limited = Principal.builder("lim", Role.VIDEO_OPERATOR).privilege(PrivilegeLevel.CONFERENCE_CREATION_AND_LIMITED_CONTROL).build();
    conference = Resource.Conference.ownedBy("conf-1", "someone-else");

    Set<String> members = new HashSet<>();
    Map<String, Set<String>> groups = new HashMap<>();
    for (int i = 0; i < 200; i++) {
      members.add("user-" + i);
      groups.computeIfAbsent("group-" + (i % 20), k -> new HashSet<>()).add("user-" + i);
    }
    Organization org = new Organization(members, groups);
    MeetingPermissions p = MeetingPermissions.create("board-meeting");
    for (int g = 0; g < 20; g++) {
      p = p.grantGroup(org, "group-" + g, MeetingRole.READER);
    }
    p = p.grantSectionGroup(org, "Finance", "group-7", MeetingRole.CONTRIBUTOR)
        .grantSectionUser(org, "Finance/Q1", "user-107", MeetingRole.ADMIN);
    member = Principal.builder("user-107", Role.VIDEO_OPERATOR).build();
    section = new Resource.AgendaSection(p, org, "Finance/Q1/Budget/Appendix");
  }

  /** Operator tags against a space's tags. */
  @Benchmark
  public Decision spaceTags() {
    return AccessControl.decide(operator, Action.MANAGE_MEETINGS, space);
  }

  /** Privilege level and ownership against a conference operation. */
  @Benchmark
  public Decision conferenceOwnership() {
    return AccessControl.decide(limited, Action.MUTE_PARTICIPANT, conference);
  }

  /** A nested agenda section with group and individual grants (walks up three levels). */
  @Benchmark
  public Decision agendaSection() {
    return AccessControl.decide(member, Action.MANAGE_PERMISSIONS, section);
  }
}
