/**
 * Listener registration, the same in every module: {@link io.mmsdk.common.listen.Registration},
 * which every SDK {@code addListener} returns and whose {@code close()} removes the listener, and
 * {@link io.mmsdk.common.listen.Listeners}, the thread-safe copy-on-write list behind them, which
 * calls listeners without holding a lock and isolates one that throws.
 */
package io.mmsdk.common.listen;
