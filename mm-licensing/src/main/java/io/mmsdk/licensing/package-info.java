/**
 * mm-licensing: license usage collection, compliance, trials, enforcement and reports for Cisco
 * Meeting Server deployments.
 *
 * <p>Pure calculation: {@link io.mmsdk.licensing.UsageCalculator} (host samples → 5-minute cluster
 * bins → daily peaks), {@link io.mmsdk.licensing.Compliance} (status per feature), {@link
 * io.mmsdk.licensing.Trials}, {@link io.mmsdk.licensing.EnforcementPolicy}, {@link
 * io.mmsdk.licensing.LicenseReports} ({@code license-data.zip}), {@link
 * io.mmsdk.licensing.UtilizationSeries} and {@link io.mmsdk.licensing.UtilizationChart} (SVG).
 * Stateful: {@link io.mmsdk.licensing.LicenseMonitor} collects from every cluster through {@link
 * io.mmsdk.licensing.UsageSource} ({@link io.mmsdk.licensing.CmsUsageSource} over cms-api-client)
 * into a {@link io.mmsdk.licensing.UsageStore} and keeps trials and enforcement clocks in a {@link
 * io.mmsdk.licensing.LicenseStateStore}.
 */
package io.mmsdk.licensing;
