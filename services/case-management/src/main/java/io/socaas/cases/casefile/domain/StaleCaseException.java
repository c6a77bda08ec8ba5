package io.socaas.cases.casefile.domain;

/** The caller's copy of the case is older than the stored one ({@code If-Match}): 412. */
public class StaleCaseException extends RuntimeException {

    private final long current;

    public StaleCaseException(long expected, long current) {
        super("the case is at version " + current + ", not " + expected + ": read it again and retry");
        this.current = current;
    }

    public long current() {
        return current;
    }
}
