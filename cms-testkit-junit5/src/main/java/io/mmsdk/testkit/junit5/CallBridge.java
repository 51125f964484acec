package io.mmsdk.testkit.junit5;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Selects which Call Bridge of the simulated cluster an injected {@code CmsClient} or
 * {@code SimulatedCallBridge} parameter talks to; without it, bridge 0.
 *
 * <pre>{@code
 * @Test
 * void bothBridges(CmsClient first, @CallBridge(1) CmsClient second) { ... }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface CallBridge {
  /**
   * The bridge to inject.
   *
   * @return the zero-based index of the bridge
   */
  int value();
}
