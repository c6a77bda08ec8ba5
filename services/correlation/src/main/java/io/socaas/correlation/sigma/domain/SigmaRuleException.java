package io.socaas.correlation.sigma.domain;

/**
 * A Sigma rule that cannot be loaded: either it is malformed, or it uses a feature this engine
 * does not implement. Such rules are skipped, never evaluated approximately.
 */
public final class SigmaRuleException extends RuntimeException {

    /** Why the rule was refused. */
    public enum Kind {
        /** The rule is not valid Sigma (missing detection, unknown identifier, bad value...). */
        INVALID,
        /** The rule is valid Sigma but uses a feature the engine does not support. */
        UNSUPPORTED
    }

    private final Kind kind;

    private SigmaRuleException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public static SigmaRuleException invalid(String message) {
        return new SigmaRuleException(Kind.INVALID, message, null);
    }

    public static SigmaRuleException invalid(String message, Throwable cause) {
        return new SigmaRuleException(Kind.INVALID, message, cause);
    }

    public static SigmaRuleException unsupported(String message) {
        return new SigmaRuleException(Kind.UNSUPPORTED, message, null);
    }

    public Kind kind() {
        return kind;
    }

    public boolean isUnsupported() {
        return kind == Kind.UNSUPPORTED;
    }
}
