package io.socaas.correlation.rules.domain;

/** A rule (or a sample to run it on) that cannot be used as given; the message says where and why. */
public final class InvalidRuleException extends RuntimeException {

    public InvalidRuleException(String message) {
        super(message);
    }
}
