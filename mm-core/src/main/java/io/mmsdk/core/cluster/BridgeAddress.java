package io.mmsdk.core.cluster;

import io.mmsdk.core.cluster.InvalidClusterException.Problem;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The address of a Call Bridge's web admin interface (its API endpoint): a DNS name, an IPv4
 * literal
 * or an IPv6 literal, plus a port (443 when not given). The host is stored lower-case and without
 * brackets; {@link #authority()} adds brackets around IPv6 literals.
 *
 * @param host DNS name or IP literal, without brackets
 * @param port TCP port, 1–65535
 */
public record BridgeAddress(String host, int port) {
  /** The port used when none is given: 443, as Meeting Management does. */
  public static final int DEFAULT_PORT = 443;

  private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
  private static final Pattern IPV6_CHARS = Pattern.compile("[0-9a-f:.]+");

  /**
   * Validates and normalizes the host; throws {@link InvalidClusterException} when invalid.
   *
   * @param host DNS name or IP literal, without brackets
   * @param port TCP port, 1–65535
   */
  public BridgeAddress {
    Objects.requireNonNull(host, "host == null");
    host = normalizeHost(host);
    if (port < 1 || port > 65535) {
      throw new InvalidClusterException(
          Problem.BAD_PORT,
          "Port " + port + " for host '" + host + "' is out of range; use 1-65535 (443 if unsure).");
    }
  }

  /**
   * {@return the address {@code host} on port 443}
   *
   * @param host DNS name or IP literal, without brackets
   */
  public static BridgeAddress of(String host) {
    return new BridgeAddress(host, DEFAULT_PORT);
  }

  /**
   * {@return the address {@code host} on {@code port}}
   *
   * @param host DNS name or IP literal, without brackets
   * @param port TCP port, 1–65535
   */
  public static BridgeAddress of(String host, int port) {
    return new BridgeAddress(host, port);
  }

  /**
   * Parses {@code host}, {@code host:port}, {@code [ipv6]} or {@code [ipv6]:port}; the port
   * defaults
   * to 443. A bare IPv6 literal without brackets is accepted only when no port is given.
   *
   * @param text the address as typed by an administrator
   * @return the host and port
   * @throws InvalidClusterException if {@code text} is not a host name or IP address with an
   *     optional port from 1 to 65535
   */
  public static BridgeAddress parse(String text) {
    Objects.requireNonNull(text, "text == null");
    String t = text.strip();
    if (t.startsWith("[")) {
      int close = t.indexOf(']');
      if (close < 0) {
        throw new InvalidClusterException(
            Problem.BAD_HOST, "Address '" + text + "' opens '[' but never closes it; write [2001:db8::1]:443.");
      }
      String host = t.substring(1, close);
      String rest = t.substring(close + 1);
      if (rest.isEmpty()) {
        return new BridgeAddress(host, DEFAULT_PORT);
      }
      if (!rest.startsWith(":")) {
        throw new InvalidClusterException(
            Problem.BAD_HOST, "Address '" + text + "' has text after ']' that is not ':port'.");
      }
      return new BridgeAddress(host, parsePort(rest.substring(1), text));
    }
    int colon = t.indexOf(':');
    if (colon < 0) {
      return new BridgeAddress(t, DEFAULT_PORT);
    }
    if (t.indexOf(':', colon + 1) >= 0) {
      return new BridgeAddress(t, DEFAULT_PORT);
    }
    return new BridgeAddress(t.substring(0, colon), parsePort(t.substring(colon + 1), text));
  }

  /** {@return true when the host is an IPv6 literal} */
  public boolean isIpv6() {
    return host.indexOf(':') >= 0;
  }

  /** {@return {@code host:port}, with brackets around an IPv6 host ({@code [2001:db8::1]:443})} */
  public String authority() {
    return (isIpv6() ? "[" + host + "]" : host) + ":" + port;
  }

  /**
   * {@return the HTTPS base URL of the Call Bridge API, for example {@code
   * https://cb1.example.com:443/api/v1/}}
   */
  public String apiBaseUrl() {
    return "https://" + authority() + "/api/v1/";
  }

  @Override
  public String toString() {
    return authority();
  }

  private static int parsePort(String s, String text) {
    if (s.isEmpty()) {
      return DEFAULT_PORT;
    }
    try {
      return Integer.parseInt(s);
    } catch (NumberFormatException e) {
      throw new InvalidClusterException(
          Problem.BAD_PORT, "Port '" + s + "' in address '" + text + "' is not a number; use 1-65535.");
    }
  }

  private static String normalizeHost(String raw) {
    String h = raw.strip().toLowerCase(Locale.ROOT);
    if (h.startsWith("[") && h.endsWith("]")) {
      h = h.substring(1, h.length() - 1);
    }
    if (h.isEmpty()) {
      throw new InvalidClusterException(
          Problem.BAD_HOST, "Host is empty; enter the IP address or FQDN of the Call Bridge web admin.");
    }
    if (h.indexOf(':') >= 0) {
      if (!IPV6_CHARS.matcher(h).matches()) {
        throw badHost(raw, "an IPv6 literal may contain only hex digits, ':' and '.'");
      }
      byte[] bytes;
      try {
        // A literal containing ':' is parsed, never resolved, by InetAddress.
        bytes = InetAddress.getByName("[" + h + "]").getAddress();
      } catch (UnknownHostException e) {
        throw badHost(raw, "it is not a valid IPv6 literal");
      }
      return bytes.length == 16 ? canonicalIpv6(bytes) : (bytes[0] & 0xff) + "." + (bytes[1] & 0xff) + "." + (bytes[2] & 0xff) + "." + (bytes[3] & 0xff);
    }
    if (h.endsWith(".")) {
      h = h.substring(0, h.length() - 1);
    }
    if (h.length() > 253) {
      throw badHost(raw, "a DNS name may have at most 253 characters");
    }
    String[] labels = h.split("\\.", -1);
    boolean numeric = true;
    for (String label : labels) {
      if (!LABEL.matcher(label).matches()) {
        throw badHost(raw, "label '" + label + "' must be 1-63 letters, digits or '-', not starting or ending with '-'");
      }
      numeric &= label.chars().allMatch(Character::isDigit);
    }
    if (numeric) {
      if (labels.length != 4) {
        throw badHost(raw, "an IPv4 literal has four dot-separated numbers");
      }
      for (String label : labels) {
        if (label.length() > 3 || Integer.parseInt(label) > 255) {
          throw badHost(raw, "IPv4 octet '" + label + "' is above 255");
        }
      }
    }
    return h;
  }

  /** Writes an IPv6 address in RFC 5952 form, so equal addresses compare equal. */
  private static String canonicalIpv6(byte[] b) {
    int[] groups = new int[8];
    for (int i = 0; i < 8; i++) {
      groups[i] = ((b[2 * i] & 0xff) << 8) | (b[2 * i + 1] & 0xff);
    }
    int bestStart = -1;
    int bestLen = 1;
    for (int i = 0; i < 8; ) {
      if (groups[i] != 0) {
        i++;
        continue;
      }
      int j = i;
      while (j < 8 && groups[j] == 0) {
        j++;
      }
      if (j - i > bestLen) {
        bestStart = i;
        bestLen = j - i;
      }
      i = j;
    }
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 8; i++) {
      if (i == bestStart) {
        sb.append("::");
        i += bestLen - 1;
        continue;
      }
      if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') {
        sb.append(':');
      }
      sb.append(Integer.toHexString(groups[i]));
    }
    return sb.toString();
  }

  private static InvalidClusterException badHost(String raw, String why) {
    return new InvalidClusterException(
        Problem.BAD_HOST,
        "Host '" + raw + "' is invalid: " + why + ". Enter an FQDN, an IPv4 address or an IPv6 address (in brackets with a port).");
  }
}
