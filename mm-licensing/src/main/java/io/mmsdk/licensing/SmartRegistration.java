package io.mmsdk.licensing;

import java.util.concurrent.CompletionStage;

/**
 * What {@link LicenseMonitor} needs of this deployment's Smart Licensing registration: whether it
 * is registered, the daily usage report it sends while registered online, and the deregistration
 * that leaving {@link LicensingMode#SMART} triggers. The SDK's implementation is {@link
 * io.mmsdk.licensing.smart.SmartLicensing}; this interface lives here so that the monitor does not
 * depend on the Smart Licensing package, which depends on this one. Implementations are
 * thread-safe.
 */
public interface SmartRegistration {

  /**
   * {@return whether the instance is registered in any way: online, with a license reservation
   * pending, or reserved; false only when unregistered}
   */
  boolean isRegistered();

  /**
   * {@return whether the instance is registered online (with a token), the only state that sends
   * usage reports; a reserved instance has no connection to Cisco SSM}
   */
  boolean isRegisteredOnline();

  /**
   * Sends the daily usage report to Cisco SSM.
   *
   * @param report the day's report; not null
   * @return a stage completed once Cisco SSM accepted the report, or failed with its reason
   * @throws IllegalStateException if the instance is not {@linkplain #isRegisteredOnline()
   *     registered online}
   */
  CompletionStage<?> sendUsageReport(UsageReport report);

  /**
   * Deregisters from Cisco SSM.
   *
   * @return a stage completed once the instance is unregistered, or failed with the reason
   */
  CompletionStage<?> deregister();
}
