/** A text-mode video operator console on {@link io.mmsdk.meetings.control.MeetingControls}. */
package io.mmsdk.examples.operator;
