package io.mmsdk.testkit.internal;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * Not API. Generates CDR records for one bridge and pushes them to each receiver in batches on a
 * background thread, re-sending until the receiver answers 200, with a bounded buffer per receiver.
 */
final class CdrPusher implements AutoCloseable {
  private static final MediaType XML = MediaType.get("text/xml");
  private static final int MAX_BATCH = 100;

  private final String callBridgeId;
  private final boolean clustered;
  private final int capacity;
  private final Duration retryInterval;
  private final OkHttpClient http;
  private final ScheduledExecutorService executor;
  private final Object monitor = new Object();
  private final Map<String, ReceiverQueue> queues = new LinkedHashMap<>();
  private String session = UUID.randomUUID().toString();
  private long correlatorIndex;
  private boolean drainScheduled;
  private boolean closed;

  CdrPusher(String callBridgeId, boolean clustered, int capacity, Duration retryInterval,
      OkHttpClient http) {
    this.callBridgeId = callBridgeId;
    this.clustered = clustered;
    this.capacity = capacity;
    this.retryInterval = retryInterval;
    this.http = http;
    this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "cms-testkit-cdr-" + callBridgeId.substring(0, 8));
      t.setDaemon(true);
      return t;
    });
  }

  String session() {
    synchronized (monitor) {
      return session;
    }
  }

  long correlatorIndex() {
    synchronized (monitor) {
      return correlatorIndex;
    }
  }

  /** Starts a new session after a restart: counters reset, undelivered records are lost. */
  void restart() {
    synchronized (monitor) {
      session = UUID.randomUUID().toString();
      correlatorIndex = 0;
      queues.clear();
    }
  }

  /** Keeps queues only for the given receivers (id to uri). */
  void receivers(Map<String, String> receivers) {
    synchronized (monitor) {
      queues.keySet().retainAll(receivers.keySet());
      receivers.forEach((id, uri) -> {
        ReceiverQueue q = queues.computeIfAbsent(id, k -> new ReceiverQueue());
        q.uri = uri;
      });
    }
  }

  /** Records one CDR for every receiver and schedules delivery. */
  void record(String type, Instant time, String element, String id, Map<String, Object> fields) {
    synchronized (monitor) {
      long correlator = correlatorIndex++;
      StringBuilder body = new StringBuilder();
      Xml.element(body, element, Map.of("id", id), fields);
      String timestamp = time.truncatedTo(ChronoUnit.SECONDS).toString();
      for (ReceiverQueue q : queues.values()) {
        CdrRecord r = new CdrRecord(type, timestamp, ++q.recordIndex, correlator, body.toString());
        q.records.addLast(r);
        while (q.records.size() > capacity) {
          CdrRecord dropped = q.records.removeFirst();
          CdrRecord head = q.records.peekFirst();
          head.missing += dropped.missing + 1;
        }
      }
      scheduleDrain(0);
    }
  }

  /** Tries to deliver now; returns whether every queue is empty within {@code timeout} (real time). */
  boolean awaitDelivered(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (monitor) {
      scheduleDrain(0);
      while (!allEmpty()) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        TimeUnit.NANOSECONDS.timedWait(monitor, Math.min(left, TimeUnit.MILLISECONDS.toNanos(20)));
        scheduleDrain(0);
      }
      return true;
    }
  }

  int pendingRecords() {
    synchronized (monitor) {
      int n = 0;
      for (ReceiverQueue q : queues.values()) {
        n += q.records.size();
      }
      return n;
    }
  }

  private boolean allEmpty() {
    for (ReceiverQueue q : queues.values()) {
      if (!q.records.isEmpty()) {
        return false;
      }
    }
    return true;
  }

  private void scheduleDrain(long delayMillis) {
    if (drainScheduled || closed) {
      return;
    }
    drainScheduled = true;
    executor.schedule(this::drain, delayMillis, TimeUnit.MILLISECONDS);
  }

  private void drain() {
    boolean retry = false;
    boolean refused = false;
    List<Map.Entry<ReceiverQueue, List<CdrRecord>>> batches = new ArrayList<>();
    String sessionNow;
    synchronized (monitor) {
      drainScheduled = false;
      sessionNow = session;
      for (ReceiverQueue q : queues.values()) {
        List<CdrRecord> batch = new ArrayList<>();
        for (CdrRecord r : q.records) {
          if (batch.size() == MAX_BATCH) {
            break;
          }
          batch.add(r);
        }
        if (!batch.isEmpty()) {
          batches.add(Map.entry(q, batch));
        }
      }
    }
    for (Map.Entry<ReceiverQueue, List<CdrRecord>> e : batches) {
      boolean ok = post(e.getKey().uri, sessionNow, e.getValue());
      synchronized (monitor) {
        if (ok) {
          Set<CdrRecord> sent = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
          sent.addAll(e.getValue());
          e.getKey().records.removeIf(sent::contains);
          if (!e.getKey().records.isEmpty()) {
            retry = true;
          }
        } else {
          retry = true;
          refused = true;
        }
        monitor.notifyAll();
      }
    }
    synchronized (monitor) {
      if (retry) {
        // A refused or failed POST waits the retry interval instead of hammering the receiver.
        scheduleDrain(batches.isEmpty() || refused ? retryInterval.toMillis() : 0);
      }
      monitor.notifyAll();
    }
  }

  private boolean post(String uri, String sessionNow, List<CdrRecord> batch) {
    StringBuilder xml = new StringBuilder("<?xml version=\"1.0\"?>\n<records session=\"")
        .append(sessionNow).append('"');
    if (clustered) {
      xml.append(" callBridge=\"").append(callBridgeId).append('"');
    }
    xml.append(">\n");
    for (CdrRecord r : batch) {
      xml.append("<record type=\"").append(r.type).append("\" time=\"").append(r.time)
          .append("\" recordIndex=\"").append(r.recordIndex).append("\" correlatorIndex=\"")
          .append(r.correlatorIndex).append('"');
      if (r.missing > 0) {
        xml.append(" numPreceedingRecordsMissing=\"").append(r.missing).append('"');
      }
      xml.append('>').append(r.body).append("</record>\n");
    }
    xml.append("</records>\n");
    Request request;
    try {
      request = new Request.Builder().url(uri).post(RequestBody.create(xml.toString(), XML)).build();
    } catch (IllegalArgumentException e) {
      return false;
    }
    try (Response response = http.newCall(request).execute()) {
      return response.code() == 200;
    } catch (IOException e) {
      return false;
    }
  }

  @Override
  public void close() {
    synchronized (monitor) {
      closed = true;
    }
    executor.shutdownNow();
  }

  private static final class ReceiverQueue {
    String uri;
    long recordIndex;
    final Deque<CdrRecord> records = new ArrayDeque<>();
  }

  private static final class CdrRecord {
    final String type;
    final String time;
    final long recordIndex;
    final long correlatorIndex;
    final String body;
    int missing;

    CdrRecord(String type, String time, long recordIndex, long correlatorIndex, String body) {
      this.type = type;
      this.time = time;
      this.recordIndex = recordIndex;
      this.correlatorIndex = correlatorIndex;
      this.body = body;
    }
  }
}
