package io.mmsdk.licensing.smart;

import io.mmsdk.common.store.AtomicFiles;
import io.mmsdk.common.store.StoreLock;
import io.mmsdk.licensing.AllocationType;
import io.mmsdk.licensing.smart.SmartLicensingStatus.Authorization;
import io.mmsdk.licensing.smart.SmartLicensingStatus.Registration;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;

/**
 * Stores the Smart Licensing status as a small key=value file, replaced atomically. Guarded by a
 * {@link StoreLock} on {@code smart-licensing.properties.lock} from construction to {@link
 * #close()}.
 */
final class FileSmartLicensingStore implements SmartLicensingStore {
  private static final String NAME = "smart-licensing.properties";
  private final Path file;
  private final StoreLock lock;

  FileSmartLicensingStore(Path dir) {
    this.file = Objects.requireNonNull(dir, "directory == null").resolve(NAME);
    try {
      this.lock = StoreLock.acquire(dir.resolve(NAME + ".lock"));
    } catch (UncheckedIOException e) {
      throw new SmartLicensingException("Cannot lock the Smart Licensing state in " + dir + ": "
          + e.getCause().getMessage() + ". Check the directory is writable.", false, e.getCause());
    }
  }

  @Override
  public synchronized void close() {
    lock.close();
  }


  @Override
  public synchronized SmartLicensingStatus load() {
    lock.ensureHeld();
    try {
      Properties p = new Properties();
      p.load(new StringReader(Files.readString(file, StandardCharsets.UTF_8)));
      return new SmartLicensingStatus(
          Registration.valueOf(p.getProperty("registration")),
          Authorization.valueOf(p.getProperty("authorization")),
          instant(p.getProperty("lastAuthorizationRenewal")),
          instant(p.getProperty("registeredAt")),
          Boolean.parseBoolean(p.getProperty("confirmationCodePending")),
          reservation(p));
    } catch (NoSuchFileException e) {
      return SmartLicensingStatus.UNREGISTERED;
    } catch (IOException | IllegalArgumentException | NullPointerException
        | DateTimeParseException e) {
      throw new SmartLicensingException("The Smart Licensing state file " + file
          + " cannot be read (" + e + "). Restore it from a backup, or delete it and register"
          + " again.", false, e);
    }
  }

  private static Reservation reservation(Properties p) {
    String variant = p.getProperty("reservation", "");
    if (variant.isEmpty()) {
      return null;
    }
    Map<AllocationType, Long> reserved = new EnumMap<>(AllocationType.class);
    for (AllocationType t : AllocationType.values()) {
      String n = p.getProperty("reserved." + t.name());
      if (n != null) {
        reserved.put(t, Long.parseLong(n));
      }
    }
    return new Reservation(Reservation.Variant.valueOf(variant), reserved);
  }

  private static Instant instant(String v) {
    return v == null || v.isEmpty() ? null : Instant.parse(v);
  }

  private static String reservationLines(Reservation r) {
    StringBuilder b = new StringBuilder("reservation=").append(r.variant().name()).append('\n');
    r.reserved().forEach((t, n) -> b.append("reserved.").append(t.name()).append('=').append(n)
        .append('\n'));
    return b.toString();
  }

  @Override
  public synchronized void save(SmartLicensingStatus s) {
    Objects.requireNonNull(s, "status == null");
    lock.ensureHeld();
    String text = "registration=" + s.registration().name() + "\n"
        + "authorization=" + s.authorization().name() + "\n"
        + "lastAuthorizationRenewal=" + s.findLastAuthorizationRenewal().map(Instant::toString)
            .orElse("") + "\n"
        + "registeredAt=" + s.findRegisteredAt().map(Instant::toString).orElse("") + "\n"
        + "confirmationCodePending=" + s.confirmationCodePending() + "\n"
        + s.findReservation().map(FileSmartLicensingStore::reservationLines).orElse("");
    try {
      AtomicFiles.write(file, text.getBytes(StandardCharsets.UTF_8));
    } catch (UncheckedIOException e) {
      IOException cause = e.getCause();
      throw new SmartLicensingException("Cannot save the Smart Licensing state to " + file + ": "
          + cause.getMessage() + ". Check disk space and permissions.", false, cause);
    }
  }
}
