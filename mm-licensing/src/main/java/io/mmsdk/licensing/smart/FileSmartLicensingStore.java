package io.mmsdk.licensing.smart;

import io.mmsdk.licensing.smart.SmartLicensingStatus.Authorization;
import io.mmsdk.licensing.smart.SmartLicensingStatus.Registration;
import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Properties;

/** Stores the Smart Licensing status as a small key=value file, replaced atomically. */
final class FileSmartLicensingStore implements SmartLicensingStore {
  private static final String NAME = "smart-licensing.properties";
  private final Path dir;
  private final Path file;

  FileSmartLicensingStore(Path dir) {
    this.dir = Objects.requireNonNull(dir, "directory == null");
    this.file = dir.resolve(NAME);
  }

  @Override
  public synchronized SmartLicensingStatus load() {
    try {
      Properties p = new Properties();
      p.load(new StringReader(Files.readString(file, StandardCharsets.UTF_8)));
      return new SmartLicensingStatus(
          Registration.valueOf(p.getProperty("registration")),
          Authorization.valueOf(p.getProperty("authorization")),
          instant(p.getProperty("lastAuthorizationRenewal")),
          instant(p.getProperty("registeredAt")),
          Boolean.parseBoolean(p.getProperty("confirmationCodePending")));
    } catch (NoSuchFileException e) {
      return SmartLicensingStatus.UNREGISTERED;
    } catch (IOException | IllegalArgumentException | NullPointerException
        | DateTimeParseException e) {
      throw new SmartLicensingException("The Smart Licensing state file " + file
          + " cannot be read (" + e + "). Restore it from a backup, or delete it and register"
          + " again.", false, e);
    }
  }

  private static Instant instant(String v) {
    return v == null || v.isEmpty() ? null : Instant.parse(v);
  }

  @Override
  public synchronized void save(SmartLicensingStatus s) {
    Objects.requireNonNull(s, "status == null");
    String text = "registration=" + s.registration().name() + "\n"
        + "authorization=" + s.authorization().name() + "\n"
        + "lastAuthorizationRenewal=" + s.findLastAuthorizationRenewal().map(Instant::toString)
            .orElse("") + "\n"
        + "registeredAt=" + s.findRegisteredAt().map(Instant::toString).orElse("") + "\n"
        + "confirmationCodePending=" + s.confirmationCodePending() + "\n";
    Path tmp = dir.resolve(NAME + ".tmp");
    try {
      Files.createDirectories(dir);
      try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE,
          StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
        ByteBuffer buf = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
        while (buf.hasRemaining()) {
          ch.write(buf);
        }
        ch.force(true);
      }
      try {
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new SmartLicensingException("Cannot save the Smart Licensing state to " + file + ": "
          + e.getMessage() + ". Check disk space and permissions.", false, e);
    }
  }
}
