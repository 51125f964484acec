/**
 * Live and recent meetings on Cisco Meeting Server Call Bridges, built on mm-cdr and the REST
 * client: {@link io.mmsdk.meetings.MeetingTracker} keeps meetings and participants from the CDR
 * events of an {@link io.mmsdk.cdr.CdrPipeline} (it is a {@link io.mmsdk.cdr.CdrListener}), and
 * {@link io.mmsdk.meetings.CdrReceiverInstaller} registers a CDR receiver on a Call Bridge
 * ({@code /system/cdrReceivers}). Both live here rather than in mm-cdr so that mm-cdr depends on
 * the kernel alone.
 */
package io.mmsdk.meetings;
