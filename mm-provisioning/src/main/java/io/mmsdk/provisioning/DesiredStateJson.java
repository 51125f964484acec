package io.mmsdk.provisioning;

import com.squareup.moshi.FromJson;
import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonEncodingException;
import com.squareup.moshi.Moshi;
import com.squareup.moshi.ToJson;
import io.mmsdk.common.store.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/**
 * Reads and writes {@link DesiredState} as JSON, a file meant to live in git. Durations are
 * ISO-8601
 * ({@code PT30S}), times {@code HH:mm}, zones IANA ids, enums by constant name. Passwords never
 * appear: LDAP servers carry a {@code passwordRef}.
 */
public final class DesiredStateJson {

  private static final JsonAdapter<DesiredState> ADAPTER =
      new Moshi.Builder().add(new TimeAdapters()).build().adapter(DesiredState.class).indent("  ");

  private DesiredStateJson() {}

  /**
   * Parses {@code json}.
   *
   * @param json the desired state as JSON, in the form {@link #toJson} writes; not null
   * @return the desired state (not yet validated: see {@link DesiredState#validate()})
   * @throws ProvisioningException if it is not well-formed or has values of the wrong type, naming
   *     the JSON path
   */
  public static DesiredState fromJson(String json) {
    try {
      DesiredState state = ADAPTER.fromJson(json);
      if (state == null) {
        throw new ProvisioningException("Desired state JSON is null; expected an object such as {\"ldapServers\": []}");
      }
      return state;
    } catch (JsonEncodingException e) {
      throw new ProvisioningException("Desired state JSON is not well-formed: " + e.getMessage(), e);
    } catch (JsonDataException | IOException e) {
      throw new ProvisioningException("Desired state JSON has an unexpected value: " + e.getMessage()
          + "; see docs/mm-provisioning.md for the format", e);
    } catch (ProvisioningException e) {
      throw e;
    } catch (RuntimeException | AssertionError e) {
      // A model constructor rejected a value Moshi passed it (such as a null list element); Moshi's
      // record adapter reports that as an AssertionError wrapping the constructor's exception.
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      throw new ProvisioningException("Desired state JSON has an invalid value (" + cause.getMessage()
          + "); lists must not contain null and required fields must be set; see docs/mm-provisioning.md"
          + " for the format", cause);
    }
  }

  /**
   * {@return {@code state} as indented JSON}
   *
   * @param state the desired state; secrets appear only as references, never as values
   */
  public static String toJson(DesiredState state) {
    return ADAPTER.toJson(state) + "\n";
  }

  /**
   * Reads a desired-state file.
   *
   * @param path the JSON file to read, as {@link #write} writes it
   * @return the desired state (not yet validated)
   * @throws ProvisioningException if the file cannot be read or does not parse, naming the file
   */
  public static DesiredState read(Path path) {
    try {
      return fromJson(Files.readString(path, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new ProvisioningException("Cannot read desired state file " + path + ": " + e.getMessage(), e);
    }
  }

  /**
   * Writes a desired-state file atomically (temp file forced to disk, then atomic rename; see
   * {@link AtomicFiles#write}).
   *
   * @param state the desired state to write
   * @param path the file to replace; its directory must exist
   * @throws ProvisioningException if the file cannot be written; the old file is then kept
   */
  public static void write(DesiredState state, Path path) {
    try {
      AtomicFiles.write(path, toJson(state).getBytes(StandardCharsets.UTF_8));
    } catch (UncheckedIOException e) {
      IOException cause = e.getCause();
      throw new ProvisioningException("Cannot write desired state file " + path + ": " + cause.getMessage(), cause);
    }
  }

  /** Moshi adapters for java.time values. */
  static final class TimeAdapters {
    @ToJson
    String durationToJson(Duration d) {
      return d.toString();
    }

    @FromJson
    Duration durationFromJson(String s) {
      try {
        return Duration.parse(s);
      } catch (DateTimeParseException e) {
        throw new JsonDataException("'" + s + "' is not an ISO-8601 duration such as PT30S");
      }
    }

    @ToJson
    String timeToJson(LocalTime t) {
      return t.toString();
    }

    @FromJson
    LocalTime timeFromJson(String s) {
      try {
        return LocalTime.parse(s);
      } catch (DateTimeParseException e) {
        throw new JsonDataException("'" + s + "' is not a time of day such as 02:30");
      }
    }

    @ToJson
    String zoneToJson(ZoneId z) {
      return z.getId();
    }

    @FromJson
    ZoneId zoneFromJson(String s) {
      try {
        return ZoneId.of(s);
      } catch (RuntimeException e) {
        throw new JsonDataException("'" + s + "' is not a time zone id such as Europe/Oslo");
      }
    }
  }
}
