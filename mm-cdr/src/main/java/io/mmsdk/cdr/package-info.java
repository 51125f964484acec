/**
 * Receives Call Detail Records pushed by Cisco Meeting Server Call Bridges, parses them into typed
 * immutable records, stores them durably and delivers them once to listeners.
 *
 * <p>Entry points: {@link io.mmsdk.cdr.CdrParser} (XML to {@link io.mmsdk.cdr.CdrBatch}),
 * {@link io.mmsdk.cdr.CdrPipeline} (de-duplication, gaps, journal, listeners), and
 * {@link io.mmsdk.cdr.CdrHandler} and {@link io.mmsdk.cdr.CdrHttpServer} (the receiver). Meetings
 * built from the records ({@code MeetingTracker}, a {@link io.mmsdk.cdr.CdrListener}) and
 * registering the receiver on Call Bridges ({@code CdrReceiverInstaller}) are mm-meetings', so
 * that this module needs no REST client. Implementation classes are package-private.
 */
package io.mmsdk.cdr;
