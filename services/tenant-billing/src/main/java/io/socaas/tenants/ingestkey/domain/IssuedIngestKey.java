package io.socaas.tenants.ingestkey.domain;

import java.util.Objects;

/** A newly issued key together with its secret: the only moment the secret exists in clear. */
public record IssuedIngestKey(IngestKey key, String secret) {

    public IssuedIngestKey {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(secret, "secret");
    }

    @Override
    public String toString() {
        return "IssuedIngestKey[key=" + key + ", secret=<redacted>]";
    }
}
