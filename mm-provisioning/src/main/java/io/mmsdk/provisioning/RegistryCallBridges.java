package io.mmsdk.provisioning;

import static java.util.Objects.requireNonNull;

import io.mmsdk.cms.CmsClient;
import io.mmsdk.core.cluster.CallBridge;
import io.mmsdk.core.cluster.ClusterRegistry;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A {@link CallBridgeDirectory} backed by mm-core's {@link ClusterRegistry}: finds a Call Bridge by
 * id or name and keeps one {@link CmsClient} per bridge. A bridge removed from the registry is no
 * longer found (so scheduled syncs on it are skipped) and its client is closed. Thread-safe; close
 * it
 * to close the clients it opened.
 */
public final class RegistryCallBridges implements CallBridgeDirectory, AutoCloseable {

  private final ClusterRegistry registry;
  private final Map<String, CmsClient> clients = new HashMap<>();

  private RegistryCallBridges(ClusterRegistry registry) {
    this.registry = registry;
  }

  /**
   * {@return a directory over {@code registry}}
   *
   * @param registry mm-core's cluster registry, read at each look-up; not null
   */
  public static RegistryCallBridges create(ClusterRegistry registry) {
    return new RegistryCallBridges(requireNonNull(registry, "registry == null"));
  }

  @Override
  public synchronized Optional<CmsGateway> find(String name) {
    requireNonNull(name, "name == null");
    Optional<CallBridge> bridge = registry.callBridges().stream()
        .filter(b -> b.id().equals(name) || name.equals(b.name())).findFirst();
    clients.keySet().removeIf(id -> {
      boolean gone = registry.findCallBridge(id).isEmpty();
      if (gone) {
        clients.get(id).close();
      }
      return gone;
    });
    return bridge.map(b -> CmsClientGateway.create(
        clients.computeIfAbsent(b.id(), id -> b.clientBuilder().build())));
  }

  /** Closes every client this directory opened. */
  @Override
  public synchronized void close() {
    clients.values().forEach(CmsClient::close);
    clients.clear();
  }
}
