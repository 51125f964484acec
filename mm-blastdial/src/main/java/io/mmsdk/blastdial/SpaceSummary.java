package io.mmsdk.blastdial;

import static java.util.Objects.requireNonNull;

/**
 * One space (CMS coSpace) in a cluster's space list.
 *
 * @param id the coSpace id
 * @param name the space's name
 * @param uri the URI user part participants dial, or an empty string
 * @param meetingId the numeric call id (meeting ID), or an empty string
 */
public record SpaceSummary(String id, String name, String uri, String meetingId) {
  /**
   * Checks the arguments.
   *
   * @param id the coSpace id
   * @param name the space's name
   * @param uri the URI user part participants dial, or an empty string
   * @param meetingId the numeric call id (meeting ID), or an empty string
   */
  public SpaceSummary {
    requireNonNull(id, "id == null");
    requireNonNull(name, "name == null");
    requireNonNull(uri, "uri == null");
    requireNonNull(meetingId, "meetingId == null");
  }
}
