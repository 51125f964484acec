package io.mmsdk.licensing;

import io.mmsdk.cms.CmsClient;
import io.mmsdk.cms.api.ClusterLicensing;
import io.mmsdk.cms.api.ClusterLicensingStatus;
import io.mmsdk.cms.api.LicenseKnownHost;
import io.mmsdk.cms.api.LicenseUsageEntry;
import io.mmsdk.cms.api.LicenseUsageEntryListOptions;
import io.mmsdk.cms.api.MultipartyLicensing;
import io.mmsdk.common.MmSdkException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A {@link UsageSource} over one Call Bridge's REST API through cms-api-client's typed API: {@code
 * /system/MPLicenseUsage/knownHosts}, {@code /system/MPLicenseUsage?hostId&startTime&endTime} (all
 * pages), {@code /system/multipartyLicensing} and {@code /clusterLicensing}. Does not close the
 * client, which stays the caller's.
 */
public final class CmsUsageSource implements UsageSource {
  static final int USAGE_PAGE_SIZE = 1000;
  private final CmsClient client;

  private CmsUsageSource(CmsClient client) {
    this.client = client;
  }

  /**
   * {@return a source reading through {@code client}}
   *
   * @param client a client of the Call Bridge to read {@code MPLicenseUsage} from; not null
   */
  public static CmsUsageSource create(CmsClient client) {
    return new CmsUsageSource(Objects.requireNonNull(client, "client == null"));
  }

  @Override
  public List<String> knownHosts() {
    List<String> hosts = new ArrayList<>();
    for (LicenseKnownHost h : client.api().licenseKnownHosts().list()) {
      if (!h.id().isEmpty()) {
        hosts.add(h.id());
      }
    }
    return hosts;
  }

  @Override
  public List<UsageSample> usage(String hostId, Instant start, Instant end) {
    Objects.requireNonNull(hostId, "hostId == null");
    Objects.requireNonNull(start, "start == null");
    Objects.requireNonNull(end, "end == null");
    // A 90-day backfill is ~26,000 entries per host: ask for large pages (the server may cap them;
    // paging advances by the items actually received).
    LicenseUsageEntryListOptions options = LicenseUsageEntryListOptions.builder().hostId(hostId)
        .startTime(start.toString()).endTime(end.toString()).pageSize(USAGE_PAGE_SIZE).build();
    List<UsageSample> out = new ArrayList<>();
    for (LicenseUsageEntry e : client.api().licenseUsage().list(options)) {
      out.add(toSample(hostId, e));
    }
    return out;
  }

  /**
   * Returns true if {@code /clusterLicensing} reports {@code callBridge} or {@code
   * callBridgeNoEncryption} as {@code activated}.
   */
  @Override
  public boolean hasActivation() {
    ClusterLicensing lic = client.api().clusterLicensing();
    return lic.featuresCallBridgeStatus().orElse(null) == ClusterLicensingStatus.ACTIVATED
        || lic.featuresCallBridgeNoEncryptionStatus().orElse(null) == ClusterLicensingStatus.ACTIVATED;
  }

  @Override
  public MultipartyUsage multipartyUsage() {
    return toMultiparty(client.api().multipartyLicensing());
  }

  static MultipartyUsage toMultiparty(MultipartyLicensing m) {
    String ts = m.timestamp().orElse("");
    Instant at;
    try {
      at = Instant.parse(ts);
    } catch (DateTimeParseException e) {
      throw new LicenseDataException("multipartyLicensing timestamp '" + ts
          + "' is not an RFC 3339 UTC time such as 2026-01-01T00:00:00Z.", e);
    }
    return new MultipartyUsage(at,
        (long) count("callsActive", () -> m.callsActive().map(BigDecimal::valueOf)),
        count("weightedCallsActive", m::weightedCallsActive),
        (long) count("callsWithoutPersonalLicense",
            () -> m.callsWithoutPersonalLicense().map(BigDecimal::valueOf)),
        count("weightedCallsWithoutPersonalLicense", m::weightedCallsWithoutPersonalLicense),
        (long) count("participantsActive", () -> m.participantsActive().map(BigDecimal::valueOf)),
        (long) count("personalLicenses", () -> m.personalLicenses().map(BigDecimal::valueOf)));
  }

  /** Reads one typed multipartyLicensing count; {@code what} names it in the error. */
  private static double count(String what, Supplier<Optional<BigDecimal>> value) {
    try {
      return count(value.get());
    } catch (MmSdkException | NumberFormatException e) {
      throw new LicenseDataException("multipartyLicensing " + what + " is not a count: "
          + e.getMessage() + "; expected a non-negative number such as 1.000.", e);
    }
  }

  static UsageSample toSample(String hostId, LicenseUsageEntry entry) {
    // The entry's time is an attribute, which the API model does not describe.
    String time = entry.raw().findAttribute("time").orElseThrow(() -> new LicenseDataException(
        "An MPLicenseUsage entry of host " + hostId + " has no time attribute; expected"
            + " <entry time=\"2026-01-01T00:00:00Z\">."));
    Instant at;
    try {
      at = Instant.parse(time);
    } catch (DateTimeParseException e) {
      throw new LicenseDataException("MPLicenseUsage entry time '" + time + "' of host " + hostId
          + " is not an RFC 3339 UTC time such as 2026-01-01T00:00:00Z.", e);
    }
    return new UsageSample(hostId, at, new UsageValues(
        number(entry, LicenseType.PMP, hostId, time),
        number(entry, LicenseType.SMP_AUDIO_ONLY, hostId, time),
        number(entry, LicenseType.SMP_POINT_TO_POINT, hostId, time),
        number(entry, LicenseType.SMP_FULL, hostId, time),
        number(entry, LicenseType.RECORDING, hostId, time),
        number(entry, LicenseType.STREAMING, hostId, time)));
  }

  private static double number(LicenseUsageEntry entry, LicenseType type, String host, String time) {
    try {
      return count(switch (type) {
        case PMP -> entry.pmp();
        case SMP_AUDIO_ONLY -> entry.smpAud();
        case SMP_POINT_TO_POINT -> entry.smpPtP();
        case SMP_FULL -> entry.smpFull();
        case RECORDING -> entry.rec();
        case STREAMING -> entry.str();
      });
    } catch (MmSdkException | NumberFormatException e) {
      throw new LicenseDataException("MPLicenseUsage <" + type.cmsName() + "> of host " + host
          + " at " + time + " is not a count: " + e.getMessage()
          + "; expected a non-negative decimal such as 1.00.", e);
    }
  }

  /** A CMS count: absent or empty is 0, otherwise a decimal that is not negative. */
  private static double count(Optional<BigDecimal> value) {
    if (value.isEmpty()) {
      return 0;
    }
    if (value.get().signum() < 0) {
      throw new NumberFormatException(value.get() + " is negative");
    }
    return value.get().doubleValue();
  }

  @Override
  public String toString() {
    return "CmsUsageSource[" + client.apiBase() + "]";
  }
}
