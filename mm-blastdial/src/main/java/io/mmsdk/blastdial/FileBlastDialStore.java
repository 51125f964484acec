package io.mmsdk.blastdial;

import static java.util.Objects.requireNonNull;

import io.mmsdk.common.store.AtomicFiles;
import io.mmsdk.common.store.StoreFiles;
import io.mmsdk.common.store.StoreLock;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * The embedded {@link BlastDialStore}: one small properties file per space and per blast dial in
 * progress under a directory. Every write goes to a temporary file that is forced to disk and then
 * atomically renamed over the old one, so a crash leaves either the old or the new content.
 * Files and new directories are owner-only on POSIX file systems. Thread-safe.
 *
 * <p>The store locks {@code blastdial.lock} in its directory from {@link #open} to {@link #close()}:
 * a second opener, in this or another process, gets a {@link
 * io.mmsdk.common.store.StoreLockedException} naming the holder.
 */
final class FileBlastDialStore implements BlastDialStore {
  private static final String FORMAT = "1";

  private final Path spaces;
  private final Path runs;
  private final Path monitoring;
  private final StoreLock lock;

  private FileBlastDialStore(Path directory) {
    this.spaces = directory.resolve("spaces");
    this.runs = directory.resolve("runs");
    this.monitoring = directory.resolve("monitoring.properties");
    try {
      StoreFiles.createDirectories(directory);
      this.lock = StoreLock.acquire(directory.resolve("blastdial.lock"));
    } catch (IOException | UncheckedIOException e) {
      throw new BlastDialException(
          "Cannot lock the blast dial store directory " + directory
              + "; check that the path is writable by this process",
          e);
    }
    try {
      StoreFiles.createDirectories(spaces);
      StoreFiles.createDirectories(runs);
    } catch (IOException e) {
      lock.close();
      throw new BlastDialException(
          "Cannot create the blast dial store directory " + directory
              + "; check that the path is writable by this process",
          e);
    }
  }

  /**
   * Opens (creating if needed) a store in {@code directory}.
   *
   * @throws io.mmsdk.common.store.StoreLockedException if another store instance holds the directory
   * @throws BlastDialException if the directory cannot be created or locked
   */
  static FileBlastDialStore open(Path directory) {
    return new FileBlastDialStore(requireNonNull(directory, "directory == null"));
  }

  /** Releases the store's lock, so that another instance may open the directory; idempotent. */
  @Override
  public synchronized void close() {
    lock.close();
  }


  @Override
  public synchronized MonitoringSettings monitoring() {
    lock.ensureHeld();
    return read(monitoring)
        .map(
            p ->
                new MonitoringSettings(
                    MonitoringRole.valueOf(p.getProperty("role")),
                    Duration.parse(p.getProperty("secondaryDelay"))))
        .orElse(MonitoringSettings.primary());
  }

  @Override
  public synchronized void saveMonitoring(MonitoringSettings settings) {
    lock.ensureHeld();
    requireNonNull(settings, "settings == null");
    Properties p = new Properties();
    p.setProperty("role", settings.role().name());
    p.setProperty("secondaryDelay", settings.secondaryDelay().toString());
    write(monitoring, p);
  }

  @Override
  public synchronized Optional<SpaceSetup> findSpace(SpaceKey space) {
    lock.ensureHeld();
    requireNonNull(space, "space == null");
    Path f = file(spaces, space.clusterId(), space.spaceId());
    return read(f).map(p -> decode(f, () -> readSpace(space, p)));
  }

  @Override
  public synchronized void saveSpace(SpaceSetup setup) {
    lock.ensureHeld();
    requireNonNull(setup, "setup == null");
    Properties p = header(setup.space());
    BlastDialConfig c = setup.config();
    p.setProperty("enabled", Boolean.toString(c.isEnabled()));
    p.setProperty("retries", Integer.toString(c.retries()));
    p.setProperty("retryDelay", c.retryDelay().toString());
    p.setProperty("audioPrompt", c.audioPrompt().name());
    p.setProperty("contacts", Integer.toString(setup.contacts().size()));
    for (int i = 0; i < setup.contacts().size(); i++) {
      putContact(p, "contact." + i + ".", setup.contacts().get(i));
    }
    write(file(spaces, setup.space().clusterId(), setup.space().spaceId()), p);
  }

  @Override
  public synchronized void saveRun(BlastStatus run) {
    lock.ensureHeld();
    requireNonNull(run, "run == null");
    Properties p = header(run.space());
    p.setProperty("call", run.callId());
    p.setProperty("startedAt", run.startedAt().toString());
    p.setProperty("phase", run.phase().name());
    p.setProperty("contacts", Integer.toString(run.contacts().size()));
    for (int i = 0; i < run.contacts().size(); i++) {
      ContactStatus s = run.contacts().get(i);
      String k = "contact." + i + ".";
      putContact(p, k, s.contact());
      p.setProperty(k + "state", s.state().name());
      p.setProperty(k + "attempts", Integer.toString(s.attempts()));
      if (s.nextRetryAt() != null) {
        p.setProperty(k + "nextRetryAt", s.nextRetryAt().toString());
      }
      if (s.callLegId() != null) {
        p.setProperty(k + "callLeg", s.callLegId());
      }
      if (s.lastResult() != null) {
        p.setProperty(k + "lastResult", s.lastResult());
      }
    }
    write(file(runs, run.space().clusterId(), run.callId()), p);
  }

  @Override
  public synchronized void deleteRun(String clusterId, String callId) {
    lock.ensureHeld();
    try {
      Files.deleteIfExists(file(runs, clusterId, callId));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public synchronized List<BlastStatus> runs() {
    lock.ensureHeld();
    List<BlastStatus> result = new ArrayList<>();
    try (DirectoryStream<Path> dir = Files.newDirectoryStream(runs, "*.properties")) {
      for (Path f : dir) {
        read(f).ifPresent(p -> result.add(decode(f, () -> readRun(p))));
      }
    } catch (IOException e) {
      throw new BlastDialException("Cannot list blast dials in progress in " + runs, e);
    }
    result.sort(java.util.Comparator.comparing(BlastStatus::startedAt));
    return result;
  }

  private static <T> T decode(Path file, java.util.function.Supplier<T> reader) {
    try {
      return reader.get();
    } catch (RuntimeException e) {
      throw new BlastDialException(
          "The blast dial store file " + file + " has missing or malformed values (" + e
              + "); restore it from a backup or delete it to start over",
          e);
    }
  }

  private static SpaceSetup readSpace(SpaceKey space, Properties p) {
    BlastDialConfig config =
        BlastDialConfig.builder()
            .enabled(Boolean.parseBoolean(p.getProperty("enabled")))
            .retries(Integer.parseInt(p.getProperty("retries")))
            .retryDelay(Duration.parse(p.getProperty("retryDelay")))
            .audioPrompt(AudioPromptMode.valueOf(p.getProperty("audioPrompt")))
            .build();
    int n = Integer.parseInt(p.getProperty("contacts"));
    List<Contact> contacts = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      contacts.add(readContact(p, "contact." + i + "."));
    }
    return new SpaceSetup(space, config, contacts);
  }

  private static BlastStatus readRun(Properties p) {
    int n = Integer.parseInt(p.getProperty("contacts"));
    List<ContactStatus> contacts = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      String k = "contact." + i + ".";
      String next = p.getProperty(k + "nextRetryAt");
      contacts.add(
          new ContactStatus(
              readContact(p, k),
              ContactState.valueOf(p.getProperty(k + "state")),
              Integer.parseInt(p.getProperty(k + "attempts")),
              next == null ? null : Instant.parse(next),
              p.getProperty(k + "callLeg"),
              p.getProperty(k + "lastResult")));
    }
    return new BlastStatus(
        SpaceKey.of(p.getProperty("cluster"), p.getProperty("space")),
        p.getProperty("call"),
        Instant.parse(p.getProperty("startedAt")),
        BlastStatus.Phase.valueOf(p.getProperty("phase")),
        contacts);
  }

  /** Starts a space or run file with the keys both carry: format version, cluster and space. */
  private static Properties header(SpaceKey space) {
    Properties p = new Properties();
    p.setProperty("format", FORMAT);
    p.setProperty("cluster", space.clusterId());
    p.setProperty("space", space.spaceId());
    return p;
  }

  private static void putContact(Properties p, String prefix, Contact c) {
    p.setProperty(prefix + "id", c.id());
    p.setProperty(prefix + "name", c.name());
    p.setProperty(prefix + "address", c.address());
    p.setProperty(prefix + "prompt", Boolean.toString(c.promptRequired()));
  }

  private static Contact readContact(Properties p, String prefix) {
    return new Contact(
        p.getProperty(prefix + "id"),
        p.getProperty(prefix + "name"),
        p.getProperty(prefix + "address"),
        Boolean.parseBoolean(p.getProperty(prefix + "prompt")));
  }

  private static Path file(Path dir, String a, String b) {
    HexFormat hex = HexFormat.of();
    return dir.resolve(
        hex.formatHex(a.getBytes(StandardCharsets.UTF_8)) + "_"
            + hex.formatHex(b.getBytes(StandardCharsets.UTF_8)) + ".properties");
  }

  private static Optional<Properties> read(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      Properties p = new Properties();
      p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
      return Optional.of(p);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException | IllegalArgumentException e) {
      throw new BlastDialException(
          "Cannot read the blast dial store file " + file
              + "; restore it from a backup or delete it to start over",
          e);
    }
  }

  private static void write(Path file, Properties p) {
    try {
      StringWriter text = new StringWriter();
      p.store(text, null);
      AtomicFiles.write(file, text.toString().getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw cannotWrite(file, e);
    } catch (UncheckedIOException e) {
      throw cannotWrite(file, e.getCause());
    }
  }

  private static BlastDialException cannotWrite(Path file, IOException cause) {
    return new BlastDialException(
        "Cannot write the blast dial store file " + file
            + "; check free disk space and permissions",
        cause);
  }
}
