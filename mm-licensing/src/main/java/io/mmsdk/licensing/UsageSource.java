package io.mmsdk.licensing;

import java.time.Instant;
import java.util.List;

/**
 * Reads license usage from one Call Bridge. Tests and host applications may supply their own.
 * Methods throw any unchecked
 * exception when the bridge cannot be reached; {@link LicenseMonitor} then moves on to the next
 * bridge and raises a notification.
 */
public interface UsageSource {

  /**
   * {@return the host ids whose snapshots this bridge serves ({@code MPLicenseUsage/knownHosts})}
   */
  List<String> knownHosts();

  /**
   * {@return the snapshots of {@code hostId} with {@code start <= time <= end} ({@code
   * MPLicenseUsage?hostId&startTime&endTime}, all pages), in any order}
   *
   * @param hostId the Call Bridge host id, as in {@code /system/status}
   * @param start the earliest snapshot time wanted, inclusive
   * @param end the latest snapshot time wanted, inclusive
   */
  List<UsageSample> usage(String hostId, Instant start, Instant end);

  /**
   * {@return true if this Call Bridge has an activation ({@code callBridge} or {@code
   * callBridgeNoEncryption} activated in its licensing status)}
   */
  boolean hasActivation();

  /** {@return the bridge's current multiparty license use ({@code /system/multipartyLicensing})} */
  MultipartyUsage multipartyUsage();
}
