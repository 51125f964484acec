package io.mmsdk.testkit.internal;

import io.mmsdk.testkit.core.ClusterOptions;
import io.mmsdk.testkit.core.EndpointScript;
import io.mmsdk.testkit.core.SimulatedClock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import okhttp3.OkHttpClient;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;

/**
 * Not API. The state of one simulated cluster: the shared configuration database, the bridges, the
 * endpoint scripts and the license usage history. Every mutation holds {@link #lock}.
 */
public final class Engine implements AutoCloseable {
  final Object lock = new Object();
  final ClusterOptions options;
  final SimulatedClock clock;
  final Map<String, CollectionSpec> specs;
  final ObjectStore store;
  final List<BridgeNode> bridges = new ArrayList<>();
  final HeldCertificate ca;
  final HandshakeCertificates serverCertificates;
  final OkHttpClient http;
  private final Map<String, List<EndpointScript>> scripts = new HashMap<>();
  private final Map<String, Integer> attempts = new HashMap<>();
  private final Map<String, String> correlators = new HashMap<>();
  /** License usage entries per host id, by time. */
  final Map<String, TreeMap<Instant, Map<String, String>>> licenseUsage = new LinkedHashMap<>();
  final Map<String, String[]> clusterLicenseFeatures = new LinkedHashMap<>();
  final LdapSyncRunner ldap;

  private Engine(ClusterOptions options) {
    this.options = options;
    this.clock = options.clock();
    this.specs = Rules.build(options.maxCdrReceivers());
    this.store = new ObjectStore(specs, null, options.minimumPasscodeLength());
    this.ldap = new LdapSyncRunner(this);
    if (options.isHttps()) {
      this.ca = new HeldCertificate.Builder().certificateAuthority(0)
          .commonName("cms-testkit CA").build();
      HeldCertificate server = new HeldCertificate.Builder().commonName("127.0.0.1")
          .addSubjectAlternativeName("127.0.0.1").addSubjectAlternativeName("localhost")
          .signedBy(ca).build();
      this.serverCertificates = new HandshakeCertificates.Builder()
          .heldCertificate(server, ca.certificate()).build();
    } else {
      this.ca = null;
      this.serverCertificates = null;
    }
    this.http = new OkHttpClient.Builder().connectTimeout(Duration.ofSeconds(2))
        .readTimeout(Duration.ofSeconds(5)).build();
    for (String feature : List.of("callBridge", "callBridgeNoEncryption", "customizations",
        "recording")) {
      clusterLicenseFeatures.put(feature, new String[] {
          "callBridgeNoEncryption".equals(feature) ? "noLicense" : "activated",
          "callBridgeNoEncryption".equals(feature) ? "" : "2026-Mar-31"});
    }
  }

  /** Starts a cluster: every bridge listens on loopback. */
  public static Engine start(ClusterOptions options) {
    Engine engine = new Engine(options);
    try {
      for (int i = 0; i < options.callBridges(); i++) {
        BridgeNode node = new BridgeNode(engine, i);
        engine.bridges.add(node);
      }
      for (BridgeNode node : engine.bridges) {
        node.start();
      }
      synchronized (engine.lock) {
        for (BridgeNode node : engine.bridges) {
          Map<String, String> fields = new LinkedHashMap<>();
          fields.put("name", node.name);
          fields.put("address", node.baseUrl());
          fields.put("sipDomain", "example.com");
          engine.store.put("callBridges", null, node.id, fields);
        }
      }
      engine.scheduleLicenseSnapshots();
      return engine;
    } catch (IOException e) {
      engine.close();
      throw new UncheckedIOException("could not start a simulated Call Bridge on loopback", e);
    }
  }

  /** Returns the bridges in index order. */
  public List<BridgeNode> bridges() {
    return bridges;
  }

  /** Returns the bridge with GUID {@code id}, or null. */
  BridgeNode bridgeById(String id) {
    for (BridgeNode b : bridges) {
      if (b.id.equals(id)) {
        return b;
      }
    }
    return null;
  }

  /** Returns the options the cluster runs with. */
  public ClusterOptions options() {
    return options;
  }

  /** Returns the CA certificate PEM when HTTPS is on, otherwise null. */
  public String caCertificatePem() {
    return ca == null ? null : ca.certificatePem();
  }

  /** Returns the CA certificate when HTTPS is on, otherwise null. */
  public java.security.cert.X509Certificate caCertificate() {
    return ca == null ? null : ca.certificate();
  }

  // ---- endpoint scripts ----

  static String normalizeAddress(String address) {
    String a = address.trim().toLowerCase(Locale.ROOT);
    return a.startsWith("sip:") ? a.substring(4) : a;
  }

  /** Replaces the attempt scripts of an address and resets its attempt count. */
  public void scriptEndpoint(String address, List<EndpointScript> attemptScripts) {
    synchronized (lock) {
      String key = normalizeAddress(address);
      scripts.put(key, List.copyOf(attemptScripts));
      attempts.put(key, 0);
    }
  }

  EndpointScript nextAttempt(String address) {
    String key = normalizeAddress(address);
    List<EndpointScript> list = scripts.get(key);
    if (list == null || list.isEmpty()) {
      return EndpointScript.answers();
    }
    int n = attempts.merge(key, 1, Integer::sum) - 1;
    return list.get(Math.min(n, list.size() - 1));
  }

  /** Returns how often an address was dialled since it was scripted. */
  public int dialAttempts(String address) {
    synchronized (lock) {
      return attempts.getOrDefault(normalizeAddress(address), 0);
    }
  }

  // ---- distributed calls ----

  /** Returns the callCorrelator shared by every bridge's instance of a coSpace's call. */
  String correlatorFor(String coSpaceId) {
    if (coSpaceId == null) {
      return UUID.randomUUID().toString();
    }
    return correlators.computeIfAbsent(coSpaceId, k -> UUID.randomUUID().toString());
  }

  void releaseCorrelator(String coSpaceId) {
    if (coSpaceId == null) {
      return;
    }
    for (BridgeNode b : bridges) {
      if (b.findCallForCoSpace(coSpaceId) != null) {
        return;
      }
    }
    correlators.remove(coSpaceId);
  }

  /** Number of bridges that host an instance of the call for this coSpace (1 for ad hoc calls). */
  int span(LiveCall call) {
    if (call.coSpaceId == null) {
      return 1;
    }
    int n = 0;
    for (BridgeNode b : bridges) {
      if (b.up && b.findCallForCoSpace(call.coSpaceId) != null) {
        n++;
      }
    }
    return Math.max(1, n);
  }

  // ---- license usage ----

  private void scheduleLicenseSnapshots() {
    clock.schedule(Duration.ofMinutes(5), this::licenseSnapshot);
  }

  private void licenseSnapshot() {
    synchronized (lock) {
      Instant now = clock.instant();
      for (BridgeNode b : bridges) {
        if (!b.up) {
          continue;
        }
        double pmp = 0;
        double smpFull = 0;
        double smpPtP = 0;
        int rec = 0;
        int str = 0;
        for (LiveCall c : b.calls.values()) {
          double share = 1.0 / span(c);
          if (ownerHasLicense(c)) {
            pmp += share;
          } else if (c.legs.size() == 2 && c.coSpaceId == null) {
            smpPtP += share;
          } else {
            smpFull += share;
          }
          rec += c.recording ? 1 : 0;
          str += c.streaming ? 1 : 0;
        }
        Map<String, String> entry = new LinkedHashMap<>();
        putUsage(entry, "pmp", pmp);
        putUsage(entry, "smpPtP", smpPtP);
        putUsage(entry, "smpFull", smpFull);
        if (rec > 0) {
          entry.put("rec", String.valueOf(rec));
        }
        if (str > 0) {
          entry.put("str", String.valueOf(str));
        }
        licenseUsage.computeIfAbsent(b.hostId, k -> new TreeMap<>()).put(now, entry);
      }
    }
    scheduleLicenseSnapshots();
  }

  /** Whether a user's userProfile grants a personal (PMP) license. */
  boolean hasLicense(StoredObject user) {
    String profileId = user.get("userProfile");
    StoredObject profile = profileId == null ? null : store.find("userProfiles", profileId);
    return profile != null && "true".equals(profile.get("hasLicense"));
  }

  /** Whether a call's coSpace is owned by a user holding a personal license. */
  boolean ownerHasLicense(LiveCall c) {
    StoredObject space = c.coSpaceId == null ? null : store.find("coSpaces", c.coSpaceId);
    String ownerId = space == null ? null : space.get("ownerId");
    StoredObject owner = ownerId == null ? null : store.find("users", ownerId);
    return owner != null && hasLicense(owner);
  }

  private static void putUsage(Map<String, String> entry, String name, double value) {
    if (value > 0) {
      entry.put(name, String.format(Locale.ROOT, "%.2f", value));
    }
  }

  /** Seeds one MPLicenseUsage entry. */
  public void addLicenseUsage(String hostId, Instant time, Map<String, String> values) {
    synchronized (lock) {
      licenseUsage.computeIfAbsent(hostId, k -> new TreeMap<>()).put(time, Map.copyOf(values));
    }
  }

  /** Sets a clusterLicensing feature status and expiry. */
  public void setClusterLicense(String feature, String status, String expiry) {
    synchronized (lock) {
      clusterLicenseFeatures.put(feature, new String[] {status, expiry});
    }
  }

  @Override
  public void close() {
    for (BridgeNode b : bridges) {
      b.close();
    }
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }
}
