/**
 * Receives Call Detail Records pushed by Cisco Meeting Server Call Bridges, parses them into typed
 * immutable records, stores them durably, delivers them once to listeners and tracks live meetings.
 *
 * <p>Entry points: {@link io.mmsdk.cdr.CdrParser} (XML to {@link io.mmsdk.cdr.CdrBatch}),
 * {@link io.mmsdk.cdr.CdrPipeline} (de-duplication, gaps, journal, listeners),
 * {@link io.mmsdk.cdr.CdrHandler} and {@link io.mmsdk.cdr.CdrHttpServer} (the receiver), and
 * and {@link io.mmsdk.cdr.MeetingTracker} (meetings and participants). Registering the receiver on
 * Call Bridges is mm-meetings' {@code CdrReceiverInstaller}, so that this module needs no REST
 * client. Implementation classes are package-private.
 */
package io.mmsdk.cdr;
