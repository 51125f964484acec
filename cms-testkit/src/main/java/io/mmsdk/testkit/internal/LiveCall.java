package io.mmsdk.testkit.internal;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** Not API. A call active on one bridge. */
final class LiveCall {
  final String id;
  final String coSpaceId;
  final String name;
  final String correlator;
  final String callType;
  final String tenant;
  final Instant started;
  final boolean keepWhenEmpty;
  final Map<String, LiveLeg> legs = new LinkedHashMap<>();
  int completedLegs;
  int maxActive;
  boolean recording;
  boolean streaming;
  boolean locked;
  String recordingId;
  String streamingId;
  /**
   * The call's PUT-able settings other than lock, recording and streaming, as last set
   * ({@code allowAllMuteSelf}, {@code joinAudioMuteOverride}, {@code messageText}, ...).
   */
  final Map<String, String> settings = new LinkedHashMap<>();
  /** When {@code messageText}/{@code messageDuration} were last set, for messageTimeRemaining. */
  Instant messageSetAt;

  LiveCall(String id, String coSpaceId, String name, String correlator, String callType, String tenant,
      Instant started, boolean keepWhenEmpty) {
    this.id = id;
    this.coSpaceId = coSpaceId;
    this.name = name;
    this.correlator = correlator;
    this.callType = callType;
    this.tenant = tenant;
    this.started = started;
    this.keepWhenEmpty = keepWhenEmpty;
  }
}
