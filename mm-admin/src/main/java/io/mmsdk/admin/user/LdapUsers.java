package io.mmsdk.admin.user;

import io.mmsdk.admin.access.Role;
import io.mmsdk.admin.user.UserState.Change;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@link UserService}'s LDAP sign-in: the server, the group mappings with the tags of removed
 * groups remembered, individual LDAP users' tags, and authenticating against the directory.
 */
final class LdapUsers {
  private final UserState state;

  LdapUsers(UserState state) {
    this.state = state;
  }

  Optional<LdapSettings> findSettings() {
    synchronized (state) {
      return state.data().findLdapSettings();
    }
  }

  List<LdapGroupMapping> groups() {
    synchronized (state) {
      return state.data().ldapGroups();
    }
  }

  void setSettings(Session actor, LdapSettings settings) {
    Objects.requireNonNull(settings, "settings == null");
    state.change(actor, "LDAP", "ldap.server", admin -> new Change(state.data().withLdapSettings(settings),
        settings.host() + ":" + settings.port(), "LDAP server set"));
  }

  void setGroups(Session actor, List<LdapGroupMapping> groups) {
    Objects.requireNonNull(groups, "groups == null");
    state.change(actor, "LDAP", "ldap.groups", admin -> {
      UserData data = state.data();
      List<String> restored = new ArrayList<>();
      Set<String> kept = new HashSet<>();
      groups.forEach(g -> kept.add(UserData.groupKey(g.groupDn())));
      Map<String, Set<String>> retained = new HashMap<>(data.retainedLdapGroupTags());
      for (LdapGroupMapping old : data.ldapGroups()) {
        String key = UserData.groupKey(old.groupDn());
        if (!kept.contains(key) && !old.tags().isEmpty()) {
          retained.put(key, old.tags());
        }
      }
      List<LdapGroupMapping> next = new ArrayList<>(groups.size());
      for (LdapGroupMapping g : groups) {
        String key = UserData.groupKey(g.groupDn());
        Set<String> remembered = retained.get(key);
        if (remembered != null && g.tags().isEmpty() && g.role() == Role.VIDEO_OPERATOR) {
          g = new LdapGroupMapping(g.groupDn(), g.role(), remembered);
          restored.add(g.groupDn());
        }
        if (!g.tags().isEmpty()) {
          retained.remove(key);
        }
        next.add(g);
      }
      return new Change(data.withLdapGroups(next, retained), "LDAP groups", groups.size() + " group mapping(s)"
          + (restored.isEmpty() ? "" : ", retained tags given back to " + restored));
    });
  }

  void setUserTags(Session actor, String username, Set<String> tags) {
    LocalUser.checkUsername(username);
    Set<String> checked = LocalUser.checkTags(username, Role.VIDEO_OPERATOR, tags);
    state.change(actor, "users", "user.ldap.tags", admin -> {
      if (state.findRecord(username).isPresent()) {
        throw new UserException("'" + username + "' is a local user, who signs in before LDAP is tried; set a local user's"
            + " tags with updateLocalUser(...), and use different usernames for local and LDAP users so tags are not"
            + " assigned to the wrong one.");
      }
      Set<String> before = userTags(username);
      Map<String, Set<String>> next = new HashMap<>(state.data().ldapUserTags());
      next.put(username, checked);
      return new Change(state.data().withLdapUserTags(next), username, "tags " + before + " -> " + checked);
    });
  }

  Set<String> userTags(String username) {
    Objects.requireNonNull(username, "username == null");
    synchronized (state) {
      return state.data().ldapUserTags().getOrDefault(username, Set.of());
    }
  }

  LdapDirectory directory() {
    LdapSettings s = findSettings().orElseThrow(() ->
        new UserException("LDAP is not set up; call setLdapSettings(...) first."));
    return LdapDirectory.create(s);
  }

  /** Checks {@code username}'s password against the directory and finds their role and group tags. */
  LdapIdentity authenticate(LdapSettings settings, List<LdapGroupMapping> groups, String username, String password) {
    return LdapDirectory.create(settings).authenticate(username, password, groups);
  }

  /**
   * Returns the tags a session of {@code id} gets: its groups' and its own ({@code individual}),
   * none for an administrator.
   */
  static Set<String> signInTags(LdapIdentity id, Set<String> individual) {
    if (id.role() == Role.ADMINISTRATOR) {
      return Set.of();
    }
    Set<String> out = new TreeSet<>(id.tags());
    out.addAll(individual);
    return out;
  }
}
