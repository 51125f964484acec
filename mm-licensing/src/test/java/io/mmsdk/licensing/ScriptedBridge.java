package io.mmsdk.licensing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A scripted {@link UsageSource}: per-host snapshot history, reachability and activation. */
final class ScriptedBridge implements UsageSource {
  final Map<String, List<UsageSample>> history = new LinkedHashMap<>();
  final List<String> requests = new ArrayList<>();
  boolean reachable = true;
  /** Thrown by every call instead of answering, when set. */
  RuntimeException failure;
  boolean activated = true;
  double weightedWithoutPersonal;

  ScriptedBridge host(String hostId) {
    history.computeIfAbsent(hostId, k -> new ArrayList<>());
    return this;
  }

  void add(UsageSample s) {
    history.computeIfAbsent(s.hostId(), k -> new ArrayList<>()).add(s);
  }

  @Override
  public List<String> knownHosts() {
    check();
    requests.add("knownHosts");
    return List.copyOf(history.keySet());
  }

  @Override
  public List<UsageSample> usage(String hostId, Instant start, Instant end) {
    check();
    requests.add("usage " + hostId + " " + start + " " + end);
    List<UsageSample> out = new ArrayList<>();
    for (UsageSample s : history.getOrDefault(hostId, List.of())) {
      if (!s.time().isBefore(start) && !s.time().isAfter(end)) {
        out.add(s);
      }
    }
    return out;
  }

  @Override
  public boolean hasActivation() {
    check();
    return activated;
  }

  @Override
  public MultipartyUsage multipartyUsage() {
    check();
    return new MultipartyUsage(Instant.parse("2026-06-01T00:00:00Z"), 0, 0, 0,
        weightedWithoutPersonal, 0, 0);
  }

  private void check() {
    if (failure != null) {
      throw failure;
    }
    if (!reachable) {
      throw new IllegalStateException("connection refused");
    }
  }
}
