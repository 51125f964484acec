package io.mmsdk.cms;

import io.mmsdk.cms.core.CmsElement;
import io.mmsdk.cms.internal.ReplySizeLimit;
import io.mmsdk.cms.internal.XmlParser;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import javax.net.ssl.SSLException;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs requests on OkHttp: retries idempotent ones per the {@link RetryPolicy}, reads XML replies
 * with {@link XmlParser}, and turns every failure into the SDK's exception hierarchy with a message
 * that names the request and what to do.
 */
final class RequestExecutor {
  private static final Logger LOG = LoggerFactory.getLogger(RequestExecutor.class);

  /**
   * A successful (2xx) reply.
   *
   * @param url the URL the request went to
   * @param headers the reply's headers
   * @param body the parsed XML body if one was asked for and sent, else null
   */
  record Reply(HttpUrl url, Headers headers, CmsElement body) {}

  private final OkHttpClient http;
  private final RetryPolicy retryPolicy;
  private final String username;
  private final Duration callTimeout;

  RequestExecutor(OkHttpClient http, RetryPolicy retryPolicy, String username, Duration callTimeout) {
    this.http = http;
    this.retryPolicy = retryPolicy;
    this.username = username;
    this.callTimeout = callTimeout;
  }

  /**
   * Sends {@code call}, again after a back-off if it is idempotent and failed in a way worth
   * retrying, and returns the successful reply; {@code readsBody} parses its XML body.
   */
  Reply execute(Request call, boolean readsBody) {
    boolean idempotent = !call.method().equals("POST");
    int maxAttempts = idempotent ? retryPolicy.maxAttempts() : 1;
    for (int attempt = 1; ; attempt++) {
      try {
        return once(call, readsBody);
      } catch (CmsTimeoutException | CmsBusyException | CmsConnectionException e) {
        CmsRequest request = e instanceof CmsServiceException s ? s.request() : ((CmsClientException) e).request();
        boolean retryable = !(e.getCause() instanceof SSLException);
        if (!retryable || attempt >= maxAttempts) {
          throw e;
        }
        Duration delay = retryPolicy.backoff(attempt, ThreadLocalRandom.current().nextDouble());
        LOG.debug("{} failed ({}); retry {} of {} in {}", request, e.getClass().getSimpleName(),
            attempt, maxAttempts - 1, delay);
        try {
          retryPolicy.waiter().await(delay);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw new CmsConnectionException(request,
              request + " was abandoned: the thread was interrupted while waiting to retry", interrupted);
        }
      }
    }
  }

  private Reply once(Request call, boolean readsBody) {
    CmsRequest request = describe(call.method(), call.url());
    try (Response response = http.newCall(call).execute()) {
      if (!response.isSuccessful()) {
        throw serviceError(request, response.code(), response.body());
      }
      // 204 and 205 carry no body, whatever was asked for.
      boolean hasBody = readsBody && response.code() != 204 && response.code() != 205;
      return new Reply(call.url(), response.headers(),
          hasBody ? XmlParser.parse(response.body().byteStream()) : null);
    } catch (XmlParser.Failure f) {
      throw new CmsParseException(request, request + ": " + f.getMessage()
          + (f.line > 0 ? " (line " + f.line + ", column " + f.column + ")" : "")
          + (f.path.isEmpty() ? "" : " in <" + f.path + ">")
          + ". The server is not speaking the CMS API as expected; check the base URL and port.",
          f.wellFormed, f.line, f.column, f.path, f);
    } catch (ReplySizeLimit.TooLarge e) {
      throw new CmsReplyTooLargeException(request, request + ": " + e.getMessage()
          + ". Page with a smaller limit, or raise the limit with CmsClient.builder().maxReplySize(bytes) "
          + "if the server legitimately sends larger replies.", e.limit, e);
    } catch (InterruptedIOException e) {
      throw new CmsTimeoutException(request, request + " timed out (" + e.getMessage() + "; every attempt "
          + "has a deadline of " + callTimeout + "). The server is slow or unreachable; retry later, or raise "
          + "CmsClient.builder().callTimeout(...), readTimeout(...) or connectTimeout(...).", e);
    } catch (SSLException e) {
      throw new CmsConnectionException(request, request + " failed the TLS handshake: " + e.getMessage()
          + ". Trust the server's CA with TlsTrust.pemCertificates(...) or TlsTrust.pemFile(...) (io.mmsdk.common.tls) and connect with a host name "
          + "that is in its certificate.", e);
    } catch (IOException e) {
      throw new CmsConnectionException(request, request + " could not be sent: " + e
          + ". Check the host, port and network path to the Meeting Server.", e);
    }
  }

  static CmsRequest describe(String method, HttpUrl url) {
    String query = url.encodedQuery();
    return new CmsRequest(method, url.encodedPath() + (query == null ? "" : "?" + query));
  }

  private CmsServiceException serviceError(CmsRequest request, int status, ResponseBody body) {
    String reason = null;
    Map<String, String> attributes = Map.of();
    if (body != null) {
      try (body) {
        CmsElement root = XmlParser.parse(body.byteStream());
        if (root.name().equals("failureDetails") && !root.children().isEmpty()) {
          reason = root.children().get(0).name();
          attributes = root.children().get(0).attributes();
        }
      } catch (IOException notXml) {
        // Error bodies are optional and often HTML; the status alone then describes the failure.
      }
    }
    String what = request + " was refused with HTTP " + status + (reason == null ? "" : " (" + reason + describe(attributes) + ")");
    if (status == 401 || status == 403) {
      return new CmsAuthenticationException(request, status, reason, attributes, what
          + ": the server did not accept the credentials of API user '" + username
          + "'. Check the user name and password and that the user has the api or admin role.");
    }
    if (status == 503) {
      return new CmsBusyException(request, status, reason, attributes, what
          + ": the Meeting Server is temporarily busy. Retry later.");
    }
    FailureReason typed = FailureReason.fromWireName(reason);
    if (status == 404 || (reason != null && typed.isNotFound())) {
      return new CmsNotFoundException(request, status, reason, attributes, what
          + ": the object does not exist. Re-read the collection for current ids.");
    }
    if (reason != null && typed.isDuplicate()) {
      return new CmsDuplicateException(request, status, reason, attributes, what
          + ": a value that must be unique is already used. Choose another value or modify the existing object.");
    }
    if (status >= 300 && status < 400) {
      return new CmsServiceException(request, status, reason, attributes, what
          + ": the server redirected, which the API never does. Check that the base URL points at the API port.");
    }
    return new CmsServiceException(request, status, reason, attributes, what
        + (reason == null ? "." : ". See the CMS API failure reasons for '" + reason + "' and correct the request."));
  }

  /** Names every attribute of a failure reason, in a stable order: {@code  parameter="uri" error="invalidValue"}. */
  private static String describe(Map<String, String> attributes) {
    StringBuilder b = new StringBuilder();
    new TreeMap<>(attributes).forEach((k, v) -> b.append(' ').append(k).append("=\"").append(v).append('"'));
    return b.toString();
  }

  static CmsClientException noLocation(CmsRequest request) {
    return new CmsParseException(request, request + " succeeded but the reply has no usable Location header, "
        + "so the new object's id is unknown. List the collection to find it.", true, -1, -1, "", null);
  }
}
