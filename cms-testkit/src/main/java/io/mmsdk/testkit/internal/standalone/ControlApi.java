package io.mmsdk.testkit.internal.standalone;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonEncodingException;
import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;
import io.mmsdk.testkit.SimulatedCallBridge;
import io.mmsdk.testkit.SimulatedCluster;
import io.mmsdk.testkit.SimulatedDirectory;
import io.mmsdk.testkit.core.CallLegInfo;
import io.mmsdk.testkit.core.EndpointScript;
import io.mmsdk.testkit.core.Faults;
import io.mmsdk.testkit.internal.Reply;
import io.mmsdk.testkit.internal.Request;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Not API. The standalone simulator's control endpoint: JSON over HTTP on loopback, so tests in any
 * language can drive the cluster (participants, endpoint scripts, faults, time, CDR delivery). The
 * routes are documented in {@code docs/cms-testkit.md}; every reply is a JSON object, errors are
 * {@code {"error": "..."}} with status 400 (bad request) or 404 (no such route or object).
 *
 * <p>Passwords (the API password, the LDAP bind password) appear in one reply only, that of
 * {@code GET /credentials}, which a client has to ask for by name; {@code GET /status} and every
 * other reply and error carry none, so a status dump in a test log or bug report leaks nothing.
 */
final class ControlApi {
  private static final JsonAdapter<Map<String, Object>> JSON = new Moshi.Builder().build()
      .adapter(Types.newParameterizedType(Map.class, String.class, Object.class));

  private final SimulatedCluster cluster;
  private final SimulatedDirectory directory;
  private final Runnable shutdown;

  /**
   * Serves {@code cluster} (and {@code directory}, which may be null); {@code shutdown} runs once
   * the reply to {@code POST /shutdown} has been written.
   */
  ControlApi(SimulatedCluster cluster, SimulatedDirectory directory, Runnable shutdown) {
    this.cluster = cluster;
    this.directory = directory;
    this.shutdown = shutdown;
  }

  Reply dispatch(Request request) {
    try {
      Map<String, Object> body = request.body().isBlank() ? Map.of() : JSON.fromJson(request.body());
      String path = request.path().replaceAll("/+$", "");
      Reply reply = json(200, route(request.method(), path, body == null ? Map.of() : body));
      if (request.method().equals("GET") && path.equals("/credentials")) {
        return reply.header("Cache-Control", "no-store");
      }
      return request.method().equals("POST") && path.equals("/shutdown")
          ? reply.afterSent(shutdown) : reply;
    } catch (JsonEncodingException | JsonDataException e) {
      return error(400, "the body is not a JSON object: " + e.getMessage());
    } catch (IOException e) {
      return error(400, "could not read the body: " + e.getMessage());
    } catch (NoRoute e) {
      return error(404, e.getMessage());
    } catch (IllegalArgumentException | IllegalStateException e) {
      return error(400, e.getMessage());
    }
  }

  private Map<String, Object> route(String method, String path, Map<String, Object> body) {
    String[] s = path.isEmpty() ? new String[0] : path.substring(1).split("/");
    String route = method + " " + (s.length == 0 ? "" : s[0]);
    switch (route) {
      case "GET status":
      case "GET ":
        return status();
      case "GET credentials":
        if (s.length != 1) {
          throw new NoRoute(method + " " + path);
        }
        return credentials();
      case "POST clock":
        requireLength(s, 2, "advance");
        Duration by = duration(body);
        cluster.clock().advance(by);
        return Map.of("now", cluster.clock().instant().toString());
      case "POST cdrs":
        requireLength(s, 2, "push");
        Duration timeout = body.containsKey("timeoutSeconds") ? duration(body, "timeoutSeconds")
            : Duration.ofSeconds(10);
        return Map.of("delivered", cluster.awaitCdrDelivered(timeout));
      case "POST endpoints":
        cluster.scriptEndpoint(string(body, "address"), script(body));
        return Map.of("address", string(body, "address"));
      case "POST shutdown":
        return Map.of("stopping", true);
      default:
        if (s.length >= 3 && s[0].equals("bridges")) {
          return bridge(method, bridge(s[1]), s, body);
        }
        throw new NoRoute(method + " " + path);
    }
  }

  private Map<String, Object> bridge(String method, SimulatedCallBridge b, String[] s,
      Map<String, Object> body) {
    String action = s[2];
    if (method.equals("GET") && action.equals("callLegs") && s.length == 3) {
      List<Object> legs = new ArrayList<>();
      for (CallLegInfo leg : b.callLegs()) {
        legs.add(leg(leg));
      }
      return Map.of("callLegs", legs);
    }
    if (!method.equals("POST") || s.length != 3) {
      throw new NoRoute(method + " /" + String.join("/", s));
    }
    switch (action) {
      case "join":
        return leg(body.containsKey("dial")
            ? b.dial(string(body, "dial"), string(body, "remoteParty"), optional(body, "displayName"))
            : b.join(string(body, "coSpace"), string(body, "remoteParty"),
                optional(body, "displayName")));
      case "leave":
        b.leave(string(body, "callLeg"));
        return Map.of("callLeg", string(body, "callLeg"));
      case "keys":
        b.pressKeys(string(body, "callLeg"), string(body, "digits"));
        return Map.of("callLeg", string(body, "callLeg"));
      case "speak":
        b.startSpeaking(string(body, "callLeg"));
        return Map.of("callLeg", string(body, "callLeg"));
      case "present":
        b.present(string(body, "callLeg"), !Boolean.FALSE.equals(body.get("presenting")));
        return Map.of("callLeg", string(body, "callLeg"));
      case "calls":
        return Map.of("call", b.startCall(string(body, "coSpace")));
      case "endCall":
        b.endCall(string(body, "call"));
        return Map.of("call", string(body, "call"));
      case "stop":
        b.stop();
        return bridgeView(b);
      case "restart":
        b.restart();
        return bridgeView(b);
      case "closeEventSockets":
        b.closeEventSockets();
        return bridgeView(b);
      case "faults":
        fault(b.faults(), body);
        return Map.of("fault", string(body, "kind"));
      default:
        throw new NoRoute("POST /" + String.join("/", s));
    }
  }

  private static void fault(Faults faults, Map<String, Object> body) {
    String kind = string(body, "kind");
    switch (kind) {
      case "clear" -> faults.clear();
      case "latency" -> faults.latency(Duration.ofMillis(integer(body, "millis")));
      case "status" -> faults.failNext(string(body, "method"), string(body, "path"),
          count(body), integer(body, "status"));
      case "reason" -> faults.failNextWithReason(string(body, "method"), string(body, "path"),
          count(body), string(body, "reason"));
      case "drop" -> faults.dropNext(string(body, "method"), string(body, "path"), count(body));
      case "dropAfterApplying" -> faults.dropResponseAfterApplying(string(body, "method"),
          string(body, "path"), count(body));
      default -> throw new IllegalArgumentException("fault kind '" + kind + "' is not one of "
          + "status, reason, drop, dropAfterApplying, latency, clear");
    }
  }

  private static EndpointScript script(Map<String, Object> body) {
    String name = string(body, "script");
    EndpointScript script = switch (name) {
      case "answers" -> body.containsKey("answerAfterSeconds")
          ? EndpointScript.answersAfter(duration(body, "answerAfterSeconds"))
          : EndpointScript.answers();
      case "busy" -> EndpointScript.busy();
      case "noAnswer" -> EndpointScript.noAnswer();
      case "rejects" -> EndpointScript.rejects();
      case "unknownDestination" -> EndpointScript.unknownDestination();
      default -> throw new IllegalArgumentException("script '" + name + "' is not one of answers, "
          + "busy, noAnswer, rejects, unknownDestination");
    };
    if (body.containsKey("presses")) {
      script = script.thenPresses(EndpointScript.DEFAULT_KEY_DELAY, string(body, "presses"));
    }
    if (body.containsKey("hangUpAfterSeconds")) {
      script = script.thenHangsUpAfter(duration(body, "hangUpAfterSeconds"));
    }
    return script;
  }

  /** Time, API user name, bridges and directory: never a password (see {@link #credentials()}). */
  private Map<String, Object> status() {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("now", cluster.clock().instant().toString());
    out.put("apiUsername", cluster.apiUsername());
    List<Object> bridges = new ArrayList<>();
    for (SimulatedCallBridge b : cluster.callBridges()) {
      bridges.add(bridgeView(b));
    }
    out.put("bridges", bridges);
    if (directory != null) {
      Map<String, Object> ldap = new LinkedHashMap<>();
      ldap.put("url", directory.url());
      ldap.put("baseDn", directory.baseDn());
      ldap.put("bindDn", directory.bindDn());
      ldap.put("entries", directory.entryCount());
      out.put("ldap", ldap);
    }
    return out;
  }

  /**
   * The one reply with passwords: what a client needs to call the bridges' API and to configure
   * {@code /ldapServers} (the bind password is random unless set).
   */
  private Map<String, Object> credentials() {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("apiUsername", cluster.apiUsername());
    out.put("apiPassword", cluster.apiPassword());
    if (directory != null) {
      Map<String, Object> ldap = new LinkedHashMap<>();
      ldap.put("bindDn", directory.bindDn());
      ldap.put("bindPassword", directory.bindPassword());
      out.put("ldap", ldap);
    }
    return out;
  }

  private Map<String, Object> bridgeView(SimulatedCallBridge b) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("index", cluster.callBridges().indexOf(b));
    v.put("name", b.name());
    v.put("id", b.id());
    v.put("baseUrl", b.baseUrl());
    v.put("up", b.isUp());
    v.put("activeCalls", b.isUp() ? b.activeCallIds().size() : 0);
    return v;
  }

  private static Map<String, Object> leg(CallLegInfo leg) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("id", leg.id());
    v.put("participant", leg.participantId());
    v.put("call", leg.callId());
    v.put("remoteParty", leg.remoteParty());
    v.put("direction", leg.direction());
    v.put("state", leg.state());
    v.put("digitsReceived", leg.digitsReceived());
    v.put("deactivated", leg.deactivated());
    leg.findEndReason().ifPresent(r -> v.put("endReason", r));
    return v;
  }

  private SimulatedCallBridge bridge(String index) {
    try {
      int i = Integer.parseInt(index);
      if (i >= 0 && i < cluster.callBridges().size()) {
        return cluster.callBridge(i);
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new NoRoute("no bridge " + index + "; bridges are 0.." + (cluster.callBridges().size() - 1));
  }

  private static void requireLength(String[] s, int length, String last) {
    if (s.length != length || !s[length - 1].equals(last)) {
      throw new NoRoute("POST /" + String.join("/", s));
    }
  }

  private static Duration duration(Map<String, Object> body) {
    return duration(body, "seconds");
  }

  private static Duration duration(Map<String, Object> body, String name) {
    Object v = body.get(name);
    if (!(v instanceof Number n) || n.doubleValue() < 0 || n.doubleValue() > 366L * 24 * 3600) {
      throw new IllegalArgumentException("'" + name + "' must be a number of seconds from 0 to "
          + "one year, was " + v);
    }
    return Duration.ofMillis(Math.round(n.doubleValue() * 1000));
  }

  private static int count(Map<String, Object> body) {
    return body.containsKey("count") ? integer(body, "count") : 1;
  }

  private static int integer(Map<String, Object> body, String name) {
    Object v = body.get(name);
    if (!(v instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())
        || n.doubleValue() < 0 || n.doubleValue() > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("'" + name + "' must be a whole number >= 0, was " + v);
    }
    return n.intValue();
  }

  private static String string(Map<String, Object> body, String name) {
    Object v = body.get(name);
    if (!(v instanceof String text) || text.isEmpty()) {
      throw new IllegalArgumentException("'" + name + "' is required (a non-empty string)");
    }
    return text;
  }

  private static String optional(Map<String, Object> body, String name) {
    Object v = body.get(name);
    return v instanceof String text ? text : "";
  }

  private static Reply json(int status, Map<String, Object> body) {
    return Reply.status(status).header("Content-Type", "application/json")
        .body(JSON.toJson(body) + "\n");
  }

  private static Reply error(int status, String message) {
    return json(status, Map.of("error", message == null ? "failed" : message));
  }

  /** A path that names no route or object: 404. */
  private static final class NoRoute extends RuntimeException {
    private static final long serialVersionUID = 1L;

    NoRoute(String what) {
      super("no such route or object: " + what, null, false, false);
    }
  }
}
