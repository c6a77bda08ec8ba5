package io.socaas.cases.analysts;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.socaas.cases.testing.DemoTenantFacts;
import io.socaas.cases.testing.Tokens;
import io.socaas.localstack.testing.LocalStackResource;
import io.socaas.proto.analyst.v1.AnalystEntitlement;
import io.socaas.tenantfacts.CompactedTopicReader;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * case-management publishes every analyst's entitlement on the tests' soc.entitlements.test.v1 as
 * the other services read it: the demo analysts from the start, a SOC manager's change within
 * seconds, a removed profile as a tombstone.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStackResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = DemoTenantFacts.class, restrictToAnnotatedClass = false)
class EntitlementPublicationTest {

    private CompactedTopicReader<String, AnalystEntitlement> published;

    @BeforeEach
    void read() throws Exception {
        published = CompactedTopicReader.start(
                new CompactedTopicReader.Settings("127.0.0.1:9092", "soc.entitlements.test.v1", "cases-test"),
                new CompactedTopicReader.Shape<>(
                        "analyst",
                        "analyst-wall",
                        AnalystEntitlement.parser(),
                        Optional::of,
                        AnalystEntitlement::getRevision,
                        (headers, key, payload) -> Optional.empty()));
        assertThat(published.awaitCaughtUp(Duration.ofSeconds(30))).isTrue();
    }

    @AfterEach
    void close() {
        published.close();
    }

    @Test
    void theDemoAnalystsEntitlementsArePublished() {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(published.get("lee")).hasValueSatisfying(lee -> {
                assertThat(lee.getAllTenants()).isFalse();
                assertThat(lee.getTenantsList()).containsExactly("acme");
            });
            assertThat(published.get("ana"))
                    .hasValueSatisfying(ana -> assertThat(ana.getAllTenants()).isTrue());
        });
    }

    @Test
    void aSocManagersChangeIsPublishedWithinSecondsAndARemovalAsATombstone() {
        String mia = Tokens.of("mia");
        String name = "ent-" + UUID.randomUUID().toString().substring(0, 8);

        AnalystPoolTest.put(mia, name, Map.of("tier", "l1", "tenants", List.of("acme")))
                .statusCode(201);
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(published.get(name))
                        .hasValueSatisfying(e -> assertThat(e.getTenantsList()).containsExactly("acme")));
        long first = published.get(name).orElseThrow().getRevision();

        AnalystPoolTest.put(mia, name, Map.of("tier", "l1", "tenants", List.of("acme", "globex")))
                .statusCode(200);
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(published.get(name))
                        .hasValueSatisfying(e -> assertThat(e.getTenantsList()).containsExactly("acme", "globex")));
        assertThat(published.get(name).orElseThrow().getRevision()).isGreaterThan(first);

        AnalystPoolTest.put(mia, name, Map.of("tier", "l1", "tenants", "all")).statusCode(200);
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(published.get(name))
                        .hasValueSatisfying(e -> assertThat(e.getAllTenants()).isTrue()));

        given().auth().oauth2(mia).delete("/api/v1/analysts/" + name).then().statusCode(204);
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(published.get(name)).isEmpty());
    }
}
