/** The one-command demo of mm-sdk. */
package io.mmsdk.examples.demo;
