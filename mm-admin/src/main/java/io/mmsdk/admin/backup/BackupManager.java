package io.mmsdk.admin.backup;

import io.mmsdk.admin.access.AccessControl;
import io.mmsdk.admin.access.AccessDeniedException;
import io.mmsdk.admin.access.Action;
import io.mmsdk.admin.access.Decision;
import io.mmsdk.admin.access.Resource;
import io.mmsdk.admin.user.PassphraseDictionary;
import io.mmsdk.admin.user.PasswordHash;
import io.mmsdk.admin.user.Session;
import io.mmsdk.admin.user.UserCodec;
import io.mmsdk.admin.user.UserData;
import io.mmsdk.admin.user.UserService;
import io.mmsdk.common.store.AtomicFiles;
import io.mmsdk.common.time.Scheduler;
import io.mmsdk.core.backup.BackupPart;
import io.mmsdk.core.backup.BackupSection;
import io.mmsdk.core.cluster.Cluster;
import io.mmsdk.core.cluster.ClusterCodec;
import io.mmsdk.core.cluster.ClusterRegistry;
import io.mmsdk.core.internal.Props;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Creates and restores password-encrypted backups.
 *
 * <p>File format: the 8 ASCII bytes {@code MMSDKBK1}, the PBKDF2 iteration count (4 bytes, big
 * endian), a 16-byte random salt and a 12-byte random nonce, then the AES-256-GCM ciphertext with
 * its 16-byte tag. The key is PBKDF2-HMAC-SHA256(password, salt, iterations); the whole header is
 * authenticated data, so changing any byte of the file makes the restore fail.
 *
 * <p>A restore decrypts and validates everything before it changes anything; a wrong password, a
 * changed file or invalid content is a {@link BackupException} and leaves the SDK as it was. When
 * the restoring administrator is a local user, their account is kept (added or updated). Only
 * administrators may back up or restore. Both operations are audited.
 *
 * <p>Thread-safe.
 */
public final class BackupManager {
  private static final byte[] MAGIC = "MMSDKBK1".getBytes(StandardCharsets.US_ASCII);
  private static final int HEADER = MAGIC.length + 4 + 16 + 12;

  /**
   * The most PBKDF2 iterations a backup may ask for (about 3× the default). The count is read from
   * the file before its integrity can be checked, so without a bound a crafted header could make
   * every restore attempt spend minutes deriving a key.
   */
  public static final int MAX_ITERATIONS = 2_000_000;

  private final ClusterRegistry registry;
  private final UserService users;
  private final Scheduler scheduler;
  private final SecureRandom random;
  private final int iterations;
  private final java.util.Map<String, BackupSection> sections =
      new java.util.concurrent.ConcurrentHashMap<>();

  private BackupManager(ClusterRegistry registry, UserService users, Scheduler scheduler, SecureRandom random, int iterations) {
    this.registry = registry;
    this.users = users;
    this.scheduler = scheduler;
    this.random = random;
    this.iterations = iterations;
  }

  /**
   * {@return a manager for the registry and users, with 600 000 PBKDF2 iterations}
   *
   * @param registry the cluster registry to back up and restore
   * @param users the user service holding local users and sessions
   * @param scheduler its clock stamps the backups
   */
  public static BackupManager create(ClusterRegistry registry, UserService users, Scheduler scheduler) {
    return create(registry, users, scheduler, PasswordHash.DEFAULT_ITERATIONS);
  }

  /**
   * {@return a manager with a custom PBKDF2 iteration count (10 000 to {@link #MAX_ITERATIONS})}
   *
   * @param registry the cluster registry to back up and restore
   * @param users the user service holding local users and sessions
   * @param scheduler its clock stamps the backups
   * @param iterations the PBKDF2 iterations that derive the key from the password
   * @throws IllegalArgumentException if {@code iterations} is out of range
   */
  public static BackupManager create(ClusterRegistry registry, UserService users, Scheduler scheduler, int iterations) {
    Objects.requireNonNull(registry, "registry == null");
    Objects.requireNonNull(users, "users == null");
    Objects.requireNonNull(scheduler, "scheduler == null");
    if (iterations < PasswordHash.MIN_ITERATIONS || iterations > MAX_ITERATIONS) {
      throw new IllegalArgumentException("iterations " + iterations + " is outside " + PasswordHash.MIN_ITERATIONS
          + ".." + MAX_ITERATIONS);
    }
    return new BackupManager(registry, users, scheduler, new SecureRandom(), iterations);
  }

  /**
   * Adds a setting held by another module to every backup from now on; a restore of its {@link
   * BackupSection#part() part} brings it back (backups without it leave it as it is).
   *
   * @param section the setting to include, with a unique name and its part
   * @return this manager
   * @throws IllegalArgumentException if a section of that name was added already
   */
  public BackupManager addSection(BackupSection section) {
    Objects.requireNonNull(section, "section == null");
    if (sections.putIfAbsent(section.name(), section) != null) {
      throw new IllegalArgumentException("A backup section named '" + section.name()
          + "' is already added; give each section a unique name.");
    }
    return this;
  }

  /**
   * {@return an encrypted backup of configuration and database, protected by {@code password}}
   *
   * @param actor an administrator's live session
   * @param password the backup password, not empty; needed again to restore
   * @throws IllegalArgumentException if {@code password} is empty
   * @throws AccessDeniedException if {@code actor} may not back up
   */
  public byte[] create(Session actor, String password) {
    Objects.requireNonNull(password, "password == null");
    if (password.isEmpty()) {
      throw new IllegalArgumentException("The backup password is empty; choose a password and keep it safe.");
    }
    requireAdmin(actor);
    UserData data = users.exportData();
    Props doc = Props.create().put("format", 1).put("createdAt", scheduler.now()).put("createdBy", actor.username());
    doc.putSection("config", Props.parse(UserCodec.encodeConfig(data)));
    doc.putSection("db.users", Props.parse(UserCodec.encodeUsers(data.users())));
    doc.putSection("db.clusters", Props.parse(ClusterCodec.encode(registry.clusters())));
    data.findDictionary().ifPresent(d -> doc.put("db.dictionary", new String(d.toBytes(), StandardCharsets.UTF_8)));
    sections.values().forEach(x -> doc.put("ext." + x.name(), x.export()));
    byte[] plain = doc.toBytes();
    byte[] salt = new byte[16];
    byte[] nonce = new byte[12];
    random.nextBytes(salt);
    random.nextBytes(nonce);
    ByteBuffer header = ByteBuffer.allocate(HEADER).put(MAGIC).putInt(iterations).put(salt).put(nonce);
    byte[] out;
    try {
      Cipher c = cipher(Cipher.ENCRYPT_MODE, password, salt, iterations, nonce);
      c.updateAAD(header.array());
      byte[] sealed = c.doFinal(plain);
      out = ByteBuffer.allocate(HEADER + sealed.length).put(header.array()).put(sealed).array();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is not available in this JVM", e);
    } finally {
      Arrays.fill(plain, (byte) 0);
    }
    users.audit().record(actor.username(), "backup.create", "backup", data.users().size() + " local users, "
        + registry.clusters().size() + " clusters");
    return out;
  }

  /**
   * Writes an encrypted backup to {@code file} atomically.
   *
   * @param actor an administrator's live session
   * @param password the backup password, not empty
   * @param file the file to write; replaced if it exists
   * @throws BackupException if the file cannot be written
   */
  public void write(Session actor, String password, Path file) {
    Objects.requireNonNull(file, "file == null");
    byte[] bytes = create(actor, password);
    try {
      AtomicFiles.write(file, bytes);
    } catch (UncheckedIOException e) {
      throw new BackupException(BackupException.Reason.IO, "Could not write backup " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Restores {@code parts} from the backup file {@code file}.
   *
   * @param actor an administrator's live session
   * @param file the backup file to read
   * @param password the password the backup was made with
   * @param parts what to restore: configuration, database or both
   * @return what was restored, from which backup, and what is now present
   * @throws BackupException if the file cannot be read, or as for {@link #restore(Session, byte[],
   *     String, Set)}
   */
  public RestoreResult restore(Session actor, Path file, String password, Set<BackupPart> parts) {
    Objects.requireNonNull(file, "file == null");
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new BackupException(BackupException.Reason.IO, "Could not read backup " + file + ": " + e.getMessage(), e);
    }
    return restore(actor, bytes, password, parts);
  }

  /**
   * Restores {@code parts} (configuration, database or both) from {@code backup}.
   *
   * @param actor an administrator's live session
   * @param backup the backup's bytes, as {@link #create} made them
   * @param password the password the backup was made with
   * @param parts what to restore: configuration, database or both
   * @return what was restored, from which backup, and what is now present
   * @throws IllegalArgumentException if {@code parts} is empty
   * @throws BackupException if the file is not a backup, the password is wrong, the file was
   *     changed, or its content is invalid; nothing is changed then
   * @throws AccessDeniedException if {@code actor} may not restore
   */
  public RestoreResult restore(Session actor, byte[] backup, String password, Set<BackupPart> parts) {
    Objects.requireNonNull(backup, "backup == null");
    Objects.requireNonNull(password, "password == null");
    Objects.requireNonNull(parts, "parts == null");
    if (parts.isEmpty()) {
      throw new IllegalArgumentException("Choose what to restore: CONFIGURATION, DATABASE or both.");
    }
    requireAdmin(actor);
    byte[] plain = decrypt(backup, password);
    boolean config = parts.contains(BackupPart.CONFIGURATION);
    boolean db = parts.contains(BackupPart.DATABASE);
    UserData restored;
    java.util.Map<BackupSection, String> extra = new java.util.LinkedHashMap<>();
    List<Cluster> clusters;
    Instant createdAt;
    String createdBy;
    try {
      Props doc = Props.parse(plain);
      if (doc.getInt("format", -1) != 1) {
        throw new IllegalArgumentException("unsupported content format " + doc.get("format"));
      }
      createdAt = Instant.parse(doc.require("createdAt"));
      createdBy = doc.require("createdBy");
      UserData cfg = UserCodec.decodeConfig(doc.section("config").toBytes());
      String dict = doc.get("db.dictionary");
      restored = new UserData(UserCodec.decodeUsers(doc.section("db.users").toBytes()),
          dict == null ? null : PassphraseDictionary.parse(dict.getBytes(StandardCharsets.UTF_8)),
          cfg.passwordPolicy(), cfg.signInPolicy(), cfg.ldapSettings(), cfg.ldapGroups(),
          cfg.ldapUserTags(), cfg.retainedLdapGroupTags());
      clusters = ClusterCodec.decode(doc.section("db.clusters").toBytes());
      for (BackupSection x : sections.values()) {
        String content = doc.get("ext." + x.name());
        if (content != null && parts.contains(x.part())) {
          x.validate(content);
          extra.put(x, content);
        }
      }
    } catch (RuntimeException e) {
      throw new BackupException(BackupException.Reason.INVALID_CONTENT,
          "The backup decrypted but its content is invalid (" + e.getMessage() + "); nothing was restored.", e);
    }
    List<Cluster> before = registry.clusters();
    if (db) {
      registry.replaceAll(clusters);
    }
    try {
      users.importData(actor, restored, config, db);
    } catch (RuntimeException e) {
      if (db) {
        registry.replaceAll(before);
      }
      throw e;
    }
    extra.forEach(BackupSection::restore);
    EnumSet<BackupPart> done = EnumSet.copyOf(parts);
    users.audit().record(actor.username(), "backup.restore", "backup", "restored " + done + " from backup of "
        + createdAt + " by " + createdBy);
    return new RestoreResult(done, createdAt, createdBy, registry.clusters().size(), users.localUsers().size());
  }

  private byte[] decrypt(byte[] backup, String password) {
    if (backup.length < HEADER + 16 || !Arrays.equals(Arrays.copyOf(backup, MAGIC.length), MAGIC)) {
      throw new BackupException(BackupException.Reason.NOT_A_BACKUP,
          "This is not an mm-sdk backup file (wrong header or too short); choose a file written by BackupManager.", null);
    }
    ByteBuffer b = ByteBuffer.wrap(backup);
    b.position(MAGIC.length);
    int it = b.getInt();
    if (it < PasswordHash.MIN_ITERATIONS || it > MAX_ITERATIONS) {
      // Checked before deriving the key: the count is not authenticated until the key exists.
      throw new BackupException(BackupException.Reason.WRONG_PASSWORD_OR_TAMPERED,
          "The backup header was changed (iteration count " + it + ", expected " + PasswordHash.MIN_ITERATIONS
              + " to " + MAX_ITERATIONS + "); the file cannot be trusted. Nothing was restored.", null);
    }
    byte[] salt = new byte[16];
    byte[] nonce = new byte[12];
    b.get(salt).get(nonce);
    try {
      Cipher c = cipher(Cipher.DECRYPT_MODE, password, salt, it, nonce);
      c.updateAAD(backup, 0, HEADER);
      return c.doFinal(backup, HEADER, backup.length - HEADER);
    } catch (AEADBadTagException e) {
      throw new BackupException(BackupException.Reason.WRONG_PASSWORD_OR_TAMPERED,
          "The backup password is wrong, or the file was changed after it was written. Nothing was restored.", e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is not available in this JVM", e);
    }
  }

  private static Cipher cipher(int mode, String password, byte[] salt, int iterations, byte[] nonce)
      throws GeneralSecurityException {
    char[] chars = password.toCharArray();
    PBEKeySpec spec = new PBEKeySpec(chars, salt, iterations, 256);
    byte[] key = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
    try {
      Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
      c.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nonce));
      return c;
    } finally {
      spec.clearPassword();
      Arrays.fill(chars, '\0');
      Arrays.fill(key, (byte) 0);
    }
  }

  private void requireAdmin(Session actor) {
    Objects.requireNonNull(actor, "actor == null");
    Session live = users.session(actor.token());
    Decision d = AccessControl.decide(live.principal(), Action.ADMINISTER, new Resource.Administration("backup and restore"));
    if (d.denied()) {
      throw new AccessDeniedException(d);
    }
  }
}
