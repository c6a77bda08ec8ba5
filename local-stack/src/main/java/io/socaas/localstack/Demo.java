package io.socaas.localstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.socaas.localstack.process.Net;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;

/**
 * {@code ./soc demo}: sends the sample event of docs/samples with the demo tenant's ingest key,
 * then waits until the analysts' cases API shows the case it became.
 */
final class Demo {

    record Result(String ingestId, String caseId, String title, String severity, String ruleAuthor, Duration latency) {}

    private static final ObjectMapper JSON = new ObjectMapper();

    private final StackSettings settings;

    Demo(StackSettings settings) {
        this.settings = settings;
    }

    Result sendSampleAndAwaitCase(Duration deadline) {
        DemoTenant demo = new DemoTenant(settings);
        String key = demo.ingestKey();
        String body = demo.sampleWithFreshHost();
        Instant sent = Instant.now();
        Net.Response accepted = Net.postJson(settings.serviceUrl(8081) + "/api/v1/events", key, body);
        if (accepted.status() != 202) {
            throw new StackException(
                    "ingestion",
                    "the sample event was refused: HTTP " + accepted.status() + " " + accepted.body(),
                    settings.logOf("ingestion"),
                    "read the log; ./soc status shows whether every component is healthy");
        }
        String ingestId = read(accepted.body()).path("ingest_ids").path(0).asText();
        String token = demo.accessToken("ana", "ana-dev-password");
        Instant until = sent.plus(deadline);
        while (Instant.now().isBefore(until)) {
            Net.Response cases = Net.getWithBearer(
                    settings.serviceUrl(8083) + "/api/v1/cases?tenant=" + DemoTenant.TENANT + "&limit=500", token);
            if (cases.ok()) {
                for (JsonNode c : read(cases.body())) {
                    for (JsonNode id : c.path("event_ingest_ids")) {
                        if (id.asText().equals(ingestId)) {
                            return new Result(
                                    ingestId,
                                    c.path("id").asText(),
                                    c.path("title").asText(),
                                    c.path("severity").asText(),
                                    c.path("rule").path("author").asText(),
                                    Duration.between(sent, Instant.now()));
                        }
                    }
                }
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new StackException(
                "correlation",
                "event " + ingestId + " did not become a case within " + deadline.toSeconds() + " s",
                settings.logOf("correlation"),
                "read the correlation and case-management logs (./soc logs correlation)");
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new StackException("demo", "unexpected answer: " + json, null);
        }
    }
}
