package io.mmsdk.provisioning;

/**
 * A rule that lets users of a {@link UserImport} (optionally narrowed by {@code filter}) create
 * spaces from {@code template} in the web app (CMS {@code ldapUserCoSpaceTemplateSources}).
 *
 * @param userImport name of the user import
 * @param filter optional RFC 4515 filter; null or blank for all users of the import
 * @param template name of the space template
 */
public record SpaceCreationRule(String userImport, String filter, String template) {

  /**
   * {@return a rule for all users of {@code userImport}}
   *
   * @param userImport name of the user import
   * @param template name of the space template
   */
  public static SpaceCreationRule of(String userImport, String template) {
    return new SpaceCreationRule(userImport, null, template);
  }
}
