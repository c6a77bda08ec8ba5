package io.socaas.tenants.ingestkey.domain;

/** A request about ingest keys is malformed (e.g. empty key, bad source name). */
public class InvalidIngestKeyRequestException extends RuntimeException {

    public InvalidIngestKeyRequestException(String message) {
        super(message);
    }
}
