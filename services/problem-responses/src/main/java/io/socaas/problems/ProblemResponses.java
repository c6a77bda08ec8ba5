package io.socaas.problems;

import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * For the services' OpenAPI filters ({@code OASFilter}): documents an answer that many operations
 * give (401 without a token, 403, 429...) once, as RFC 9457 problem+json, instead of on every
 * resource method. An operation that documents the status itself, with a body, keeps its own.
 */
public final class ProblemResponses {

    /** The media type of RFC 9457 problem details. */
    public static final String MEDIA_TYPE = "application/problem+json";

    private ProblemResponses() {}

    /** Paths under {@code /api/}: the services' REST APIs. */
    public static boolean api(String path) {
        return path.startsWith("/api/");
    }

    /**
     * Adds {@code status} with a new {@code answer} to every operation of a path that {@code paths}
     * accepts and that does not document that status itself.
     */
    public static void addWhereMissing(
            OpenAPI openAPI, Predicate<String> paths, String status, Supplier<APIResponse> answer) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        for (Map.Entry<String, PathItem> path :
                openAPI.getPaths().getPathItems().entrySet()) {
            if (!paths.test(path.getKey())) {
                continue;
            }
            for (Operation operation : path.getValue().getOperations().values()) {
                if (operation.getResponses() == null) {
                    operation.setResponses(OASFactory.createAPIResponses());
                }
                if (!documentsBody(operation.getResponses().getAPIResponse(status))) {
                    operation.getResponses().addAPIResponse(status, answer.get());
                }
            }
        }
    }

    /**
     * Adds each of {@code answers} (status to description), as problem+json with a body of {@code
     * schema}, to every operation of a path that {@code paths} accepts and that does not document
     * that status itself.
     */
    public static void addWhereMissing(
            OpenAPI openAPI, Predicate<String> paths, Map<String, String> answers, Supplier<Schema> schema) {
        answers.forEach((status, description) ->
                addWhereMissing(openAPI, paths, status, () -> problem(description, schema.get())));
    }

    /**
     * Whether an operation documents the answer itself: with a body. The framework's own 401 and 403
     * on secured operations ("Not Authorized", "Not Allowed") have none and are replaced.
     */
    private static boolean documentsBody(APIResponse answer) {
        return answer != null
                && answer.getContent() != null
                && answer.getContent().getMediaTypes() != null
                && !answer.getContent().getMediaTypes().isEmpty();
    }

    /** An answer with a problem+json body of {@code schema}. */
    public static APIResponse problem(String description, Schema schema) {
        return OASFactory.createAPIResponse()
                .description(description)
                .content(OASFactory.createContent()
                        .addMediaType(MEDIA_TYPE, OASFactory.createMediaType().schema(schema)));
    }
}
