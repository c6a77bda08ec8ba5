package io.socaas.events.syslog;

/**
 * A line that claims a format (a syslog priority, a CEF or LEEF header) but does not follow it.
 * The reason is meant for the dead-letter record and says what was expected where.
 */
public final class MalformedLogException extends RuntimeException {

    public MalformedLogException(String reason) {
        super(reason);
    }
}
