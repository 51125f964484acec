/**
 * Blast dial: when the first participant joins a space, dial every other configured contact in at
 * once, handle the press-1 / {@code *} prompt, re-dial after failures and coordinate Primary and
 * Secondary monitoring instances.
 *
 * <p>Entry point: {@link io.mmsdk.blastdial.BlastDial}. Contacts CSV: {@link
 * io.mmsdk.blastdial.ContactsCsv}. Persistence: {@link io.mmsdk.blastdial.BlastDialStore} with the
 * file-backed default {@link io.mmsdk.blastdial.BlastDialStore#file}. The Call Bridge is reached
 * through {@link io.mmsdk.blastdial.CallBridgeGateway}.
 */
package io.mmsdk.blastdial;
