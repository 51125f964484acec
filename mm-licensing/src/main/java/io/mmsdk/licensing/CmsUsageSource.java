package io.mmsdk.licensing;

import io.mmsdk.cms.CmsClient;
import io.mmsdk.cms.CmsObject;
import io.mmsdk.cms.ListOptions;
import io.mmsdk.cms.SystemResource;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A {@link UsageSource} over one Call Bridge's REST API through cms-api-client: {@code
 * /system/MPLicenseUsage/knownHosts}, {@code /system/MPLicenseUsage?hostId&startTime&endTime} (all
 * pages) and {@code /clusterLicensing}. Does not close the client, which stays the caller's.
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
    for (CmsObject h : client.licenseKnownHosts().list()) {
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
    ListOptions options = ListOptions.builder().hostId(hostId).startTime(start).endTime(end)
        .pageSize(USAGE_PAGE_SIZE).build();
    List<UsageSample> out = new ArrayList<>();
    for (CmsObject e : client.licenseUsage().list(options)) {
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
    CmsObject lic = client.read(SystemResource.CLUSTER_LICENSING);
    return "activated".equals(lic.findText("features/callBridge/status").orElse(""))
        || "activated".equals(lic.findText("features/callBridgeNoEncryption/status").orElse(""));
  }

  @Override
  public MultipartyUsage multipartyUsage() {
    return toMultiparty(client.read(SystemResource.MULTIPARTY_LICENSING));
  }

  static MultipartyUsage toMultiparty(CmsObject m) {
    String ts = m.findText("timestamp").orElse("");
    Instant at;
    try {
      at = Instant.parse(ts);
    } catch (DateTimeParseException e) {
      throw new LicenseDataException("multipartyLicensing timestamp '" + ts
          + "' is not an RFC 3339 UTC time such as 2026-01-01T00:00:00Z.", e);
    }
    return new MultipartyUsage(at,
        (long) decimal(m, "callsActive"),
        decimal(m, "weightedCallsActive"),
        (long) decimal(m, "callsWithoutPersonalLicense"),
        decimal(m, "weightedCallsWithoutPersonalLicense"),
        (long) decimal(m, "participantsActive"),
        (long) decimal(m, "personalLicenses"));
  }

  private static double decimal(CmsObject m, String element) {
    String text = m.findText(element).orElse("").strip();
    try {
      return count(text);
    } catch (NumberFormatException e) {
      throw new LicenseDataException("multipartyLicensing <" + element + "> is '" + text
          + "'; expected a non-negative number such as 1.000.", e);
    }
  }

  static UsageSample toSample(String hostId, CmsObject entry) {
    String time = entry.findAttribute("time").orElseThrow(() -> new LicenseDataException(
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

  private static double number(CmsObject entry, LicenseType type, String host, String time) {
    String text = entry.findText(type.cmsName()).orElse("").strip();
    try {
      return count(text);
    } catch (NumberFormatException e) {
      throw new LicenseDataException("MPLicenseUsage <" + type.cmsName() + "> of host " + host
          + " at " + time + " is '" + text + "'; expected a non-negative decimal such as 1.00.", e);
    }
  }

  /** Parses a stripped CMS count: empty is 0, otherwise a finite decimal that is not negative. */
  private static double count(String text) {
    if (text.isEmpty()) {
      return 0;
    }
    double v = Double.parseDouble(text);
    if (!(v >= 0) || Double.isInfinite(v)) {
      throw new NumberFormatException("not a count");
    }
    return v;
  }

  @Override
  public String toString() {
    return "CmsUsageSource[" + client.apiBase() + "]";
  }
}
