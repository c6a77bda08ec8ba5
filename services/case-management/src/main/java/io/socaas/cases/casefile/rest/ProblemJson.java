package io.socaas.cases.casefile.rest;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** RFC 9457 problem details, with extension members (e.g. {@code case_id}, {@code error_id}). */
@Schema(name = "Problem", description = "RFC 9457 problem details")
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"type", "title", "status", "detail", "instance"})
public final class ProblemJson {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_BASE = "https://socaas.io/problems/";

    private final URI type;
    private final String title;
    private final int status;
    private final String detail;
    private final String instance;
    private final Map<String, Object> extensions = new LinkedHashMap<>();

    private ProblemJson(URI type, String title, int status, String detail, String instance) {
        this.type = type;
        this.title = title;
        this.status = status;
        this.detail = detail;
        this.instance = instance;
    }

    static ProblemJson of(String slug, String title, int status, String detail, String instance) {
        return new ProblemJson(URI.create(TYPE_BASE + slug), title, status, detail, instance);
    }

    ProblemJson with(String member, Object value) {
        extensions.put(member, value);
        return this;
    }

    @Schema(example = "https://socaas.io/problems/case-not-found")
    public URI getType() {
        return type;
    }

    public String getTitle() {
        return title;
    }

    public int getStatus() {
        return status;
    }

    public String getDetail() {
        return detail;
    }

    public String getInstance() {
        return instance;
    }

    @JsonAnyGetter
    @Schema(hidden = true)
    public Map<String, Object> extensions() {
        return extensions;
    }
}
