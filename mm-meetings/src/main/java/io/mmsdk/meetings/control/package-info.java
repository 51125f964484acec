/**
 * Operator controls on live meetings: mute, layout, importance, lock, lobby, recording,
 * streaming, dial out, disconnect, move, messages and ending a meeting, each a typed {@link
 * io.mmsdk.meetings.control.Control} with a typed result, run by {@link
 * io.mmsdk.meetings.control.MeetingControls#execute}. Access (Meeting Management roles and space
 * tags, and MCU conference ownership for principals with a privilege level) is checked before
 * anything is sent to the Call Bridge, and every control is audited.
 */
package io.mmsdk.meetings.control;
