package io.mmsdk.licensing;

import io.mmsdk.cms.CmsClient;
import io.mmsdk.core.cluster.CallBridge;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives {@link LicenseMonitor.Builder#usageSources} one {@link CmsUsageSource} per Call Bridge,
 * building a {@link CmsClient} the first time a bridge is seen and reusing it, rebuilding it when
 * the
 * bridge's registration (address, credentials, trust) changes. Thread-safe; {@link #close()} closes
 * every client it built.
 */
public final class CmsUsageSources implements Function<CallBridge, UsageSource>, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(CmsUsageSources.class);

  private final Function<CallBridge, CmsClient> clientFactory;
  private final Map<String, CallBridge> bridges = new HashMap<>();
  private final Map<String, CmsClient> clients = new HashMap<>();

  private CmsUsageSources(Function<CallBridge, CmsClient> clientFactory) {
    this.clientFactory = clientFactory;
  }

  /** {@return sources whose clients come from {@link CallBridge#clientBuilder()} with defaults} */
  public static CmsUsageSources create() {
    return create(b -> b.clientBuilder().build());
  }

  /**
   * {@return sources whose clients come from {@code clientFactory} (for example to set a clock)}
   *
   * @param clientFactory makes the client of each registered Call Bridge; not null
   */
  public static CmsUsageSources create(Function<CallBridge, CmsClient> clientFactory) {
    return new CmsUsageSources(Objects.requireNonNull(clientFactory, "clientFactory == null"));
  }

  /** Returns the source for {@code bridge}, building its client if needed. */
  @Override
  public synchronized UsageSource apply(CallBridge bridge) {
    Objects.requireNonNull(bridge, "bridge == null");
    CmsClient client = clients.get(bridge.id());
    if (client == null || !bridge.equals(bridges.get(bridge.id()))) {
      if (client != null) {
        client.close();
      }
      client = Objects.requireNonNull(clientFactory.apply(bridge), "clientFactory returned null");
      clients.put(bridge.id(), client);
      bridges.put(bridge.id(), bridge);
    }
    return CmsUsageSource.create(client);
  }

  /** Closes every client built so far. Idempotent. */
  @Override
  public synchronized void close() {
    List<CmsClient> all = new ArrayList<>(clients.values());
    clients.clear();
    bridges.clear();
    for (CmsClient c : all) {
      try {
        c.close();
      } catch (RuntimeException e) {
        log.warn("Closing a Call Bridge client failed", e);
      }
    }
  }
}
