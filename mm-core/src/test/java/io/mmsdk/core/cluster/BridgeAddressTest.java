package io.mmsdk.core.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.mmsdk.core.cluster.InvalidClusterException.Problem;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BridgeAddressTest {

  @ParameterizedTest
  @CsvSource({
    "cb1.example.com,           cb1.example.com, 443, cb1.example.com:443",
    "CB1.Example.com:8443,      cb1.example.com, 8443, cb1.example.com:8443",
    "10.0.0.5,                  10.0.0.5, 443, 10.0.0.5:443",
    "10.0.0.5:444,              10.0.0.5, 444, 10.0.0.5:444",
    "'[2001:db8::1]',           2001:db8::1, 443, '[2001:db8::1]:443'",
    "'[2001:DB8::1]:8443',      2001:db8::1, 8443, '[2001:db8::1]:8443'",
    "'2001:db8::1',             2001:db8::1, 443, '[2001:db8::1]:443'",
    "'[::1]:',                  ::1, 443, '[::1]:443'",
    "'[2001:0DB8:0:0::0:1]',     2001:db8::1, 443, '[2001:db8::1]:443'",
    "'[::ffff:1.2.3.4]',         1.2.3.4, 443, 1.2.3.4:443",
    "cb1:,                      cb1, 443, cb1:443",
  })
  void parse_validText_normalizes(String text, String host, int port, String authority) {
    BridgeAddress a = BridgeAddress.parse(text);
    assertEquals(host, a.host());
    assertEquals(port, a.port());
    assertEquals(authority, a.authority());
  }

  @ParameterizedTest
  @CsvSource({
    "'',                   BAD_HOST",
    "'   ',                BAD_HOST",
    "'-cb.example.com',    BAD_HOST",
    "'cb_1.example.com',   BAD_HOST",
    "'cb..example.com',    BAD_HOST",
    "'300.1.1.1',          BAD_HOST",
    "'10.0.0',             BAD_HOST",
    "'[2001:db8::1',       BAD_HOST",
    "'[2001:db8::1]x',     BAD_HOST",
    "'[2001:zz8::1]',      BAD_HOST",
    "'[1:2:3:4:5:6:7:8:9]',BAD_HOST",
    "'cb1:0',              BAD_PORT",
    "'cb1:65536',          BAD_PORT",
    "'cb1:-1',             BAD_PORT",
    "'cb1:https',          BAD_PORT",
    "'[::1]:70000',        BAD_PORT",
  })
  void parse_invalidText_throwsTypedProblem(String text, Problem problem) {
    InvalidClusterException e = assertThrows(InvalidClusterException.class, () -> BridgeAddress.parse(text));
    assertEquals(problem, e.problem());
  }

  @ParameterizedTest
  @CsvSource({"1", "443", "65535"})
  void of_portAtBounds_accepted(int port) {
    assertEquals(port, BridgeAddress.of("cb1", port).port());
  }

  @ParameterizedTest
  @CsvSource({"0", "65536", "-443"})
  void of_portOutOfRange_badPort(int port) {
    InvalidClusterException e = assertThrows(InvalidClusterException.class, () -> BridgeAddress.of("cb1", port));
    assertEquals(Problem.BAD_PORT, e.problem());
    org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains(String.valueOf(port)), e.getMessage());
  }

  @org.junit.jupiter.api.Test
  void apiBaseUrl_ipv6_bracketed() {
    assertEquals("https://[2001:db8::5]:443/api/v1/", BridgeAddress.of("2001:db8::5").apiBaseUrl());
  }
}
