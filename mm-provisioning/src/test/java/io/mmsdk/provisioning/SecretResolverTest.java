package io.mmsdk.provisioning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SecretResolverTest {

  @Test
  void environment_setVariable_resolves() {
    String name = System.getenv().keySet().iterator().next();
    assertEquals(System.getenv(name), SecretResolver.environment().resolve("env:" + name));
  }

  @Test
  void environment_unknownScheme_saysWhatIsSupported() {
    ProvisioningException e = assertThrows(ProvisioningException.class,
        () -> SecretResolver.environment().resolve("vault:ldap"));
    assertTrue(e.getMessage().contains("env:VARIABLE_NAME"), e.getMessage());
  }

  @Test
  void environment_missingVariable_namesIt() {
    ProvisioningException e = assertThrows(ProvisioningException.class,
        () -> SecretResolver.environment().resolve("env:MM_SDK_SURELY_UNSET_42"));
    assertTrue(e.getMessage().contains("MM_SDK_SURELY_UNSET_42"), e.getMessage());
  }
}
