package io.socaas.correlation.intel.domain;

/** An indicator value, pattern or document entry that cannot be read; the message says why. */
public class InvalidIndicatorException extends RuntimeException {

    public InvalidIndicatorException(String message) {
        super(message);
    }
}
