package io.socaas.reporting.portal.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.socaas.access.TenantReach;
import io.socaas.entitlements.testing.DemoEntitlementsResource;
import io.socaas.entitlements.testing.EntitlementsTestTopic;
import io.socaas.localstack.testing.LocalStackResource;
import io.socaas.reporting.portal.testing.DemoTenantFacts;
import io.socaas.reporting.portal.testing.FakeCaseManagement;
import io.socaas.reporting.portal.testing.KeycloakTokens;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The portal's rule page names a tenant with {@code ?tenant=}: an analyst reads only the rules of
 * the tenants case-management published an entitlement to (here on the tests'
 * soc.entitlements.test.v1); lee (acme only) never globex's, ana (all) any tenant's, and a change of
 * entitlement takes effect within 10 s.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStackResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = FakeCaseManagement.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = DemoTenantFacts.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = DemoEntitlementsResource.class, restrictToAnnotatedClass = false)
class PortalRuleEntitlementTest {

    /** Runs for acme (alice sees it). */
    private static final String ACME_RULE = FakeCaseManagement.WHOAMI_RULE_ID;
    /** Runs for globex (bob sees it). */
    private static final String GLOBEX_RULE = DemoTenantFacts.CERTUTIL_RULE_ID;

    private final EntitlementsTestTopic entitlements = new EntitlementsTestTopic();

    @AfterEach
    void restore() {
        entitlements.publish("lee", DemoEntitlementsResource.DEMO_ENTITLEMENTS.get("lee"));
        entitlements.close();
    }

    private static Response rule(String token, String ruleId, String tenant) {
        return given().auth()
                .oauth2(token)
                .redirects()
                .follow(false)
                .when()
                .get("/portal/rules/" + ruleId + "?tenant=" + tenant);
    }

    @Test
    void leeEntitledToAcmeOnlyReadsAcmesRulesAndNoneOfGlobex() {
        rule(KeycloakTokens.lee(), ACME_RULE, "acme").then().statusCode(200).body(containsString("id: " + ACME_RULE));

        String refused = rule(KeycloakTokens.lee(), GLOBEX_RULE, "globex")
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("https://socaas.io/problems/tenant-access-denied"))
                .extract()
                .asString();
        assertThat(refused).doesNotContain("id: " + GLOBEX_RULE).doesNotContain("author");
        // whether the tenant exists or not: the same refusal
        rule(KeycloakTokens.lee(), GLOBEX_RULE, "no-such-tenant").then().statusCode(403);
    }

    @Test
    void anAnalystEntitledToAllTenantsReadsGlobexsRules() {
        rule(KeycloakTokens.ana(), GLOBEX_RULE, "globex")
                .then()
                .statusCode(200)
                .body(containsString("id: " + GLOBEX_RULE));
    }

    @Test
    void anAnalystWithoutAPublishedEntitlementReadsNoTenantsRules() {
        entitlements.remove("lee");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> rule(KeycloakTokens.lee(), ACME_RULE, "acme").statusCode() == 403);
    }

    @Test
    void aChangeOfEntitlementTakesEffectWithin10Seconds() {
        rule(KeycloakTokens.lee(), GLOBEX_RULE, "globex").then().statusCode(403);

        long published = System.nanoTime();
        entitlements.publish("lee", TenantReach.only(List.of("acme", "globex")));
        await().atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> rule(KeycloakTokens.lee(), GLOBEX_RULE, "globex").statusCode() == 200);
        assertThat(Duration.ofNanos(System.nanoTime() - published)).isLessThan(Duration.ofSeconds(10));

        entitlements.publish("lee", TenantReach.only(List.of("acme")));
        await().atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> rule(KeycloakTokens.lee(), GLOBEX_RULE, "globex").statusCode() == 403);
    }
}
