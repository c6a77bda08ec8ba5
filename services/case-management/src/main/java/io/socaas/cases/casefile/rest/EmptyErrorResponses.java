package io.socaas.cases.casefile.rest;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * An error answered without a body by a filter of the REST layer (quarkus-rest-csrf refuses a form
 * post without its token with a bare 400) still gets a problem+json document, like every other REST
 * error. The analyst console's pages explain their refusals in HTML instead.
 */
public class EmptyErrorResponses {

    private static final MediaType PROBLEM = MediaType.valueOf(ProblemJson.MEDIA_TYPE);

    @ServerResponseFilter
    public void describe(ContainerRequestContext request, ContainerResponseContext response) {
        String path = request.getUriInfo().getPath();
        int status = response.getStatus();
        if (status < 400 || response.hasEntity() || path.equals("/console") || path.startsWith("/console/")) {
            return;
        }
        Response.StatusType info = response.getStatusInfo();
        String title = info.getReasonPhrase() == null ? "Error" : info.getReasonPhrase();
        String detail = status == 400 && !"GET".equals(request.getMethod())
                ? "the request was refused; a form post needs the CSRF token of the page it comes from"
                : title;
        response.setEntity(
                ProblemJson.of(
                        title.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-"),
                        title,
                        status,
                        detail,
                        path),
                null,
                PROBLEM);
    }
}
