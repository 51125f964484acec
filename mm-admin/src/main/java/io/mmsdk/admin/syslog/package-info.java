/**
 * Forwards audit and system log lines to up to five syslog servers over UDP, TCP (port 514) or TLS
 * (port 6514), formatted per RFC 5424 (octet-counted framing on TCP and TLS, RFC 6587/5425).
 */
package io.mmsdk.admin.syslog;
