package io.mmsdk.provisioning;

import java.util.List;
import java.util.Map;

/**
 * What an LDAP sync of a desired state would do, computed by {@link LdapPreview} against the real
 * directory.
 *
 * @param users every user that would be imported, in directory order per import
 * @param usersPerImport number of matching entries per import name
 * @param clashes values that two different users would share; CMS fails the sync with
 *     {@code clashOccurred} on these
 * @param multiImportMatches users matched by more than one import, noting whether PMP Plus settings differ
 * @param problems entries that cannot be imported as configured (for example a missing attribute)
 * @param pmpPlusLicensesNeeded users that certainly get a PMP Plus license
 * @param pmpPlusLicensesUncertain users matched by imports that disagree on PMP Plus; may or may not get one
 * @param newUsers login names not on CMS yet
 * @param changedUsers login names on CMS whose display name would change
 * @param missingUsers login names on CMS that the desired imports no longer match
 */
public record PreviewReport(
    List<PreviewUser> users,
    Map<String, Integer> usersPerImport,
    List<Clash> clashes,
    List<MultiImportMatch> multiImportMatches,
    List<String> problems,
    int pmpPlusLicensesNeeded,
    int pmpPlusLicensesUncertain,
    List<String> newUsers,
    List<String> changedUsers,
    List<String> missingUsers) {

  /**
   * Copies the collections.
   *
   * @param users every user that would be imported, in directory order per import
   * @param usersPerImport number of matching entries per import name
   * @param clashes values that two different users would share; CMS fails the sync with {@code clashOccurred} on these
   * @param multiImportMatches users matched by more than one import, noting whether PMP Plus settings differ
   * @param problems entries that cannot be imported as configured (for example a missing attribute)
   * @param pmpPlusLicensesNeeded users that certainly get a PMP Plus license
   * @param pmpPlusLicensesUncertain users matched by imports that disagree on PMP Plus; may or may not get one
   * @param newUsers login names not on CMS yet
   * @param changedUsers login names on CMS whose display name would change
   * @param missingUsers login names on CMS that the desired imports no longer match
   */
  public PreviewReport {
    users = List.copyOf(users);
    usersPerImport = Map.copyOf(usersPerImport);
    clashes = List.copyOf(clashes);
    multiImportMatches = List.copyOf(multiImportMatches);
    problems = List.copyOf(problems);
    newUsers = List.copyOf(newUsers);
    changedUsers = List.copyOf(changedUsers);
    missingUsers = List.copyOf(missingUsers);
  }

  /**
   * A value two users would share.
   *
   * @param what which value: {@code jid}, {@code uri}, {@code secondaryUri} or {@code callId}
   * @param value the shared value (lower-cased for URIs)
   * @param firstDn the first entry that produced it
   * @param secondDn the entry that clashes with it
   */
  public record Clash(String what, String value, String firstDn, String secondDn) {}

  /**
   * A user matched by several imports.
   *
   * @param dn the entry
   * @param imports the imports that match it, in desired-state order
   * @param pmpPlusDiffers whether those imports disagree on assigning PMP Plus
   */
  public record MultiImportMatch(String dn, List<String> imports, boolean pmpPlusDiffers) {

    /**
     * Copies {@code imports}.
     *
     * @param dn the entry
     * @param imports the imports that match it, in desired-state order
     * @param pmpPlusDiffers whether those imports disagree on assigning PMP Plus
     */
    public MultiImportMatch {
      imports = List.copyOf(imports);
    }
  }

  /** {@return whether a sync would fail on a clash} */
  public boolean hasClashes() {
    return !clashes.isEmpty();
  }

  /** {@return a short human-readable summary} */
  public String renderText() {
    StringBuilder out = new StringBuilder();
    out.append("Preview: ").append(users.size()).append(" users");
    usersPerImport.entrySet().stream().sorted(Map.Entry.comparingByKey())
        .forEach(e -> out.append(", ").append(e.getKey()).append('=').append(e.getValue()));
    long spaces = users.stream().filter(u -> !u.spaces().isEmpty()).count();
    out.append("\n  spaces: ").append(spaces);
    out.append("\n  PMP Plus licenses needed: ").append(pmpPlusLicensesNeeded);
    if (pmpPlusLicensesUncertain > 0) {
      out.append(" (+").append(pmpPlusLicensesUncertain).append(" uncertain)");
    }
    out.append("\n  on CMS: ").append(newUsers.size()).append(" new, ").append(changedUsers.size())
        .append(" changed, ").append(missingUsers.size()).append(" no longer matched\n");
    for (Clash c : clashes) {
      out.append("  CLASH ").append(c.what()).append(" '").append(c.value()).append("': ").append(c.firstDn())
          .append(" and ").append(c.secondDn()).append('\n');
    }
    for (MultiImportMatch m : multiImportMatches) {
      out.append("  ").append(m.pmpPlusDiffers() ? "PMP+ CONFLICT " : "several imports ").append(m.dn())
          .append(": ").append(m.imports()).append('\n');
    }
    for (String p : problems) {
      out.append("  problem: ").append(p).append('\n');
    }
    return out.toString();
  }
}
