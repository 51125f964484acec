package io.mmsdk.blastdial;

import static java.util.Objects.requireNonNull;

import io.mmsdk.cms.CmsClient;
import io.mmsdk.cms.CmsObject;
import io.mmsdk.cms.ListOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The spaces of one cluster, read through cms-api-client: list and search them, and read one
 * space's join information. CoSpaces live in the cluster's shared database, so any Call Bridge's
 * client will do. Thread-safe; does not close the client.
 */
public final class Spaces {
  private final CmsClient client;

  private Spaces(CmsClient client) {
    this.client = client;
  }

  /**
   * {@return the spaces reachable through {@code client}}
   *
   * @param client a client of one Call Bridge of the cluster; not null
   */
  public static Spaces create(CmsClient client) {
    return new Spaces(requireNonNull(client, "client == null"));
  }

  /**
   * {@return every space whose name, URI or meeting ID contains {@code search} (the CMS {@code
   * filter} parameter; an empty string returns all), reading as many pages as needed}
   *
   * @param search text to look for, or an empty string for every space
   */
  public List<SpaceSummary> list(String search) {
    requireNonNull(search, "search == null");
    ListOptions options =
        search.isBlank() ? ListOptions.none() : ListOptions.builder().filter(search.strip()).build();
    List<SpaceSummary> result = new ArrayList<>();
    for (CmsObject o : client.coSpaces().list(options)) {
      result.add(
          new SpaceSummary(
              o.id(),
              o.findText("name").orElse(""),
              o.findText("uri").orElse(""),
              o.findText("callId").orElse("")));
    }
    return result;
  }

  /**
   * {@return the join information of space {@code spaceId}, or empty if it does not exist}
   *
   * @param spaceId the coSpace id
   */
  public Optional<SpaceJoinInfo> findJoinInfo(String spaceId) {
    requireNonNull(spaceId, "spaceId == null");
    return client
        .coSpaces()
        .find(spaceId)
        .map(
            o ->
                new SpaceJoinInfo(
                    o.id(),
                    o.findText("name").orElse(""),
                    "false".equals(o.findText("nonMemberAccess").orElse("true"))
                        ? SpaceJoinInfo.Visibility.MEMBERS_ONLY
                        : SpaceJoinInfo.Visibility.PUBLIC,
                    o.findText("callId").orElse(""),
                    o.findText("passcode").orElse(""),
                    o.findText("uri").orElse(""),
                    o.findText("secondaryUri").orElse("")));
  }
}
