package io.mmsdk.blastdial;

import static java.util.Objects.requireNonNull;

import io.mmsdk.cms.CmsClient;
import io.mmsdk.cms.CmsFields;
import io.mmsdk.cms.api.Call;
import io.mmsdk.cms.api.Direction;
import io.mmsdk.common.MmSdkException;
import io.mmsdk.cms.events.CallListUpdate;
import io.mmsdk.cms.events.CmsEventListener;
import io.mmsdk.core.notify.Notifications;
import io.mmsdk.core.notify.Severity;
import io.mmsdk.cms.events.CmsEventsClient;
import io.mmsdk.cms.events.EventUpdate;
import io.mmsdk.cms.events.RosterUpdate;
import io.mmsdk.cms.events.Subscription;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Triggers blast dial from one Call Bridge's Events API: it subscribes to the call list, and to the
 * roster of every call that belongs to a space; the first participant that dials in is reported
 * with {@link BlastDial#participantJoined}, and a call leaving the list with {@link
 * BlastDial#meetingEnded}. Participants dialed out ({@code direction=outgoing}) never trigger.
 *
 * <p>Leg outcomes (press 1, {@code *}, busy, ...) are not in the roster; feed them from CDRs with
 * {@link BlastDial#callLegConnected} and {@link BlastDial#callLegEnded}. Thread-safe; {@link
 * #close()} closes the events connection it opened (not the {@link CmsClient}).
 */
public final class EventsTrigger implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(EventsTrigger.class);
  private static final int CALLS_INDEX = 1;
  /** Key prefix of the events-disrupted notification (+ cluster id, '.', host:port). */
  public static final String DISRUPTED_PREFIX = "events.disrupted.";

  private final BlastDial blast;
  private final String clusterId;
  private final CmsClient client;
  private final CmsEventsClient events;
  private final Notifications notifications;
  private final String disruptedKey;
  private final Map<String, Integer> indexOfCall = new HashMap<>();
  private final Map<Integer, SpaceKey> spaceOfIndex = new HashMap<>();
  private final Map<Integer, String> callOfIndex = new HashMap<>();
  private int nextIndex = CALLS_INDEX + 1;

  private EventsTrigger(BlastDial blast, String clusterId, CmsClient client,
      Notifications notifications) {
    this.blast = blast;
    this.clusterId = clusterId;
    this.client = client;
    this.notifications = notifications;
    this.disruptedKey = DISRUPTED_PREFIX + clusterId + "." + client.apiBase().getHost() + ":"
        + client.apiBase().getPort();
    this.events =
        CmsEventsClient.builder(client)
            .subscriptions(List.of(callsSubscription()))
            .listener(new Listener())
            .build();
  }

  /**
   * Connects to the events of the Call Bridge behind {@code client} (a bridge of cluster {@code
   * clusterId}) and starts reporting joins to {@code blast}. Connection and reconnection happen in
   * the background.
   *
   * @param blast the instance to report joins, ends and leg changes to; not null
   * @param clusterId the cluster the Call Bridge belongs to; not null
   * @param client a client of one Call Bridge of that cluster; not null
   * @return the running trigger; close it to disconnect
   */
  public static EventsTrigger start(BlastDial blast, String clusterId, CmsClient client) {
    requireNonNull(client, "client == null");
    return start(blast, clusterId, client, null);
  }

  /**
   * Like {@link #start(BlastDial, String, CmsClient)}, and raises the WARNING notification {@value
   * #DISRUPTED_PREFIX}{@code <clusterId>.<host>:<port>} on {@code notifications} while the events
   * connection is disrupted (seed 001: "Events communications with server Server 2 have been
   * disrupted"); it clears when the connection is up again.
   *
   * @param blast the instance to report joins, ends and leg changes to; not null
   * @param clusterId the cluster the Call Bridge belongs to, part of the notification key; not null
   * @param client a client of one Call Bridge of that cluster; not null
   * @param notifications where the disruption notification is raised and cleared; not null
   * @return the running trigger; close it to disconnect
   */
  public static EventsTrigger start(BlastDial blast, String clusterId, CmsClient client,
      Notifications notifications) {
    requireNonNull(blast, "blast == null");
    requireNonNull(clusterId, "clusterId == null");
    requireNonNull(client, "client == null");
    EventsTrigger trigger = new EventsTrigger(blast, clusterId, client, notifications);
    trigger.events.start();
    return trigger;
  }

  /** {@return whether the events connection is currently up} */
  public boolean isConnected() {
    return events.isConnected();
  }

  /** Closes the events connection. */
  @Override
  public void close() {
    events.close();
  }

  private static Subscription callsSubscription() {
    return Subscription.calls(CALLS_INDEX, Subscription.CALL_ELEMENTS);
  }

  private void onCalls(CallListUpdate update) {
    for (EventUpdate u : update.updates()) {
      if (u.isAdd()) {
        watch(u.id());
      } else if (u.isRemove()) {
        unwatch(u.id());
        blast.meetingEnded(clusterId, u.id());
      }
    }
  }

  private void watch(String callId) {
    synchronized (this) {
      if (indexOfCall.containsKey(callId)) {
        return;
      }
    }
    String spaceId;
    try {
      spaceId = client.api().calls().find(callId).flatMap(Call::coSpace).orElse("");
    } catch (MmSdkException e) {
      log.warn("Cannot read call {} to find its space; it will not trigger blast dial", callId, e);
      return;
    }
    if (spaceId.isEmpty()) {
      return;
    }
    synchronized (this) {
      if (indexOfCall.containsKey(callId)) {
        return;
      }
      int index = nextIndex++;
      indexOfCall.put(callId, index);
      spaceOfIndex.put(index, SpaceKey.of(clusterId, spaceId));
      callOfIndex.put(index, callId);
      resubscribe();
    }
  }

  private synchronized void unwatch(String callId) {
    Integer index = indexOfCall.remove(callId);
    if (index != null) {
      spaceOfIndex.remove(index);
      callOfIndex.remove(index);
      resubscribe();
    }
  }

  private void resubscribe() {
    List<Subscription> all = new ArrayList<>();
    all.add(callsSubscription());
    for (Map.Entry<String, Integer> e : indexOfCall.entrySet()) {
      all.add(Subscription.callRoster(e.getValue(), e.getKey(), Subscription.ROSTER_ELEMENTS));
    }
    events.subscribe(all);
  }

  private void onRoster(RosterUpdate update) {
    SpaceKey space;
    String callId;
    synchronized (this) {
      space = spaceOfIndex.get(update.subscriptionIndex());
      callId = callOfIndex.get(update.subscriptionIndex());
    }
    if (space == null) {
      return;
    }
    for (EventUpdate u : update.updates()) {
      boolean dialedOut =
          u.find(CmsFields.DIRECTION).filter(d -> d.is(Direction.OUTGOING.value())).isPresent();
      if (u.isAdd() && !dialedOut) {
        blast.participantJoined(space, callId, u.find(CmsFields.URI).orElse(""));
      }
    }
  }

  private final class Listener implements CmsEventListener {
    @Override
    public void onCallListUpdate(CallListUpdate update) {
      onCalls(update);
    }

    @Override
    public void onRosterUpdate(RosterUpdate update) {
      onRoster(update);
    }

    @Override
    public void onConnected() {
      if (notifications != null) {
        notifications.clear(disruptedKey);
      }
    }

    @Override
    public void onReconnected() {
      onConnected();
    }

    @Override
    public void onError(MmSdkException error) {
      log.warn("Events error on {}; blast dial triggers may be late", client.apiBase(), error);
      if (notifications != null) {
        notifications.raise(Severity.WARNING, "events", disruptedKey, "Events communications"
            + " with server " + client.apiBase().getHost() + ":" + client.apiBase().getPort()
            + " (cluster '" + clusterId + "') have been disrupted: " + error.getMessage()
            + ". Reconnecting; blast dial triggers may be late until then.");
      }
    }
  }
}
