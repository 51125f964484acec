package io.mmsdk.provisioning;

import java.util.List;

/**
 * The space an automatic-space rule would create for a user. URIs are lower-cased as CMS does.
 *
 * @param name space name
 * @param uri URI user part
 * @param secondaryUri secondary URI, or empty
 * @param callId call ID (meeting ID), or empty
 * @param template the space template
 * @param roleUris the URI user part of each role with a unique URI generator, in role order
 */
public record PreviewSpace(
    String name, String uri, String secondaryUri, String callId, String template, List<String> roleUris) {

  /**
   * Copies {@code roleUris}.
   *
   * @param name space name
   * @param uri URI user part
   * @param secondaryUri secondary URI, or empty
   * @param callId call ID (meeting ID), or empty
   * @param template the space template
   * @param roleUris the URI user part of each role with a unique URI generator, in role order
   */
  public PreviewSpace {
    roleUris = List.copyOf(roleUris);
  }
}
