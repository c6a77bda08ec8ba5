package io.socaas.ingestion.intake.rest;

/** A request to an HEC path refused for a reason HEC has a status code of its own for (400). */
final class SplunkHecRequestException extends RuntimeException {

    private final SplunkHecStatus status;

    SplunkHecRequestException(SplunkHecStatus status, String detail) {
        super(detail);
        this.status = status;
    }

    SplunkHecStatus status() {
        return status;
    }
}
