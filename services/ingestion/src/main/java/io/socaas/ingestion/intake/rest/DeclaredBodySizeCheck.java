package io.socaas.ingestion.intake.rest;

import io.socaas.ingestion.intake.config.IntakeConfig;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses a body whose declared length is over the batch limit before a byte of it is read: the
 * sender gets the 413 problem document at once, and the service never buffers it.
 */
public class DeclaredBodySizeCheck {

    private final long limit;

    public DeclaredBodySizeCheck(IntakeConfig config) {
        this.limit = config.batch().maxBodySize().asLongValue();
    }

    @ServerRequestFilter
    public void refuseDeclaredOversizedBody(ContainerRequestContext request) {
        String declared = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (declared == null || !"POST".equals(request.getMethod())) {
            return;
        }
        long length;
        try {
            length = Long.parseLong(declared.trim());
        } catch (NumberFormatException e) {
            return;
        }
        if (length > limit && request.getHeaderString("Content-Encoding") == null) {
            throw new DeclaredBodyTooLargeException(length, limit);
        }
    }

    /** The request announces more bytes than one batch may have. */
    public static final class DeclaredBodyTooLargeException extends RuntimeException {
        DeclaredBodyTooLargeException(long length, long limit) {
            super("the request body is " + length + " bytes; at most " + limit
                    + " bytes are accepted per request. Nothing was accepted: send smaller batches.");
        }
    }
}
