package io.socaas.ingestion.intake.rest;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** RFC 9457 problem details, as sent with {@code application/problem+json}. */
@Schema(name = "ProblemDetail", description = "RFC 9457 problem details")
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"type", "title", "status", "detail", "instance"})
public final class ProblemDetail {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_PREFIX = "https://socaas.io/problems/";

    @Schema(examples = "https://socaas.io/problems/malformed-events")
    private final String type;

    @Schema(examples = "Malformed events")
    private final String title;

    @Schema(examples = "400")
    private final int status;

    @Schema(examples = "line 3: malformed JSON: Unexpected character ('x' (code 120))")
    private final String detail;

    @Schema(examples = "/api/v1/events")
    private final String instance;

    @Schema(hidden = true)
    private final Map<String, Object> extensions = new LinkedHashMap<>();

    public ProblemDetail(String slug, String title, int status, String detail, String instance) {
        this.type = TYPE_PREFIX + slug;
        this.title = title;
        this.status = status;
        this.detail = detail;
        this.instance = instance;
    }

    /** Adds an extension member, e.g. {@code line}. */
    public ProblemDetail with(String name, Object value) {
        extensions.put(name, value);
        return this;
    }

    public String getType() {
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
    public Map<String, Object> getExtensions() {
        return extensions;
    }
}
