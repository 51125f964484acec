package io.mmsdk.testkit.internal;

import java.util.Map;
import java.util.TreeMap;

/**
 * Not API. One HTTP request as a simulator handler sees it.
 *
 * @param method the request method, upper case
 * @param target the request target: path and optional {@code ?query}
 * @param headers the request headers (last value per name), names case-insensitive
 * @param body the request body decoded as UTF-8, empty when there is none
 */
public record Request(String method, String target, Map<String, String> headers, String body) {
  /** Copies the headers into a case-insensitive map. */
  public Request {
    TreeMap<String, String> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    h.putAll(headers);
    headers = java.util.Collections.unmodifiableMap(h);
  }

  /** Returns the path without the query. */
  public String path() {
    int q = target.indexOf('?');
    return q < 0 ? target : target.substring(0, q);
  }

  /** Returns the decoded query parameters. */
  public Map<String, String> query() {
    int q = target.indexOf('?');
    return Forms.parse(q < 0 ? "" : target.substring(q + 1));
  }

  /** Returns the value of header {@code name}, or null. */
  public String header(String name) {
    return headers.get(name);
  }
}
