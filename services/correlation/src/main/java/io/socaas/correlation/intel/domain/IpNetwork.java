package io.socaas.correlation.intel.domain;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Locale;

/**
 * An IPv4 or IPv6 address with a prefix length: a single address has the full length (32 or 128).
 * Parsed from text without any name lookup; host bits below the prefix are cleared.
 *
 * @param address 4 or 16 bytes
 * @param prefix 0..32 or 0..128
 */
public record IpNetwork(byte[] address, int prefix) {

    public IpNetwork {
        address = address.clone();
        int bits = address.length * 8;
        if (address.length != 4 && address.length != 16 || prefix < 0 || prefix > bits) {
            throw new InvalidIndicatorException("invalid network");
        }
        for (int bit = prefix; bit < bits; bit++) {
            address[bit / 8] &= (byte) ~(0x80 >>> (bit % 8));
        }
    }

    /** True for IPv6. */
    public boolean v6() {
        return address.length == 16;
    }

    /** True when this is one address, not a network. */
    public boolean single() {
        return prefix == address.length * 8;
    }

    /** The bit at {@code index} (0 = most significant). */
    public boolean bit(int index) {
        return (address[index / 8] & (0x80 >>> (index % 8))) != 0;
    }

    /** {@code 198.51.100.0/24}, {@code 2001:db8:0:0:0:0:0:0/32}, or the address alone when single. */
    public String text() {
        String host;
        if (v6()) {
            try {
                host = Inet6Address.getByAddress(null, address, null).getHostAddress();
            } catch (UnknownHostException e) {
                throw new IllegalStateException(e);
            }
        } else {
            host = (address[0] & 0xff) + "." + (address[1] & 0xff) + "." + (address[2] & 0xff) + "."
                    + (address[3] & 0xff);
        }
        return single() ? host : host + "/" + prefix;
    }

    /**
     * An address or a CIDR network: {@code 203.0.113.7}, {@code 198.51.100.0/24}, {@code 2001:db8::1},
     * {@code [2001:db8::1]}, {@code 2001:db8::/32}. An IPv4-mapped IPv6 address stays IPv6.
     *
     * @throws InvalidIndicatorException when it is not one
     */
    public static IpNetwork parse(String text) {
        String t = text == null ? "" : text.strip();
        int slash = t.indexOf('/');
        String host = slash < 0 ? t : t.substring(0, slash);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int zone = host.indexOf('%');
        if (zone >= 0) {
            host = host.substring(0, zone);
        }
        byte[] address = host.indexOf(':') >= 0 ? v6(host) : v4(host);
        if (address == null) {
            throw new InvalidIndicatorException("'" + text + "' is not an IP address or CIDR network");
        }
        int prefix = address.length * 8;
        if (slash >= 0) {
            String p = t.substring(slash + 1);
            if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(Character::isDigit)) {
                throw new InvalidIndicatorException("'" + text + "' has an invalid prefix length");
            }
            prefix = Integer.parseInt(p);
            if (prefix > address.length * 8) {
                throw new InvalidIndicatorException("'" + text + "' has a prefix longer than the address");
            }
        }
        return new IpNetwork(address, prefix);
    }

    /** The address of an event field, or null when it is not a single address. */
    public static IpNetwork addressOrNull(String text) {
        if (text == null || text.isEmpty() || text.length() > 64 || text.indexOf('/') >= 0) {
            return null;
        }
        try {
            return parse(text);
        } catch (InvalidIndicatorException e) {
            return null;
        }
    }

    private static byte[] v4(String host) {
        String[] parts = host.split("\\.", -1);
        if (parts.length != 4) {
            return null;
        }
        byte[] out = new byte[4];
        for (int i = 0; i < 4; i++) {
            String p = parts[i];
            if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(c -> c >= '0' && c <= '9')) {
                return null;
            }
            int value = Integer.parseInt(p);
            if (value > 255) {
                return null;
            }
            out[i] = (byte) value;
        }
        return out;
    }

    private static byte[] v6(String host) {
        // only hex digits, colons and dots (an embedded IPv4 tail): a literal, never a name lookup
        if (host.length() > 45
                || !host.toLowerCase(Locale.ROOT)
                        .chars()
                        .allMatch(c -> c == ':' || c == '.' || Character.digit(c, 16) >= 0)) {
            return null;
        }
        try {
            InetAddress parsed = InetAddress.getByName("[" + host + "]");
            byte[] bytes = parsed.getAddress();
            if (bytes.length == 4) {
                // an IPv4-mapped address (::ffff:a.b.c.d): Java hands back IPv4; keep it IPv6
                byte[] mapped = new byte[16];
                mapped[10] = (byte) 0xff;
                mapped[11] = (byte) 0xff;
                System.arraycopy(bytes, 0, mapped, 12, 4);
                return mapped;
            }
            return bytes;
        } catch (UnknownHostException e) {
            return null;
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IpNetwork other && prefix == other.prefix && Arrays.equals(address, other.address);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(address) + prefix;
    }

    @Override
    public byte[] address() {
        return address.clone();
    }

    @Override
    public String toString() {
        return text();
    }
}
