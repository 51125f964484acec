/** Example: validate a desired-state JSON file, show the provisioning plan and apply it. */
package io.mmsdk.examples.provisioning;
