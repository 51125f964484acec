package io.mmsdk.cms.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.squareup.moshi.Moshi;
import io.mmsdk.cms.CmsClient;
import io.mmsdk.cms.RetryPolicy;
import io.mmsdk.cms.core.ResourceList;
import io.mmsdk.common.MmSdkException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

/**
 * Every method and path of Cisco's Postman collection has a typed operation, and calling that
 * operation sends exactly that method and path.
 */
class PostmanCoverageTest {
  /** Postman paths that are themselves wrong, with what the API really uses. */
  private static final Map<String, String> POSTMAN_DEFECTS = Map.of(
      "GET tenants{}/effectiveWebBridgeProfile", "GET tenants/{}/effectiveWebBridgeProfile",
      "PUT webBridgeProfiles", "PUT webBridgeProfiles/{}");

  @Test
  void everyPostmanPair_hasTypedOperation_thatSendsIt() throws Exception {
    Set<String> pairs = postmanPairs();
    Map<String, String> typed = new LinkedHashMap<>();
    for (String[] op : GeneratedOperations.ALL) {
      typed.putIfAbsent(op[0] + " " + op[1], op[2]);
    }
    List<String> missing = new ArrayList<>();
    int covered = 0;
    MockWebServer server = new MockWebServer();
    server.start();
    try (CmsClient cms = CmsClient.builder().baseUrl(server.url("/").toString()).credentials("api", "pw")
        .retryPolicy(RetryPolicy.none()).readTimeout(Duration.ofSeconds(5)).build()) {
      for (String pair : pairs) {
        String wanted = POSTMAN_DEFECTS.getOrDefault(pair, pair);
        if (!wanted.equals(pair)) {
          System.out.println("Postman defect: \"" + pair + "\" is covered as \"" + wanted + "\"");
        }
        String member = typed.get(wanted);
        if (member == null) {
          missing.add(pair);
          continue;
        }
        server.enqueue(new MockResponse.Builder().code(200).setHeader("Location", "/api/v1/x/new-id")
            .body("<reply total=\"0\"/>").build());
        invoke(cms, member);
        RecordedRequest request = server.takeRequest();
        assertEquals(wanted, request.getMethod() + " " + template(request.getUrl().encodedPath()),
            member + " sent the wrong request");
        covered++;
      }
    } finally {
      server.close();
    }
    System.out.println("Postman method+path pairs with a typed operation: " + covered + " of " + pairs.size());
    assertTrue(missing.isEmpty(), "no typed operation for " + missing);
    assertEquals(231, pairs.size(), "the Postman collection changed");
    assertEquals(231, covered);
  }

  /** Calls {@code Class#method} with ids {@code id-1, id-2, ...} and empty parameters. */
  private static void invoke(CmsClient cms, String member) throws Exception {
    String[] parts = member.split("#");
    CmsApi api = cms.api();
    Object target = api;
    int ids = 0;
    if (!parts[0].equals("CmsApi")) {
      Method factory = Arrays.stream(CmsApi.class.getMethods())
          .filter(m -> m.getReturnType().getSimpleName().equals(parts[0])).findFirst().orElseThrow();
      Object[] args = new Object[factory.getParameterCount()];
      for (int i = 0; i < args.length; i++) {
        args[i] = "id-" + ++ids;
      }
      target = factory.invoke(api, args);
    }
    Method method = Arrays.stream(target.getClass().getMethods()).filter(m -> m.getName().equals(parts[1]))
        .min(Comparator.comparingInt(Method::getParameterCount)).orElseThrow();
    Object[] args = new Object[method.getParameterCount()];
    Class<?>[] types = method.getParameterTypes();
    for (int i = 0; i < args.length; i++) {
      if (types[i] == String.class) {
        args[i] = "id-" + ++ids;
      } else {
        Object builder = types[i].getMethod("builder").invoke(null);
        args[i] = builder.getClass().getMethod("build").invoke(builder);
      }
    }
    try {
      Object result = method.invoke(target, args);
      if (result instanceof ResourceList<?> list) {
        list.findFirst();
      }
    } catch (InvocationTargetException e) {
      // The canned reply has an arbitrary root; only the request matters here.
      if (!(e.getCause() instanceof MmSdkException)) {
        fail(member + " threw " + e.getCause(), e.getCause());
      }
    } catch (MmSdkException expected) {
      // As above, for a list read after the call returned.
    }
  }

  private static String template(String path) {
    return path.replaceFirst("^/api/v1/", "").replaceAll("id-\\d+", "{}").replaceAll("/$", "");
  }

  @SuppressWarnings("unchecked")
  private static Set<String> postmanPairs() throws Exception {
    Object json = new Moshi.Builder().build().adapter(Object.class)
        .fromJson(Files.readString(Reference.file("cms-api-postman-collection-3.0.json")));
    Set<String> pairs = new LinkedHashSet<>();
    collect((List<Object>) ((Map<String, Object>) json).get("item"), pairs);
    return pairs;
  }

  @SuppressWarnings("unchecked")
  private static void collect(List<Object> items, Set<String> pairs) {
    for (Object o : items) {
      Map<String, Object> item = (Map<String, Object>) o;
      if (item.containsKey("item")) {
        collect((List<Object>) item.get("item"), pairs);
        continue;
      }
      Map<String, Object> request = (Map<String, Object>) item.get("request");
      List<Object> path = (List<Object>) ((Map<String, Object>) request.get("url")).get("path");
      String joined = String.join("/", path.stream().map(String::valueOf).toList())
          .replaceFirst("^api/v1/", "").replaceAll("\\{\\{\\w+}}", "{}").replaceAll("/$", "");
      pairs.add(request.get("method") + " " + joined);
    }
  }
}
