package io.mmsdk.provisioning;

import io.mmsdk.cms.CmsClient;
import io.mmsdk.cms.CmsFields;
import io.mmsdk.cms.RetryPolicy;
import io.mmsdk.cms.api.LdapSync;
import io.mmsdk.cms.api.User;
import io.mmsdk.cms.core.CmsObject;
import io.mmsdk.cms.core.Form;
import io.mmsdk.testkit.SimulatedCluster;
import io.mmsdk.testkit.core.ClusterOptions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * mm-provisioning's shared test fixture: one Call Bridge of a cms-testkit {@link SimulatedCluster}
 * behind the production {@link CmsClientGateway} (over HTTP, no retries), recording the writes it
 * sends so tests can assert requests, and arming the simulator's wire faults for a chosen write.
 * Nothing here answers for CMS: every call reaches the simulator.
 *
 * <p>Ids are the simulator's; {@link #labelled(String)} replaces the ids this fixture saw created
 * with {@code <element>-<n>} (n counting creates, foreign objects and syncs), so golden files stay
 * readable and stable.
 */
final class SimulatedCms implements CmsGateway, AutoCloseable {

  /** One stored object: its id, parent coSpaceTemplate id (access method templates) and fields. */
  record Stored(String id, String parentId, Map<String, String> fields) {}

  /** One write request as the gateway sent it. */
  record Request(String method, CmsKind kind, String parentId, String id, Map<String, String> form) {}

  /** How an injected fault behaves on the wire. */
  enum FaultMode {
    /** The simulator answers HTTP 500 and changes nothing. */
    REJECT,
    /** The simulator applies the write, then closes the connection without a reply. */
    LOSE_RESPONSE
  }

  final SimulatedCluster cluster;
  final CmsClient client;
  private final CmsClientGateway gateway;
  final List<Request> requests = new ArrayList<>();
  /** How many lists were read through this gateway. */
  int reads;
  private final Map<String, String> labels = new LinkedHashMap<>();
  private int counter;
  private Predicate<Request> fault = r -> false;
  private FaultMode faultMode = FaultMode.REJECT;

  SimulatedCms() {
    this(ClusterOptions.builder().build());
  }

  SimulatedCms(ClusterOptions options) {
    cluster = SimulatedCluster.start(options);
    client = CmsClient.builder().baseUrl(cluster.callBridge(0).baseUrl())
        .credentials(cluster.apiUsername(), cluster.apiPassword())
        .retryPolicy(RetryPolicy.none()).build();
    gateway = CmsClientGateway.create(client);
  }

  /** Makes the first write matching {@code when} fail once, on the wire. */
  synchronized void failOnce(FaultMode mode, Predicate<Request> when) {
    this.faultMode = mode;
    boolean[] fired = {false};
    this.fault = r -> {
      if (!fired[0] && when.test(r)) {
        fired[0] = true;
        return true;
      }
      return false;
    };
  }

  /** Adds an object as another tool would (not recorded as a request). */
  synchronized String addForeign(CmsKind kind, String parentId, Map<String, String> fields) {
    Form.Builder form = Form.builder();
    fields.forEach(form::set);
    String id = gateway.create(kind, parentId, form.build());
    labels.put(id, "foreign-" + (++counter));
    return id;
  }

  /** {@return every object of {@code kind} on the simulator now, by id} */
  synchronized Map<String, Stored> all(CmsKind kind) {
    Map<String, Stored> out = new LinkedHashMap<>();
    if (kind.hasParent()) {
      for (CmsObject t : gateway.list(CmsKind.CO_SPACE_TEMPLATE, null)) {
        gateway.list(kind, t.id()).forEach(o -> out.put(o.id(), new Stored(o.id(), t.id(), o.fields())));
      }
    } else {
      gateway.list(kind, null).forEach(o -> out.put(o.id(), new Stored(o.id(), null, o.fields())));
    }
    return out;
  }

  /** {@return the password last sent for the LDAP server {@code ldapServerId}, if any} */
  synchronized String password(String ldapServerId) {
    String password = null;
    for (Request r : requests) {
      if (r.kind() == CmsKind.LDAP_SERVER && ldapServerId.equals(r.id())
          && r.form().containsKey(CmsFields.PASSWORD.name())) {
        password = r.form().get(CmsFields.PASSWORD.name());
      }
    }
    return password;
  }

  /** {@return {@code text} with every id this fixture saw created replaced by its label} */
  synchronized String labelled(String text) {
    String out = text;
    for (Map.Entry<String, String> e : labels.entrySet()) {
      out = out.replace(e.getKey(), e.getValue());
    }
    return out;
  }

  private void send(Request r, Runnable write) {
    requests.add(r);
    if (fault.test(r)) {
      String path = r.kind() == null ? "ldapSyncs"
          : r.kind().resourceType().pathTemplate().replace("{parent}", String.valueOf(r.parentId()));
      if (faultMode == FaultMode.LOSE_RESPONSE) {
        cluster.callBridge(0).faults().dropResponseAfterApplying(r.method(), path, 1);
      } else {
        cluster.callBridge(0).faults().failNext(r.method(), path, 1, 500);
      }
    }
    write.run();
  }

  @Override
  public synchronized List<CmsObject> list(CmsKind kind, String parentId) {
    reads++;
    return gateway.list(kind, parentId);
  }

  @Override
  public synchronized String create(CmsKind kind, String parentId, Form form) {
    String[] id = {null};
    counter++;
    int n = counter;
    send(new Request("POST", kind, parentId, null, form.parameters()),
        () -> id[0] = gateway.create(kind, parentId, form));
    labels.put(id[0], kind.element() + "-" + n);
    requests.set(requests.size() - 1, new Request("POST", kind, parentId, id[0], form.parameters()));
    return id[0];
  }

  @Override
  public synchronized void update(CmsKind kind, String parentId, String id, Form form) {
    send(new Request("PUT", kind, parentId, id, form.parameters()),
        () -> gateway.update(kind, parentId, id, form));
  }

  @Override
  public synchronized void delete(CmsKind kind, String parentId, String id) {
    send(new Request("DELETE", kind, parentId, id, Map.of()),
        () -> gateway.delete(kind, parentId, id));
  }

  @Override
  public synchronized List<User> users() {
    return gateway.users();
  }

  @Override
  public synchronized String startLdapSync() {
    String[] id = {null};
    int n = ++counter;
    send(new Request("POST", null, null, null, Map.of()), () -> id[0] = gateway.startLdapSync());
    labels.put(id[0], "sync-" + n);
    return id[0];
  }

  @Override
  public synchronized LdapSync ldapSync(String id) {
    return gateway.ldapSync(id);
  }

  @Override
  public synchronized void deleteLdapSync(String id) {
    send(new Request("DELETE", null, null, id, Map.of()), () -> gateway.deleteLdapSync(id));
  }

  @Override
  public void close() {
    client.close();
    cluster.close();
  }
}
