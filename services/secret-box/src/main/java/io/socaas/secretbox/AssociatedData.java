package io.socaas.secretbox;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * What a sealed secret is bound to: typically the table, the tenant and the record. It is
 * authenticated, not stored: opening needs the same parts, so a ciphertext copied to another
 * tenant's or record's row does not open. Parts are length-prefixed, so ("ab", "c") and ("a", "bc")
 * differ.
 */
public final class AssociatedData {

    private final List<String> parts;
    private final byte[] encoded;

    private AssociatedData(List<String> parts) {
        this.parts = parts;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String part : parts) {
            byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
            out.writeBytes(ByteBuffer.allocate(4).putInt(bytes.length).array());
            out.writeBytes(bytes);
        }
        this.encoded = out.toByteArray();
    }

    /** E.g. {@code AssociatedData.of("onetime_credentials", tenantId, kind)}. */
    public static AssociatedData of(String... parts) {
        if (parts.length == 0) {
            throw new IllegalArgumentException("associated data needs at least one part");
        }
        for (String part : parts) {
            Objects.requireNonNull(part, "a part of the associated data is null");
        }
        return new AssociatedData(List.of(parts));
    }

    byte[] encoded() {
        return encoded.clone();
    }

    public List<String> parts() {
        return parts;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AssociatedData other && Arrays.equals(encoded, other.encoded);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(encoded);
    }

    @Override
    public String toString() {
        return "AssociatedData" + parts;
    }
}
