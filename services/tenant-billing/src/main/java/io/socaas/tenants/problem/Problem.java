package io.socaas.tenants.problem;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** RFC 9457 problem details, served as {@code application/problem+json}. */
@Schema(name = "Problem", description = "RFC 9457 problem details")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(
        @Schema(examples = "https://socaas.io/problems/tenant-not-found")
        String type,

        @Schema(examples = "Tenant not found") String title,
        @Schema(examples = "404") int status,

        @Schema(examples = "tenant 'initech' does not exist")
        String detail,

        @Schema(examples = "/api/v1/tenants/initech/ingest-keys")
        String instance,

        @JsonIgnore @Schema(hidden = true) Map<String, Object> extensions) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_BASE = "https://socaas.io/problems/";

    public static Problem of(String slug, String title, int status, String detail, String instance) {
        return new Problem(TYPE_BASE + slug, title, status, detail, instance, Map.of());
    }

    public Problem {
        extensions = Collections.unmodifiableMap(new LinkedHashMap<>(extensions));
    }

    public Problem with(String member, Object value) {
        Map<String, Object> more = new LinkedHashMap<>(extensions);
        more.put(member, value);
        return new Problem(type, title, status, detail, instance, more);
    }

    /** Extension members are serialized beside the standard ones. */
    @JsonAnyGetter
    public Map<String, Object> extensionMembers() {
        return extensions;
    }
}
