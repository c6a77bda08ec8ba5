package io.socaas.cases.console;

import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * A console form post that is refused before the console sees it (quarkus-rest-csrf answers a
 * missing or wrong CSRF token with a bare 400) gets an HTML page that says why, as every browser
 * route of the console does. Refusals elsewhere are problem+json ({@code EmptyErrorResponses}).
 */
public class ConsoleRefusals {

    static final MediaType HTML = MediaType.valueOf("text/html;charset=UTF-8");
    private static final Logger LOG = Logger.getLogger(ConsoleRefusals.class);

    private static final Map<Integer, String[]> EXPLAINED = Map.of(
            400,
            new String[] {
                "Form refused",
                "The form did not carry this console's form token (it may come from another site, or the page"
                        + " is too old). Reload the page and try again."
            },
            403,
            new String[] {"Not allowed", "Your account may not do this."});

    /** The page for a form posted from another site. */
    static TemplateInstance crossSite() {
        return ConsoleResource.Templates.refused(
                403, "Form refused", "Forms of the console can only be sent from the console's own pages.");
    }

    @ServerResponseFilter
    public void explain(ContainerRequestContext request, ContainerResponseContext response) {
        String path = request.getUriInfo().getPath();
        if (response.hasEntity() || !(path.equals("/console") || path.startsWith("/console/"))) {
            return;
        }
        String[] text = EXPLAINED.get(response.getStatus());
        if (text == null) {
            return;
        }
        LOG.debugf("%s %s refused with %d", request.getMethod(), path, response.getStatus());
        response.setEntity(
                ConsoleResource.Templates.refused(response.getStatus(), text[0], text[1])
                        .render(),
                null,
                HTML);
    }
}
