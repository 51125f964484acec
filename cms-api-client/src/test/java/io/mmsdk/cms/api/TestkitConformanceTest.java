package io.mmsdk.cms.api;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mmsdk.cms.CmsClient;
import io.mmsdk.cms.CmsServiceException;
import io.mmsdk.cms.RetryPolicy;
import io.mmsdk.cms.core.CmsObject;
import io.mmsdk.cms.core.ResourceList;
import io.mmsdk.testkit.SimulatedCallBridge;
import io.mmsdk.testkit.SimulatedCluster;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Ground truth for the simulator: for every family and node the testkit serves, its replies
 * conform to the API model (every element known, every value parses). The testkit stays
 * independent of the client's code; only this test joins them.
 */
class TestkitConformanceTest {
  @Test
  void everyServedFamily_repliesConformToModel() throws Exception {
    ModelConformance model = new ModelConformance();
    Map<String, ModelConformance.Target> byType = new HashMap<>();
    model.targets().forEach(t -> byType.putIfAbsent(t.type().getName() + " " + t.path(), t));
    List<String> problems = new ArrayList<>();
    List<String> served = new ArrayList<>();
    List<String> notServed = new ArrayList<>();
    try (SimulatedCluster cluster = SimulatedCluster.start();
        CmsClient cms = CmsClient.builder().baseUrl(cluster.callBridge(0).baseUrl())
            .credentials(cluster.apiUsername(), cluster.apiPassword()).retryPolicy(RetryPolicy.none())
            .readTimeout(Duration.ofSeconds(10)).build()) {
      CmsApi api = cms.api();
      String space = api.coSpaces().create(CoSpaceParameters.builder().name("Sales").uri("sales").passcode("1234").build());
      api.accessMethods(space).create(AccessMethodParameters.builder().uri("sales.guest").build());
      api.callLegProfiles().create(CallLegProfileParameters.builder().name("Operators").build());
      api.tenants().create(TenantParameters.builder().name("Acme").build());
      api.cdrReceivers().create(CdrReceiverParameters.builder().uri("http://cdr.example.com/cdr").build());
      SimulatedCallBridge bridge = cluster.callBridge(0);
      bridge.join(space, "sip:alice@example.com", "Alice");
      bridge.join(space, "sip:bob@example.com", "Bob");

      Map<String, String> firstIds = new HashMap<>();
      List<Method> factories = new ArrayList<>(Arrays.asList(CmsApi.class.getMethods()));
      factories.sort((a, b) -> Integer.compare(a.getParameterCount(), b.getParameterCount()));
      for (Method factory : factories) {
        Class<?> returned = factory.getReturnType();
        if (factory.getDeclaringClass() != CmsApi.class || factory.getName().equals("of") || returned.isRecord()
            || returned == void.class || returned == Optional.class) {
          continue; // nodes are read below; writes and actions are not sent here
        }
        Object[] args = new Object[factory.getParameterCount()];
        boolean resolvable = true;
        for (int i = 0; i < args.length; i++) {
          Parameter p = factory.getParameters()[i];
          args[i] = firstIds.get(p.getName().replaceFirst("Id$", "") + "s");
          resolvable &= p.getType() == String.class && args[i] != null;
        }
        String name = factory.getName();
        if (!resolvable) {
          notServed.add(name + " (no parent object to list below)");
          continue;
        }
        Object result;
        try {
          result = factory.invoke(api, args);
        } catch (InvocationTargetException e) {
          notServed.add(name + " (" + e.getCause().getClass().getSimpleName() + ")");
          continue;
        }
        Method list = Arrays.stream(result.getClass().getMethods())
            .filter(m -> m.getName().equals("list") && m.getParameterCount() == 0).findFirst().orElse(null);
        if (list == null) {
          continue;
        }
        List<?> items;
        try {
          items = ((ResourceList<?>) list.invoke(result)).stream().limit(5).toList();
        } catch (CmsServiceException e) {
          notServed.add(name + " (HTTP " + e.status() + ")");
          continue;
        }
        served.add(name + " [" + items.size() + "]");
        Method get = Arrays.stream(result.getClass().getMethods()).filter(m -> m.getName().equals("get")).findFirst().orElse(null);
        for (Object item : items) {
          Record typed = (Record) item;
          check(model, typed.getClass(), typed, name + " list", problems);
          String id = ((CmsObject) typed.getClass().getMethod("raw").invoke(typed)).id();
          firstIds.putIfAbsent(name, id);
          if (get != null) {
            Record full = (Record) get.invoke(result, id);
            check(model, full.getClass(), full, name + " get", problems);
          }
        }
      }
      for (Method node : CmsApi.class.getMethods()) {
        if (node.getDeclaringClass() == CmsApi.class && node.getParameterCount() == 0 && node.getReturnType().isRecord()) {
          try {
            Record reply = (Record) node.invoke(api);
            check(model, node.getReturnType(), reply, node.getName(), problems);
            served.add(node.getName());
          } catch (InvocationTargetException e) {
            if (!(e.getCause() instanceof CmsServiceException s)) {
              throw e;
            }
            notServed.add(node.getName() + " (HTTP " + s.status() + ")");
          }
        }
      }
    }
    System.out.println("testkit serves, conforming to the model: " + served);
    System.out.println("testkit does not serve: " + notServed);
    assertTrue(problems.isEmpty(), String.join("\n", problems));
    assertTrue(served.size() >= 15, "expected the testkit to serve at least 15 families and nodes: " + served);
  }

  private static void check(ModelConformance model, Class<?> type, Record typed, String what, List<String> problems)
      throws ReflectiveOperationException {
    CmsObject raw = (CmsObject) type.getMethod("raw").invoke(typed);
    Optional<ModelConformance.Target> target = model.targets().stream().filter(t -> t.type() == type).findFirst();
    if (target.isEmpty()) {
      problems.add(what + ": no model target for " + type.getSimpleName());
      return;
    }
    for (String problem : model.problems(target.get(), raw)) {
      problems.add("testkit " + what + ": " + problem);
    }
  }
}
