package io.mmsdk.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.Credentials;
import okhttp3.FormBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/** Plain OkHttp access to a simulated bridge, as any CMS client would talk to it. */
final class Http {
  record Reply(int code, String body, String location) {
    String idFromLocation() {
      return location.substring(location.lastIndexOf('/') + 1);
    }

    int count(String element) {
      Matcher m = Pattern.compile("<" + element + "[ >/]").matcher(body);
      int n = 0;
      while (m.find()) {
        n++;
      }
      return n;
    }

    String total() {
      Matcher m = Pattern.compile("total=\"(\\d+)\"").matcher(body);
      return m.find() ? m.group(1) : "";
    }

    String text(String element) {
      Matcher m = Pattern.compile("<" + element + ">([^<]*)</" + element + ">").matcher(body);
      return m.find() ? m.group(1) : "";
    }
  }

  static final OkHttpClient CLIENT = new OkHttpClient();

  private final String base;
  private final String auth;
  private final OkHttpClient client;

  Http(SimulatedCallBridge bridge, String user, String password) {
    this(bridge, user, password, CLIENT);
  }

  Http(SimulatedCallBridge bridge, String user, String password, OkHttpClient client) {
    this.base = bridge.baseUrl() + "/api/v1/";
    this.auth = Credentials.basic(user, password);
    this.client = client;
  }

  Http(SimulatedCluster cluster, int bridge) {
    this(cluster.callBridge(bridge), cluster.apiUsername(), cluster.apiPassword());
  }

  Reply get(String path) {
    return call(new Request.Builder().url(base + path).get());
  }

  Reply post(String path, String... pairs) {
    return call(new Request.Builder().url(base + path).post(form(pairs)));
  }

  Reply put(String path, String... pairs) {
    return call(new Request.Builder().url(base + path).put(form(pairs)));
  }

  Reply delete(String path) {
    return call(new Request.Builder().url(base + path).delete());
  }

  private static RequestBody form(String... pairs) {
    FormBody.Builder b = new FormBody.Builder();
    for (int i = 0; i < pairs.length; i += 2) {
      b.add(pairs[i], pairs[i + 1]);
    }
    return b.build();
  }

  private Reply call(Request.Builder request) {
    try (Response r = client.newCall(request.header("Authorization", auth).build()).execute()) {
      return new Reply(r.code(), r.body() == null ? "" : r.body().string(), r.header("Location"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
