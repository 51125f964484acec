package io.mmsdk.admin.access;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The people of an organization and its groups, as the meeting-permission model sees them.
 * Immutable; {@link #withMember} and {@link #withGroup} return changed copies.
 *
 * @param members usernames of the organization's members
 * @param groups group name to member usernames (every member of a group is an organization member)
 */
public record Organization(Set<String> members, Map<String, Set<String>> groups) {
  /**
   * Copies and checks that group members belong to the organization.
   *
   * @param members usernames of the organization's members
   * @param groups group name to member usernames (every member of a group is an organization
   *     member)
   */
  public Organization {
    members = Set.copyOf(Objects.requireNonNull(members, "members == null"));
    Map<String, Set<String>> g = new HashMap<>();
    for (Map.Entry<String, Set<String>> e : Objects.requireNonNull(groups, "groups == null").entrySet()) {
      for (String m : e.getValue()) {
        if (!members.contains(m)) {
          throw new IllegalArgumentException(
              "Group '" + e.getKey() + "' lists '" + m + "', who is not a member of the organization; add the member first.");
        }
      }
      g.put(e.getKey(), Set.copyOf(e.getValue()));
    }
    groups = Map.copyOf(g);
  }

  /** {@return an organization with no members and no groups} */
  public static Organization empty() {
    return new Organization(Set.of(), Map.of());
  }

  /**
   * {@return a copy with {@code username} added as a member}
   *
   * @param username the new member's user name
   */
  public Organization withMember(String username) {
    Objects.requireNonNull(username, "username == null");
    Set<String> m = new HashSet<>(members);
    m.add(username);
    return new Organization(m, groups);
  }

  /**
   * {@return a copy with group {@code name} holding exactly {@code memberNames}}
   *
   * @param name the group's name
   * @param memberNames the group's members, each a member of the organization
   */
  public Organization withGroup(String name, Set<String> memberNames) {
    Objects.requireNonNull(name, "name == null");
    Objects.requireNonNull(memberNames, "memberNames == null");
    Map<String, Set<String>> g = new HashMap<>(groups);
    g.put(name, memberNames);
    return new Organization(members, g);
  }

  /**
   * {@return true when {@code username} is a member}
   *
   * @param username the user name
   */
  public boolean isMember(String username) {
    return members.contains(username);
  }

  /**
   * {@return the names of the groups {@code username} belongs to, sorted}
   *
   * @param username the user name
   */
  public Set<String> groupsOf(String username) {
    Set<String> out = new TreeSet<>();
    groups.forEach((name, m) -> {
      if (m.contains(username)) {
        out.add(name);
      }
    });
    return out;
  }
}
