package io.socaas.cases.casefile.rest;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * An empty request body has no media type. Many API clients label a command without a body (a claim,
 * an acknowledgement) as a form anyway ({@code curl -d ''}, REST Assured); the CSRF check of the
 * analyst console's forms (quarkus-rest-csrf, which looks at every form post) would then refuse it.
 * The JSON API is authenticated by bearer tokens only, which no other site can make a browser send,
 * so outside the console such a label is dropped before the check. A form with a body still needs
 * its token everywhere.
 */
public class BodilessForms {

    @ServerRequestFilter(preMatching = true)
    public void dropTheMediaTypeOfAnEmptyBody(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (path.equals("/console") || path.startsWith("/console/")) {
            return;
        }
        MediaType type = request.getMediaType();
        if (type == null
                || !(type.isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE)
                        && !type.isWildcardType()
                        && !type.isWildcardSubtype())) {
            return;
        }
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        boolean chunked = request.getHeaderString("Transfer-Encoding") != null;
        if (!chunked && (length == null || length.strip().equals("0"))) {
            request.getHeaders().remove(HttpHeaders.CONTENT_TYPE);
        }
    }
}
