/** Example: a license usage and compliance report with license-data.zip and an SVG chart. */
package io.mmsdk.examples.licensing;
