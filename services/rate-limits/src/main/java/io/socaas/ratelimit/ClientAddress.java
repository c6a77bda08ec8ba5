package io.socaas.ratelimit;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * The bucket key of a client address. An IPv4 address is its own key; an IPv6 address counts by
 * its /64 network, since one host is commonly handed a whole /64 and could otherwise take a fresh
 * bucket for every request.
 */
public final class ClientAddress {

    private ClientAddress() {}

    public static String key(String hostAddress) {
        if (hostAddress == null || hostAddress.isBlank()) {
            return "unknown";
        }
        if (hostAddress.indexOf(':') < 0) {
            return hostAddress;
        }
        try {
            // a numeric literal: parsed, never looked up
            InetAddress address = InetAddress.getByName(stripBrackets(hostAddress));
            if (!(address instanceof Inet6Address)) {
                return address.getHostAddress();
            }
            byte[] bytes = address.getAddress();
            StringBuilder prefix = new StringBuilder();
            for (int i = 0; i < 8; i += 2) {
                prefix.append(Integer.toHexString(((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff)))
                        .append(':');
            }
            return prefix.append(":/64").toString();
        } catch (UnknownHostException | SecurityException notAnAddress) {
            return hostAddress;
        }
    }

    private static String stripBrackets(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }
}
