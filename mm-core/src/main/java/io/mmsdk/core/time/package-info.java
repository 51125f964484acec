/** Time and scheduling seams: {@link io.mmsdk.core.time.Scheduler} and its manual test double. */
package io.mmsdk.core.time;
