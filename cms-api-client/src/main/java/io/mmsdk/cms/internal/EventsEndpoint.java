package io.mmsdk.cms.internal;

import java.net.URI;
import java.time.Clock;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * What the Events client needs of the REST client it is built from: a token, the WebSocket URL,
 * the authenticated HTTP client, the clock, and the address for its messages. The client
 * {@code CmsClient.builder()} builds implements it; nothing else does.
 */
public interface EventsEndpoint {
  /** {@return the REST API base, for example {@code https://cms1.example.com:8443/api/v1/}} */
  URI apiBase();

  /**
   * Asks for an Events API token ({@code POST /api/v1/authTokens}). Not retried.
   *
   * @return the token, for {@link #eventsUrl(String)}
   */
  String newAuthToken();

  /**
   * {@return the events URL for {@code token}: {@code ws(s)://host:port/events/v1?authToken=...}}
   *
   * @param token a token from {@link #newAuthToken()}
   */
  HttpUrl eventsUrl(String token);

  /** {@return the HTTP client, with the client's credentials, TLS trust and limits} */
  OkHttpClient http();

  /** {@return the client's clock} */
  Clock clock();
}
