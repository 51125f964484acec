/** mm-sdk example apps; {@link io.mmsdk.examples.ExampleFlags} is the command line they share. */
package io.mmsdk.examples;
