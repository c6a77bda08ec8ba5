package io.socaas.reporting.portal.rest;

/** A {@code month} parameter that is not a calendar month written {@code YYYY-MM}. */
class InvalidMonthException extends RuntimeException {

    InvalidMonthException() {
        super("month must be a calendar month written YYYY-MM, e.g. 2026-03");
    }
}
