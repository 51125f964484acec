/**
 * Client for the Meeting Server Events API (WebSocket, JSON). Start at
 * {@link io.mmsdk.cms.events.CmsEventsClient#builder(io.mmsdk.cms.CmsClient)}; receive updates
 * through {@link io.mmsdk.cms.events.CmsEventListener}. Built on top of the REST client: it uses
 * {@code io.mmsdk.cms}, {@code io.mmsdk.cms.core} and {@code io.mmsdk.cms.internal}, and none of
 * them uses it.
 */
package io.mmsdk.cms.events;
