/**
 * Live and recent meetings on Cisco Meeting Server Call Bridges, built on mm-cdr and the REST
 * client. Today it holds {@link io.mmsdk.meetings.CdrReceiverInstaller}, which registers a CDR
 * receiver on a Call Bridge ({@code /system/cdrReceivers}); it lives here rather than in mm-cdr so
 * that mm-cdr depends on the kernel alone.
 */
package io.mmsdk.meetings;
