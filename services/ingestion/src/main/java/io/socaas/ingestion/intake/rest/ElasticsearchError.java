package io.socaas.ingestion.intake.rest;

import java.util.List;
import java.util.Map;

/**
 * Elasticsearch's error object on the refusals of the {@code /es} paths: its clients (Beats,
 * Logstash, Fluent Bit, Vector) log {@code error.type} and {@code error.reason}, so every problem
 * document there carries them beside the problem's own members.
 */
final class ElasticsearchError {

    private ElasticsearchError() {}

    static ProblemDetail describe(ProblemDetail problem) {
        String path = problem.getInstance();
        if (path == null
                || !(path.equals(ElasticsearchBulkResource.PATH)
                        || path.startsWith(ElasticsearchBulkResource.PATH + "/"))) {
            return problem;
        }
        String type = problem.getType()
                .substring(problem.getType().lastIndexOf('/') + 1)
                .replace('-', '_');
        String reason = problem.getDetail() == null ? problem.getTitle() : problem.getDetail();
        Map<String, String> cause = Map.of("type", type, "reason", reason);
        return problem.with("error", Map.of("root_cause", List.of(cause), "type", type, "reason", reason));
    }
}
