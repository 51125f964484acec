package io.mmsdk.licensing.smart;

import java.util.concurrent.CompletionStage;

/**
 * Carries requests to the Cisco Smart Software Manager. The SDK has no implementation that talks to
 * Cisco: a host application provides one (and tests use a scripted one). The stage may complete
 * late or never; {@link SmartLicensing} applies its own timeouts and retries.
 */
@FunctionalInterface
public interface SmartLicensingTransport {
  /**
   * Sends {@code request}; the stage completes with the answer or fails if sending failed.
   *
   * @param request what to ask Cisco SSM; not null
   * @return a stage completed with SSM's answer (which may be a refusal), or failed if nothing was
   *     answered
   */
  CompletionStage<SmartResponse> send(SmartRequest request);
}
