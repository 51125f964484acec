package io.mmsdk.blastdial;

import static java.util.Objects.requireNonNull;

import io.mmsdk.cms.CmsClient;
import io.mmsdk.cms.api.Call;
import io.mmsdk.cms.api.CallLeg;
import io.mmsdk.cms.api.Direction;
import io.mmsdk.common.MmSdkException;
import io.mmsdk.common.time.Scheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Triggers blast dial by polling one Call Bridge, for deployments without the Events API or as a
 * safety net beside {@link EventsTrigger}: every period it lists the active calls ({@code GET
 * /calls}) and, for calls that belong to a space, the legs that dialed in, and hands the snapshot
 * to {@link BlastDial#observeCalls}. A failed poll is logged and the next one runs as usual.
 * Thread-safe; {@link #close()} stops polling (it does not close the client).
 */
public final class CallPoller implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(CallPoller.class);
  /** Poll period unless configured otherwise: 5 seconds. */
  public static final Duration DEFAULT_PERIOD = Duration.ofSeconds(5);

  private final BlastDial blast;
  private final String clusterId;
  private final CmsClient client;
  private final CmsCallBridgeGateway gateway;
  private final Scheduler.Cancellable task;

  private CallPoller(
      BlastDial blast, String clusterId, CmsClient client, Scheduler scheduler, Duration period) {
    this.blast = blast;
    this.clusterId = clusterId;
    this.client = client;
    this.gateway = CmsCallBridgeGateway.create(client);
    this.task = scheduler.scheduleRepeating(Duration.ZERO, period, this::pollQuietly);
  }

  /**
   * Starts polling the Call Bridge behind {@code client} (a bridge of cluster {@code clusterId})
   * every {@code period} on {@code scheduler}, the first poll at once.
   *
   * @param blast the instance to feed; not null
   * @param clusterId the cluster the Call Bridge belongs to; not null
   * @param client a client of one Call Bridge of that cluster; not null
   * @param scheduler runs the polls; not null
   * @param period the time between polls, at least 250 ms
   * @return the running poller; close it to stop polling
   * @throws IllegalArgumentException if {@code period} is under 250 ms
   */
  public static CallPoller start(
      BlastDial blast, String clusterId, CmsClient client, Scheduler scheduler, Duration period) {
    requireNonNull(blast, "blast == null");
    requireNonNull(clusterId, "clusterId == null");
    requireNonNull(client, "client == null");
    requireNonNull(scheduler, "scheduler == null");
    requireNonNull(period, "period == null");
    if (period.compareTo(Duration.ofMillis(250)) < 0) {
      throw new IllegalArgumentException(
          "period must be at least 250 ms so polling does not load the bridge, was " + period);
    }
    return new CallPoller(blast, clusterId, client, scheduler, period);
  }

  /** Polls once now and reports the snapshot; throws if the bridge cannot be read. */
  public void pollNow() {
    List<ActiveCall> calls = new ArrayList<>();
    for (Call call : client.api().calls().list()) {
      String spaceId = call.coSpace().orElse("");
      List<String> joined = new ArrayList<>();
      if (!spaceId.isEmpty()) {
        for (CallLeg leg : gateway.callLegs(call.id())) {
          if (leg.direction().orElse(null) != Direction.OUTGOING) {
            joined.add(leg.remoteParty().orElse(""));
          }
        }
      }
      calls.add(new ActiveCall(call.id(), spaceId, joined));
    }
    blast.observeCalls(clusterId, calls);
  }

  private void pollQuietly() {
    try {
      pollNow();
    } catch (MmSdkException e) {
      log.warn("Polling calls on {} failed; trying again next period", client.apiBase(), e);
    }
  }

  /** Stops polling. */
  @Override
  public void close() {
    task.cancel();
  }
}
