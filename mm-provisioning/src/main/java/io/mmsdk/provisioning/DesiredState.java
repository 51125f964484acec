package io.mmsdk.provisioning;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;

/**
 * Everything mm-sdk provisions on one cluster: LDAP servers, user imports, rules that create spaces
 * automatically, rules that let users create spaces, space templates and the LDAP sync schedule.
 *
 * <p>Immutable. Load and save it as JSON with {@link DesiredStateJson}; check it with {@link
 * #validate()} before planning.
 *
 * @param ldapServers LDAP servers
 * @param userImports user imports
 * @param autoSpaceRules rules that create spaces automatically
 * @param spaceCreationRules rules that let users create spaces
 * @param spaceTemplates space templates
 * @param syncSchedule LDAP sync schedule, or null for none
 */
public record DesiredState(
    List<LdapServer> ldapServers,
    List<UserImport> userImports,
    List<AutoSpaceRule> autoSpaceRules,
    List<SpaceCreationRule> spaceCreationRules,
    List<SpaceTemplate> spaceTemplates,
    SyncSchedule syncSchedule) {

  /**
   * Copies the lists; missing lists become empty. {@code syncSchedule} may be null (no schedule).
   *
   * @param ldapServers LDAP servers
   * @param userImports user imports
   * @param autoSpaceRules rules that create spaces automatically
   * @param spaceCreationRules rules that let users create spaces
   * @param spaceTemplates space templates
   * @param syncSchedule LDAP sync schedule, or null for none
   */
  public DesiredState {
    ldapServers = copy(ldapServers);
    userImports = copy(userImports);
    autoSpaceRules = copy(autoSpaceRules);
    spaceCreationRules = copy(spaceCreationRules);
    spaceTemplates = copy(spaceTemplates);
  }

  private static <T> List<T> copy(List<T> list) {
    return list == null ? List.of() : List.copyOf(list);
  }

  /** {@return every problem in this state, each with the path of the field at fault} */
  public ValidationResult validate() {
    return new Validator(this).run();
  }

  /** {@return a new, empty builder} */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link DesiredState} values. */
  public static final class Builder {
    private final List<LdapServer> ldapServers = new ArrayList<>();
    private final List<UserImport> userImports = new ArrayList<>();
    private final List<AutoSpaceRule> autoSpaceRules = new ArrayList<>();
    private final List<SpaceCreationRule> spaceCreationRules = new ArrayList<>();
    private final List<SpaceTemplate> spaceTemplates = new ArrayList<>();
    private SyncSchedule syncSchedule;

    private Builder() {}

    /**
     * Adds an LDAP server.
     *
     * @param server the server, with a unique name; not null
     * @return this builder
     */
    public Builder addLdapServer(LdapServer server) {
      ldapServers.add(requireNonNull(server, "server == null"));
      return this;
    }

    /**
     * Adds a user import.
     *
     * @param userImport the import, with a unique name and the LDAP server it reads from; not null
     * @return this builder
     */
    public Builder addUserImport(UserImport userImport) {
      userImports.add(requireNonNull(userImport, "userImport == null"));
      return this;
    }

    /**
     * Adds a rule that creates spaces automatically.
     *
     * @param rule the rule, with a unique name; not null
     * @return this builder
     */
    public Builder addAutoSpaceRule(AutoSpaceRule rule) {
      autoSpaceRules.add(requireNonNull(rule, "rule == null"));
      return this;
    }

    /**
     * Adds a rule that lets users create spaces.
     *
     * @param rule the rule, with a unique name; not null
     * @return this builder
     */
    public Builder addSpaceCreationRule(SpaceCreationRule rule) {
      spaceCreationRules.add(requireNonNull(rule, "rule == null"));
      return this;
    }

    /**
     * Adds a space template.
     *
     * @param template the template, with a unique name; not null
     * @return this builder
     */
    public Builder addSpaceTemplate(SpaceTemplate template) {
      spaceTemplates.add(requireNonNull(template, "template == null"));
      return this;
    }

    /**
     * Sets the LDAP sync schedule.
     *
     * @param syncSchedule the LDAP sync schedule
     * @return this builder
     */
    public Builder syncSchedule(SyncSchedule syncSchedule) {
      this.syncSchedule = requireNonNull(syncSchedule, "syncSchedule == null");
      return this;
    }

    /** {@return the state} */
    public DesiredState build() {
      return new DesiredState(
          ldapServers, userImports, autoSpaceRules, spaceCreationRules, spaceTemplates, syncSchedule);
    }
  }
}
