package io.mmsdk.cms;

import static java.util.Objects.requireNonNull;

/**
 * The method and path of a REST request, as carried by every exception so that a message can say
 * which request failed. The path is relative to {@code /api/v1} and never holds credentials.
 *
 * @param method the HTTP method, for example {@code GET}
 * @param path the request path including the query, for example {@code /api/v1/coSpaces?limit=10}
 */
public record CmsRequest(String method, String path) {
  /**
   * Checks both parts.
   *
   * @param method the HTTP method, for example {@code GET}
   * @param path the request path including the query, for example {@code /api/v1/coSpaces?limit=10}
   */
  public CmsRequest {
    requireNonNull(method, "method == null");
    requireNonNull(path, "path == null");
  }

  @Override
  public String toString() {
    return method + " " + path;
  }
}
