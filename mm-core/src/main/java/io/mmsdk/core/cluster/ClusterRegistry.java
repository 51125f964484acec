package io.mmsdk.core.cluster;

import io.mmsdk.cms.CmsClient;
import io.mmsdk.common.listen.Listeners;
import io.mmsdk.common.listen.Registration;
import io.mmsdk.core.audit.AuditHook;
import io.mmsdk.core.cluster.InvalidClusterException.Problem;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.LoggerFactory;

/**
 * The set of registered clusters and their Call Bridges, kept in a {@link ClusterStore}.
 *
 * <p>Besides each cluster's own rules ({@link Cluster}), the registry enforces that no two clusters
 * share a display name and no Call Bridge address or id appears in two clusters. Every change is
 * saved to the store before the method returns; a change the store rejects is not applied.
 *
 * <p>Thread-safe. Reads see an immutable snapshot; writes are serialized.
 */
public final class ClusterRegistry {
  private static final String SYSTEM = "system";

  private final ClusterStore store;
  private final AuditHook audit;
  private final Listeners<Consumer<List<Cluster>>> listeners =
      new Listeners<>("Cluster", LoggerFactory.getLogger(ClusterRegistry.class));
  private volatile List<Cluster> clusters;
  /** What listeners and the audit hook are still to be told, in the order the changes were made. */
  private final ArrayDeque<Runnable> untold = new ArrayDeque<>();
  private boolean telling;

  private ClusterRegistry(ClusterStore store, AuditHook audit) {
    this.store = store;
    this.audit = audit;
    List<Cluster> loaded = store.load();
    validateAll(loaded);
    this.clusters = List.copyOf(loaded);
  }

  /**
   * {@return a registry backed by {@code store}, loading what it holds}
   *
   * @param store where the registry is kept; not null
   */
  public static ClusterRegistry create(ClusterStore store) {
    return new ClusterRegistry(Objects.requireNonNull(store, "store == null"), null);
  }

  /**
   * {@return a registry backed by {@code store} that reports every change to {@code audit} (actor
   * {@code "system"} unless a method taking an actor is used)} Credentials never reach the hook. Pass
   * mm-admin's audit trail to keep the changes in the trail.
   *
   * @param store where the registry is kept; not null
   * @param audit where changes are reported, as {@link AuditHook.Outcome#SUCCEEDED}; not null
   */
  public static ClusterRegistry create(ClusterStore store, AuditHook audit) {
    return new ClusterRegistry(Objects.requireNonNull(store, "store == null"), Objects.requireNonNull(audit, "audit == null"));
  }

  /** {@return an empty registry that keeps nothing between runs} */
  public static ClusterRegistry inMemory() {
    return create(ClusterStore.inMemory());
  }

  /** {@return all clusters in registration order} */
  public List<Cluster> clusters() {
    return clusters;
  }

  /** {@return every Call Bridge of every cluster} */
  public List<CallBridge> callBridges() {
    return clusters.stream().flatMap(c -> c.callBridges().stream()).toList();
  }

  /**
   * {@return the cluster with {@code clusterId}}
   *
   * @param clusterId the cluster's id
   */
  public Optional<Cluster> findCluster(String clusterId) {
    Objects.requireNonNull(clusterId, "clusterId == null");
    return clusters.stream().filter(c -> c.id().equals(clusterId)).findFirst();
  }

  /**
   * {@return the cluster with {@code clusterId} or throws {@link ClusterNotFoundException}}
   *
   * @param clusterId the cluster's id
   */
  public Cluster cluster(String clusterId) {
    return findCluster(clusterId)
        .orElseThrow(() -> new ClusterNotFoundException(
            "No cluster with id '" + clusterId + "'; list clusters() to see the registered ids."));
  }

  /**
   * {@return the Call Bridge with {@code bridgeId}, in whichever cluster it is}
   *
   * @param bridgeId the bridge's id in the registry
   */
  public Optional<CallBridge> findCallBridge(String bridgeId) {
    Objects.requireNonNull(bridgeId, "bridgeId == null");
    return callBridges().stream().filter(b -> b.id().equals(bridgeId)).findFirst();
  }

  /**
   * {@return the Call Bridge with {@code bridgeId} or throws {@link ClusterNotFoundException}}
   *
   * @param bridgeId the bridge's id in the registry
   */
  public CallBridge callBridge(String bridgeId) {
    return findCallBridge(bridgeId)
        .orElseThrow(() -> new ClusterNotFoundException(
            "No Call Bridge with id '" + bridgeId + "'; list callBridges() to see the registered ids."));
  }

  /**
   * Builds a new {@link CmsClient} for the registered Call Bridge {@code bridgeId} with default
   * timeouts and retries; the caller owns and closes it. For other options use {@link
   * CallBridge#clientBuilder()}.
   *
   * @param bridgeId the bridge's id in the registry
   * @return a new client of that bridge, with its address, credentials and trust
   * @throws ClusterNotFoundException if no bridge has that id
   * @throws io.mmsdk.common.tls.TlsSetupException if the bridge's trusted PEM file is missing or
   *     unreadable
   */
  public CmsClient client(String bridgeId) {
    return callBridge(bridgeId).clientBuilder().build();
  }

  /**
   * Lists the other Call Bridges of cluster {@code clusterId} from {@code GET /callBridges} of its
   * first registered bridge that answers, leaving out those already registered: a registered
   * bridge whose name is the CMS name of the entry, or whose address has the entry's host and
   * port. Name registered bridges as CMS does ({@code /callBridges} {@code name}) so they are
   * recognised even where CMS lists a different port. Reads the network; call it off any UI
   * thread.
   *
   * @param clusterId the cluster's id
   * @return the unregistered Call Bridges CMS lists for the cluster, in its order
   * @throws ClusterNotFoundException if no cluster has that id
   * @throws ClusterException if no registered bridge of the cluster answers (the last failure is
   *     the cause)
   */
  public List<DiscoveredCallBridge> discoverCallBridges(String clusterId) {
    Cluster cluster = cluster(clusterId);
    RuntimeException last = null;
    for (CallBridge bridge : cluster.callBridges()) {
      try (CmsClient client = bridge.clientBuilder().build()) {
        List<DiscoveredCallBridge> found = new java.util.ArrayList<>();
        for (io.mmsdk.cms.core.CmsObject o : client.resources(io.mmsdk.cms.core.ResourceType.CALL_BRIDGES)
            .list()) {
          String name = o.fields().getOrDefault("name", "");
          String address = o.fields().getOrDefault("address", "");
          String host = hostOf(address);
          int port = portOf(address);
          boolean known = cluster.callBridges().stream().anyMatch(b -> b.name().equals(name)
              || (b.address().host().equalsIgnoreCase(host) && b.address().port() == port));
          if (!known) {
            found.add(new DiscoveredCallBridge(o.id(), name, address, host,
                o.fields().getOrDefault("sipDomain", "")));
          }
        }
        return List.copyOf(found);
      } catch (RuntimeException e) {
        last = e;
      }
    }
    throw new ClusterException("No Call Bridge of cluster '" + cluster.name() + "' answered GET"
        + " /callBridges" + (last == null ? " (the cluster has no bridges)" : ": " + last.getMessage())
        + ". Check that a registered bridge is reachable and its API user is valid.", last);
  }

  private static int portOf(String address) {
    try {
      java.net.URI u = java.net.URI.create(address.strip());
      if (u.getHost() != null) {
        return u.getPort() >= 0 ? u.getPort() : BridgeAddress.DEFAULT_PORT;
      }
    } catch (IllegalArgumentException e) {
      // not a URL: fall through to host[:port]
    }
    return address.isBlank() ? -1 : BridgeAddress.parse(address).port();
  }

  private static String hostOf(String address) {
    try {
      java.net.URI u = java.net.URI.create(address.strip());
      if (u.getHost() != null) {
        return u.getHost().startsWith("[") ? u.getHost().substring(1, u.getHost().length() - 1)
            : u.getHost();
      }
    } catch (IllegalArgumentException e) {
      // not a URL: fall through to host[:port]
    }
    return address.isBlank() ? "" : BridgeAddress.parse(address).host();
  }

  /**
   * {@return the cluster that holds the Call Bridge {@code bridgeId}}
   *
   * @param bridgeId the bridge's id in the registry
   */
  public Optional<Cluster> findClusterOf(String bridgeId) {
    Objects.requireNonNull(bridgeId, "bridgeId == null");
    return clusters.stream().filter(c -> c.findCallBridge(bridgeId).isPresent()).findFirst();
  }

  /**
   * Registers a new cluster and saves the registry.
   *
   * @param cluster the cluster to register, with its bridges
   * @return the registered cluster
   * @throws InvalidClusterException if its name, a bridge address or an id is already registered
   */
  public Cluster add(Cluster cluster) {
    return add(SYSTEM, cluster);
  }

  /**
   * Like {@link #add(Cluster)}, reporting {@code actor} to the audit hook.
   *
   * @param actor who makes the change, as the audit hook receives it
   * @param cluster the cluster to register, with its bridges
   * @return the registered cluster
   */
  public Cluster add(String actor, Cluster cluster) {
    Objects.requireNonNull(actor, "actor == null");
    Objects.requireNonNull(cluster, "cluster == null");
    synchronized (this) {
      if (findCluster(cluster.id()).isPresent()) {
        throw new InvalidClusterException(
            Problem.DUPLICATE_NAME, "A cluster with id '" + cluster.id() + "' is already registered; use update(...) to change it.");
      }
      List<Cluster> next = new ArrayList<>(clusters);
      next.add(cluster);
      commit(next, actor, "cluster.add", cluster.id(), describe(cluster));
    }
    tellListeners();
    return cluster;
  }

  /**
   * Replaces the registered cluster that has the same id and saves the registry.
   *
   * @param cluster the new version of the cluster, with the id of the one it replaces
   * @return the registered cluster
   * @throws ClusterNotFoundException if no cluster has that id
   */
  public Cluster update(Cluster cluster) {
    return update(SYSTEM, cluster);
  }

  /**
   * Like {@link #update(Cluster)}, reporting {@code actor} to the audit hook.
   *
   * @param actor who makes the change, as the audit hook receives it
   * @param cluster the new version of the cluster, with the id of the one it replaces
   * @return the registered cluster
   */
  public Cluster update(String actor, Cluster cluster) {
    Objects.requireNonNull(actor, "actor == null");
    Objects.requireNonNull(cluster, "cluster == null");
    synchronized (this) {
      replace(actor, cluster);
    }
    tellListeners();
    return cluster;
  }

  private void replace(String actor, Cluster cluster) {
    List<Cluster> next = new ArrayList<>(clusters);
    next.set(indexOf(cluster.id()), cluster);
    commit(next, actor, "cluster.update", cluster.id(), describe(cluster));
  }

  /**
   * Adds {@code bridge} to the cluster {@code clusterId} and saves the registry.
   *
   * @param clusterId the cluster's id
   * @param bridge the Call Bridge to add
   * @return the updated cluster
   */
  public Cluster addCallBridge(String clusterId, CallBridge bridge) {
    return addCallBridge(SYSTEM, clusterId, bridge);
  }

  /**
   * Like {@link #addCallBridge(String, CallBridge)}, reporting {@code actor} to the audit hook.
   *
   * @param actor who makes the change, as the audit hook receives it
   * @param clusterId the cluster's id
   * @param bridge the Call Bridge to add
   * @return the updated cluster
   */
  public Cluster addCallBridge(String actor, String clusterId, CallBridge bridge) {
    Objects.requireNonNull(actor, "actor == null");
    Objects.requireNonNull(bridge, "bridge == null");
    Cluster updated;
    synchronized (this) {
      updated = cluster(clusterId).toBuilder().addCallBridge(bridge).build();
      replace(actor, updated);
    }
    tellListeners();
    return updated;
  }

  /**
   * Removes the Call Bridge {@code bridgeId} from its cluster and saves the registry.
   *
   * @param bridgeId the bridge's id in the registry
   * @return the updated cluster
   * @throws ClusterNotFoundException if no bridge has that id
   */
  public Cluster removeCallBridge(String bridgeId) {
    return removeCallBridge(SYSTEM, bridgeId);
  }

  /**
   * Like {@link #removeCallBridge(String)}, reporting {@code actor} to the audit hook.
   *
   * @param actor who makes the change, as the audit hook receives it
   * @param bridgeId the bridge's id in the registry
   * @return the updated cluster
   */
  public Cluster removeCallBridge(String actor, String bridgeId) {
    Objects.requireNonNull(actor, "actor == null");
    Cluster updated;
    synchronized (this) {
      Cluster owner =
          findClusterOf(bridgeId)
              .orElseThrow(() -> new ClusterNotFoundException("No Call Bridge with id '" + bridgeId + "' to remove."));
      updated = owner.toBuilder().removeCallBridge(bridgeId).build();
      replace(actor, updated);
    }
    tellListeners();
    return updated;
  }

  /**
   * Removes the cluster {@code clusterId} and all its bridges, and saves the registry.
   *
   * @param clusterId the cluster's id
   * @throws ClusterNotFoundException if no cluster has that id
   */
  public void remove(String clusterId) {
    remove(SYSTEM, clusterId);
  }

  /**
   * Like {@link #remove(String)}, reporting {@code actor} to the audit hook.
   *
   * @param actor who makes the change, as the audit hook receives it
   * @param clusterId the cluster's id
   */
  public void remove(String actor, String clusterId) {
    Objects.requireNonNull(actor, "actor == null");
    synchronized (this) {
      List<Cluster> next = new ArrayList<>(clusters);
      Cluster gone = next.remove(indexOf(clusterId));
      commit(next, actor, "cluster.remove", clusterId, describe(gone));
    }
    tellListeners();
  }

  /**
   * Replaces every cluster at once (used by restore) after validating the whole set.
   *
   * @param all every cluster, replacing the registered ones
   */
  public void replaceAll(List<Cluster> all) {
    List<Cluster> next = new ArrayList<>(Objects.requireNonNull(all, "all == null"));
    synchronized (this) {
      commit(next, null, null, null, null);
    }
    tellListeners();
  }

  /**
   * Registers {@code listener} to receive the full cluster list after every change. Listeners run
   * after the registry's lock is released, one change at a time and in the order the changes were
   * made: on the thread that made the change, or — while another thread is telling listeners of
   * an earlier change — on that thread, which tells them of every change queued behind its own
   * before it returns. A listener may change the registry; it is told of that change after it
   * returns. One that throws is logged and does not undo the change.
   *
   * @param listener called with an unmodifiable copy of every cluster; not null
   * @return a registration whose {@code close()} removes the listener
   */
  public Registration addListener(Consumer<List<Cluster>> listener) {
    return listeners.add(listener);
  }


  private static String describe(Cluster c) {
    StringBuilder sb = new StringBuilder("'" + c.name() + "' manageMeetings=" + c.manageMeetings() + " bridges=[");
    for (int i = 0; i < c.callBridges().size(); i++) {
      CallBridge b = c.callBridges().get(i);
      sb.append(i == 0 ? "" : ", ").append(b.name()).append('@').append(b.address());
    }
    return sb.append(']').toString();
  }

  private int indexOf(String clusterId) {
    Objects.requireNonNull(clusterId, "clusterId == null");
    for (int i = 0; i < clusters.size(); i++) {
      if (clusters.get(i).id().equals(clusterId)) {
        return i;
      }
    }
    throw new ClusterNotFoundException("No cluster with id '" + clusterId + "'; list clusters() to see the registered ids.");
  }

  /**
   * Validates and saves {@code next}, makes it the registry's list and queues telling the audit
   * hook (when {@code action} is not null) and the listeners. Called with this registry's lock
   * held, so changes are queued in the order they are made; {@link #tellListeners()} runs the
   * queue after the lock is released.
   */
  private void commit(List<Cluster> next, String actor, String action, String target, String detail) {
    validateAll(next);
    store.save(next);
    List<Cluster> now = List.copyOf(next);
    clusters = now;
    synchronized (untold) {
      untold.add(() -> {
        try {
          if (audit != null && action != null) {
            audit.changed(actor, action, target, AuditHook.Outcome.SUCCEEDED, detail);
          }
        } finally {
          listeners.callEach(l -> l.accept(now), "a change of the cluster list");
        }
      });
    }
  }

  /**
   * Tells the audit hook and the listeners of every queued change, in order, holding no lock of
   * the registry's while they run. One thread tells at a time; a thread that finds another telling
   * returns, and the teller tells of its change too. An audit hook that fails does not stop the
   * rest of the queue; the first failure is rethrown once the queue is empty.
   */
  private void tellListeners() {
    RuntimeException failure = null;
    while (true) {
      Runnable next;
      synchronized (untold) {
        if (telling || untold.isEmpty()) {
          break;
        }
        telling = true;
        next = untold.poll();
      }
      try {
        next.run();
      } catch (RuntimeException e) {
        if (failure == null) {
          failure = e;
        }
      } finally {
        synchronized (untold) {
          telling = false;
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
  }

  private static void validateAll(List<Cluster> all) {
    Map<String, String> names = new HashMap<>();
    Map<BridgeAddress, String> addresses = new HashMap<>();
    Map<String, String> bridgeIds = new HashMap<>();
    Set<String> clusterIds = new HashSet<>();
    for (Cluster c : all) {
      if (!clusterIds.add(c.id())) {
        throw new InvalidClusterException(Problem.DUPLICATE_NAME, "Two clusters have id '" + c.id() + "'.");
      }
      String prev = names.putIfAbsent(c.name().toLowerCase(Locale.ROOT), c.id());
      if (prev != null) {
        throw new InvalidClusterException(
            Problem.DUPLICATE_NAME, "A cluster named '" + c.name() + "' is already registered; choose a distinct display name.");
      }
      for (CallBridge b : c.callBridges()) {
        String other = addresses.putIfAbsent(b.address(), c.name());
        if (other != null) {
          throw new InvalidClusterException(
              Problem.DUPLICATE_ADDRESS,
              "Call Bridge address " + b.address() + " is already registered in cluster '" + other + "'; a bridge belongs to one cluster.");
        }
        if (bridgeIds.putIfAbsent(b.id(), c.name()) != null) {
          throw new InvalidClusterException(Problem.DUPLICATE_NAME, "Call Bridge id '" + b.id() + "' is registered twice.");
        }
      }
    }
  }
}
