package io.socaas.localstack;

import java.nio.file.Path;

/**
 * A failure the user must act on: says what failed, where its log is and what to do.
 */
public class StackException extends RuntimeException {

    private final String component;
    private final Path log;
    private final String remedy;

    public StackException(String component, String message, Path log, String remedy) {
        super(message);
        this.component = component;
        this.log = log;
        this.remedy = remedy;
    }

    public StackException(String component, String message, String remedy) {
        this(component, message, null, remedy);
    }

    public String component() {
        return component;
    }

    public Path log() {
        return log;
    }

    public String remedy() {
        return remedy;
    }

    /** One block of text for the terminal: what failed, its log, what to do. */
    public String describe() {
        StringBuilder out = new StringBuilder();
        out.append("FAILED: ")
                .append(component)
                .append(": ")
                .append(getMessage())
                .append('\n');
        if (log != null) {
            out.append("  log:  ").append(log).append('\n');
        }
        if (remedy != null) {
            out.append("  fix:  ").append(remedy).append('\n');
        }
        return out.toString();
    }
}
