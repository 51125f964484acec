/**
 * Smart Licensing registration and license reservation (SLR/PLR) workflows as a state machine over
 * a {@link io.mmsdk.licensing.smart.SmartLicensingTransport}. There is no real Cisco Smart Software
 * Manager in this SDK: a host application supplies the transport.
 */
package io.mmsdk.licensing.smart;
