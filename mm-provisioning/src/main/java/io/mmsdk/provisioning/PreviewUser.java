package io.mmsdk.provisioning;

import java.util.List;

/**
 * One directory entry a sync would import.
 *
 * @param dn the entry's DN
 * @param userImport the import that takes the user (the first in desired-state order when several match)
 * @param jid login name from the login name mapping
 * @param name display name
 * @param pmpPlus whether the import assigns a personal PMP Plus license
 * @param spaces the automatically created space (zero or one)
 */
public record PreviewUser(
    String dn, String userImport, String jid, String name, boolean pmpPlus, List<PreviewSpace> spaces) {

  /**
   * Copies {@code spaces}.
   *
   * @param dn the entry's DN
   * @param userImport the import that takes the user (the first in desired-state order when several match)
   * @param jid login name from the login name mapping
   * @param name display name
   * @param pmpPlus whether the import assigns a personal PMP Plus license
   * @param spaces the automatically created space (zero or one)
   */
  public PreviewUser {
    spaces = List.copyOf(spaces);
  }
}
