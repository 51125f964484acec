package io.mmsdk.licensing;

import io.mmsdk.common.store.AtomicFiles;
import io.mmsdk.common.store.StoreLock;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;

/**
 * Stores {@link LicenseState} as a sorted key=value text file. Cluster ids are URL-encoded so any
 * id is safe in keys and lists. Guarded by a {@link StoreLock} on {@code
 * license-state.properties.lock} from construction to {@link #close()}.
 */
final class FileLicenseStateStore implements LicenseStateStore {
  private static final String NAME = "license-state.properties";
  private final Path file;
  private final StoreLock lock;

  FileLicenseStateStore(Path dir) {
    this.file = Objects.requireNonNull(dir, "directory == null").resolve(NAME);
    try {
      this.lock = StoreLock.acquire(dir.resolve(NAME + ".lock"));
    } catch (UncheckedIOException e) {
      throw new LicenseStoreException("Cannot lock the license state in " + dir + ": "
          + e.getCause().getMessage() + ". Check the directory is writable.", e.getCause());
    }
  }

  @Override
  public synchronized void close() {
    lock.close();
  }


  @Override
  public synchronized LicenseState load() {
    lock.ensureHeld();
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      return LicenseState.INITIAL;
    } catch (IOException e) {
      throw new LicenseStoreException("Cannot read " + file + ": " + e.getMessage(), e);
    }
    Properties p = new Properties();
    try {
      p.load(new StringReader(text));
      return parse(p);
    } catch (IOException | IllegalArgumentException | DateTimeParseException e) {
      throw new LicenseStoreException("The license state file " + file + " is damaged ("
          + e.getMessage() + "). Restore it from a backup or delete it to start over.", e);
    }
  }

  private static LicenseState parse(Properties p) {
    LicensingMode mode = LicensingMode.valueOf(p.getProperty("mode", "SMART"));
    Allocations.Builder a = Allocations.builder();
    for (AllocationType t : AllocationType.values()) {
      String v = p.getProperty("allocation." + t.name());
      if (v != null) {
        a.allocate(t, Long.parseLong(v));
      }
    }
    a.customizationLicense(Boolean.parseBoolean(p.getProperty("customization.license")));
    a.customizationEnabled(Boolean.parseBoolean(p.getProperty("customization.enabled")));
    List<TrialRecord> trials = new ArrayList<>();
    Map<Feature, Set<String>> earlier = new EnumMap<>(Feature.class);
    for (Feature f : Feature.values()) {
      String start = p.getProperty("trial." + f.name() + ".start");
      if (start != null) {
        trials.add(new TrialRecord(f, Instant.parse(start),
            ids(p.getProperty("trial." + f.name() + ".clusters", ""))));
      }
      String e = p.getProperty("earlierTrialClusters." + f.name());
      if (e != null) {
        earlier.put(f, ids(e));
      }
    }
    Map<String, Map<Feature, Instant>> since = new HashMap<>();
    for (String key : p.stringPropertyNames()) {
      if (key.startsWith("enforcement.")) {
        int dot = key.lastIndexOf('.');
        String cluster = decode(key.substring("enforcement.".length(), dot));
        Feature f = Feature.valueOf(key.substring(dot + 1));
        since.computeIfAbsent(cluster, k -> new EnumMap<>(Feature.class))
            .put(f, Instant.parse(p.getProperty(key)));
      }
    }
    return new LicenseState(mode, a.build(), trials, earlier, since);
  }

  @Override
  public synchronized void save(LicenseState state) {
    Objects.requireNonNull(state, "state == null");
    lock.ensureHeld();
    Map<String, String> m = new TreeMap<>();
    m.put("mode", state.mode().name());
    for (AllocationType t : AllocationType.values()) {
      state.allocations().findAllocated(t)
          .ifPresent(v -> m.put("allocation." + t.name(), Long.toString(v)));
    }
    m.put("customization.license", Boolean.toString(state.allocations().hasCustomizationLicense()));
    m.put("customization.enabled", Boolean.toString(state.allocations().isCustomizationEnabled()));
    for (TrialRecord t : state.trials()) {
      m.put("trial." + t.feature().name() + ".start", t.start().toString());
      m.put("trial." + t.feature().name() + ".clusters", join(t.clusterIds()));
    }
    state.clustersInEarlierTrials()
        .forEach((f, ids) -> m.put("earlierTrialClusters." + f.name(), join(ids)));
    state.enforcementSince().forEach((cluster, byFeature) -> byFeature.forEach(
        (f, at) -> m.put("enforcement." + encode(cluster) + "." + f.name(), at.toString())));
    StringBuilder sb = new StringBuilder("# mm-licensing state; written atomically\n");
    m.forEach((k, v) -> sb.append(k).append('=').append(v).append('\n'));
    try {
      AtomicFiles.write(file, sb.toString().getBytes(StandardCharsets.UTF_8));
    } catch (UncheckedIOException e) {
      IOException cause = e.getCause();
      throw new LicenseStoreException("Cannot save the license state to " + file + ": "
          + cause.getMessage() + ". The previous state is kept; check disk space and permissions.",
          cause);
    }
  }

  private static String join(Set<String> ids) {
    List<String> sorted = new ArrayList<>(ids);
    sorted.sort(null);
    List<String> enc = new ArrayList<>();
    for (String s : sorted) {
      enc.add(encode(s));
    }
    return String.join(",", enc);
  }

  private static Set<String> ids(String v) {
    Set<String> out = new LinkedHashSet<>();
    for (String s : v.split(",")) {
      if (!s.isEmpty()) {
        out.add(decode(s));
      }
    }
    return out;
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }
}
