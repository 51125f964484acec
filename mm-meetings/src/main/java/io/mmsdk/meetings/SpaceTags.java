package io.mmsdk.meetings;

import java.util.Set;

/**
 * Tells which tags a CMS space carries, for tag queries ({@link MeetingQuery.Builder#tag}) and
 * tag-limited views. Called without SDK locks held; must be thread-safe and quick (cache what you
 * read from the Call Bridges).
 */
@FunctionalInterface
public interface SpaceTags {

  /**
   * Returns the tags of a space.
   *
   * @param clusterId the cluster the space belongs to
   * @param spaceId the space (coSpace) GUID
   * @return its tags; empty if none or unknown
   */
  Set<String> tagsOf(String clusterId, String spaceId);
}
