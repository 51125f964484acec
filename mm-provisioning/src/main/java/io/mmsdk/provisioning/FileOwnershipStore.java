package io.mmsdk.provisioning;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import io.mmsdk.common.store.AtomicFiles;
import io.mmsdk.common.store.StoreLock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The default {@link OwnershipStore}: a JSON file replaced atomically on every change, guarded by a
 * {@link StoreLock} on {@code <path>.lock} from construction to {@link #close()}. Without a path it
 * keeps everything in memory and takes no lock.
 */
final class FileOwnershipStore implements OwnershipStore {

  /**
   * The JSON layout of the file. Public only because Moshi builds records through its own
   * {@code MethodHandles.Lookup}; the enclosing class keeps it out of the API.
   *
   * @param version layout version, 1
   * @param owned owned objects
   * @param pending in-doubt creates, each with the ids that existed before it
   */
  public record FileContent(int version, List<OwnedObject> owned, Map<String, List<String>> pending) {}

  private static final JsonAdapter<FileContent> ADAPTER =
      new Moshi.Builder().build().adapter(FileContent.class).indent("  ");

  private final Path path;
  private final Map<String, OwnedObject> owned = new TreeMap<>();
  private final Map<String, Set<String>> pending = new TreeMap<>();
  private final StoreLock lock;
  private boolean closed;

  FileOwnershipStore(Path path) {
    this.path = path;
    try {
      this.lock = path == null ? null : StoreLock.acquire(path.resolveSibling(path.getFileName() + ".lock"));
    } catch (UncheckedIOException e) {
      throw new ProvisioningException("Cannot lock ownership file " + path + ": " + e.getCause().getMessage()
          + "; check that the directory is writable", e.getCause());
    }
    try {
      load();
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  private void load() {
    if (path != null && Files.exists(path)) {
      try {
        FileContent c = ADAPTER.fromJson(Files.readString(path, StandardCharsets.UTF_8));
        if (c == null) {
          throw new ProvisioningException("Ownership file " + path + " is empty; restore it from backup");
        }
        if (c.owned() != null) {
          c.owned().forEach(o -> owned.put(o.key(), o));
        }
        if (c.pending() != null) {
          c.pending().forEach((k, v) -> pending.put(k, Set.copyOf(v)));
        }
      } catch (IOException | RuntimeException e) {
        if (e instanceof ProvisioningException p) {
          throw p;
        }
        throw new ProvisioningException("Cannot read ownership file " + path
            + ": " + e.getMessage() + "; fix or restore the file (without it mm-sdk treats its own "
            + "objects as foreign)", e);
      }
    }
  }

  @Override
  public synchronized void close() {
    closed = true;
    if (lock != null) {
      lock.close();
    }
  }

  private void ensureOpen() {
    if (closed) {
      throw new IllegalStateException("The ownership store " + path + " is closed; open a new one.");
    }
  }

  @Override
  public synchronized Map<String, OwnedObject> owned() {
    ensureOpen();
    return Map.copyOf(owned);
  }

  @Override
  public synchronized Map<String, Set<String>> pendingCreates() {
    ensureOpen();
    return Map.copyOf(pending);
  }

  @Override
  public synchronized void markPending(String key, Set<String> existingIds) {
    ensureOpen();
    pending.put(key, Set.copyOf(existingIds));
    save();
  }

  @Override
  public synchronized void put(OwnedObject object) {
    ensureOpen();
    owned.put(object.key(), object);
    pending.remove(object.key());
    save();
  }

  @Override
  public synchronized void forget(String key) {
    ensureOpen();
    owned.remove(key);
    pending.remove(key);
    save();
  }

  private Map<String, List<String>> pendingLists() {
    Map<String, List<String>> out = new TreeMap<>();
    pending.forEach((k, v) -> out.put(k, new ArrayList<>(new TreeSet<>(v))));
    return out;
  }

  private void save() {
    if (path == null) {
      return;
    }
    String json = ADAPTER.toJson(new FileContent(1, new ArrayList<>(owned.values()), pendingLists()));
    try {
      AtomicFiles.write(path, json.getBytes(StandardCharsets.UTF_8));
    } catch (UncheckedIOException e) {
      IOException cause = e.getCause();
      throw new ProvisioningException("Cannot write ownership file " + path + ": " + cause.getMessage()
          + "; check that the directory is writable and has space", cause);
    }
  }
}
