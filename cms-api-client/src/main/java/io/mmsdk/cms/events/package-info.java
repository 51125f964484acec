/**
 * Client for the Meeting Server Events API (WebSocket, JSON). Start at
 * {@link io.mmsdk.cms.events.CmsEventsClient#builder(io.mmsdk.cms.CmsClient)}; receive updates
 * through {@link io.mmsdk.cms.events.CmsEventListener}.
 */
package io.mmsdk.cms.events;
