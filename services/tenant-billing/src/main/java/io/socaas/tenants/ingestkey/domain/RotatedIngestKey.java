package io.socaas.tenants.ingestkey.domain;

import java.time.Instant;

/** A rotation: the new key (its secret shown once) and until when the old key still works. */
public record RotatedIngestKey(IssuedIngestKey issued, String oldKeyId, Instant oldKeyExpiresAt) {}
