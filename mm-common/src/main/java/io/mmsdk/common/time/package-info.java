/** Time and scheduling seams: {@link io.mmsdk.common.time.Scheduler} and its manual test double. */
package io.mmsdk.common.time;
