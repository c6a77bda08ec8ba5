package io.socaas.correlation.sigma.domain;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;

/** An IPv4 or IPv6 network such as {@code 10.0.0.0/8} or {@code fe80::/10}. */
public record Cidr(byte[] network, int prefixLength) {

    /** Parses CIDR notation; a bare address is a single-host network. */
    public static Cidr parse(String notation) {
        String text = notation.trim();
        int slash = text.indexOf('/');
        byte[] address = parseAddress(slash < 0 ? text : text.substring(0, slash));
        if (address == null) {
            throw SigmaRuleException.invalid("invalid cidr value '" + notation + "'");
        }
        int prefix = address.length * 8;
        if (slash >= 0) {
            try {
                prefix = Integer.parseInt(text.substring(slash + 1));
            } catch (NumberFormatException e) {
                throw SigmaRuleException.invalid("invalid cidr prefix in '" + notation + "'");
            }
            if (prefix < 0 || prefix > address.length * 8) {
                throw SigmaRuleException.invalid("cidr prefix out of range in '" + notation + "'");
            }
        }
        return new Cidr(address, prefix);
    }

    /** True when {@code address} is an IP literal of the same family inside this network. */
    public boolean contains(String address) {
        byte[] candidate = parseAddress(address.trim());
        if (candidate == null || candidate.length != network.length) {
            return false;
        }
        int bits = network.length * 8;
        if (prefixLength == 0) {
            return true;
        }
        BigInteger mask = BigInteger.ONE
                .shiftLeft(bits)
                .subtract(BigInteger.ONE)
                .shiftRight(bits - prefixLength)
                .shiftLeft(bits - prefixLength);
        return new BigInteger(1, candidate).and(mask).equals(new BigInteger(1, network).and(mask));
    }

    /**
     * Parses an IP literal without any name lookup; null when the text is not an IP address.
     */
    static byte[] parseAddress(String text) {
        if (text.isEmpty()) {
            return null;
        }
        if (text.indexOf(':') >= 0) {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (!(Character.digit(c, 16) >= 0 || c == ':' || c == '.')) {
                    return null;
                }
            }
            try {
                // Only hex digits, ':' and '.': InetAddress parses the literal without DNS.
                byte[] bytes = InetAddress.getByName(text).getAddress();
                return bytes.length == 16 ? bytes : null;
            } catch (UnknownHostException e) {
                return null;
            }
        }
        String[] octets = text.split("\\.", -1);
        if (octets.length != 4) {
            return null;
        }
        byte[] bytes = new byte[4];
        for (int i = 0; i < 4; i++) {
            String o = octets[i];
            if (o.isEmpty() || o.length() > 3 || !o.chars().allMatch(Character::isDigit)) {
                return null;
            }
            int v = Integer.parseInt(o);
            if (v > 255) {
                return null;
            }
            bytes[i] = (byte) v;
        }
        return bytes;
    }
}
