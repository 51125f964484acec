package io.mmsdk.provisioning;

/** When and where a change becomes visible, per the limitations CMS and Meeting Management document. */
public enum SpaceEffect {
  /** LDAP server, import and assignment changes: applied by the next LDAP sync. */
  NEXT_LDAP_SYNC("next LDAP sync"),
  /** Role settings and space settings of a template: existing spaces and new ones, immediately. */
  EXISTING_AND_NEW_SPACES("existing and new spaces"),
  /** Added or removed roles and templates: only spaces created (or activated) from now on. */
  NEW_SPACES_ONLY("new spaces only");

  private final String label;

  SpaceEffect(String label) {
    this.label = label;
  }

  /** {@return the human-readable label used in the text rendering} */
  public String label() {
    return label;
  }
}
