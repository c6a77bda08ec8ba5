package io.socaas.e2e;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Resolves and closes, once the whole run is over, every case the tests opened, as a SOC manager
 * would: the cases leave the analysts' queues and stop counting towards their capacity, so that
 * auto-assignment has the same room on every run against a platform that keeps its data.
 * Registered for every test class through JUnit's extension autodetection.
 */
public final class ClosesOpenedCases implements BeforeAllCallback {

    private static final Set<String> WORKED = Set.of("open", "acknowledged", "in_progress", "waiting_on_customer");

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot()
                .getStore(ExtensionContext.Namespace.create(ClosesOpenedCases.class))
                .getOrComputeIfAbsent(
                        "close-at-end", key -> (ExtensionContext.Store.CloseableResource) ClosesOpenedCases::closeAll);
    }

    private static void closeAll() {
        List<String> opened = Platform.casesOpened();
        if (opened.isEmpty()) {
            return;
        }
        String mia = Platform.token("mia", "mia-dev-password");
        for (String id : opened) {
            String status = given().auth()
                    .oauth2(mia)
                    .get(Platform.CASES + "/api/v1/cases/" + id)
                    .then()
                    .extract()
                    .path("status");
            if (status != null && WORKED.contains(status)) {
                status = given().auth()
                        .oauth2(mia)
                        .contentType(ContentType.JSON)
                        .body(Map.of("verdict", "benign", "note", "end-to-end test case"))
                        .urlEncodingEnabled(false)
                        .post(Platform.CASES + "/api/v1/cases/" + id + ":resolve")
                        .then()
                        .extract()
                        .path("status");
            }
            if ("resolved".equals(status)) {
                status = given().auth()
                        .oauth2(mia)
                        .urlEncodingEnabled(false)
                        .post(Platform.CASES + "/api/v1/cases/" + id + ":close")
                        .then()
                        .extract()
                        .path("status");
            }
            if (!"closed".equals(status) && !"merged".equals(status)) {
                // not a failure of the run: the next runs find this case in the queue, that is all
                System.err.printf("case %s opened by the tests is left %s%n", id, status);
            }
        }
    }
}
