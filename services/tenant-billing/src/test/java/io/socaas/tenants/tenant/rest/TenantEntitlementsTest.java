package io.socaas.tenants.tenant.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.socaas.access.TenantReach;
import io.socaas.entitlements.testing.DemoEntitlementsResource;
import io.socaas.entitlements.testing.EntitlementsTestTopic;
import io.socaas.localstack.testing.LocalStackResource;
import io.socaas.localstack.testing.RealmTokens;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The tenants API shows an analyst only the tenants case-management published an entitlement to
 * (here on the tests' soc.entitlements.test.v1): lee (acme only) neither lists nor reads globex, ana
 * (all) and the SOC manager mia see every tenant, and a change of entitlement takes effect within
 * 10 s.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStackResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = DemoEntitlementsResource.class, restrictToAnnotatedClass = false)
class TenantEntitlementsTest {

    private final EntitlementsTestTopic entitlements = new EntitlementsTestTopic();

    @AfterEach
    void restore() {
        entitlements.publish("lee", DemoEntitlementsResource.DEMO_ENTITLEMENTS.get("lee"));
        entitlements.close();
    }

    private static List<String> listed(String user) {
        return given().auth()
                .oauth2(RealmTokens.user(user))
                .get("/api/v1/tenants")
                .then()
                .statusCode(200)
                .extract()
                .path("tenant_id");
    }

    private static int read(String user, String tenant) {
        return given().auth()
                .oauth2(RealmTokens.user(user))
                .get("/api/v1/tenants/" + tenant)
                .statusCode();
    }

    @Test
    void leeEntitledToAcmeOnlyListsAndReadsAcmeAndNothingOfGlobex() {
        assertThat(listed("lee")).contains("acme").doesNotContain("globex");
        assertThat(read("lee", "acme")).isEqualTo(200);
        given().auth()
                .oauth2(RealmTokens.user("lee"))
                .get("/api/v1/tenants/globex")
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("tenant_id", org.hamcrest.Matchers.nullValue())
                .body("status", equalTo(403));
        // whether the tenant exists or not: the same refusal
        assertThat(read("lee", "no-such-tenant")).isEqualTo(403);
    }

    @Test
    void anAnalystEntitledToAllTenantsAndTheSocManagerSeeEveryTenant() {
        assertThat(listed("ana")).contains("acme", "globex");
        assertThat(read("ana", "globex")).isEqualTo(200);
        given().auth()
                .oauth2(RealmTokens.user("mia"))
                .get("/api/v1/tenants")
                .then()
                .statusCode(200)
                .body("tenant_id", hasItems("acme", "globex"));
        assertThat(read("mia", "globex")).isEqualTo(200);
    }

    @Test
    void anAnalystWithoutAPublishedEntitlementSeesNoTenant() {
        entitlements.remove("lee");
        await().atMost(Duration.ofSeconds(10)).until(() -> listed("lee").isEmpty());
        assertThat(read("lee", "acme")).isEqualTo(403);
    }

    @Test
    void aChangeOfEntitlementTakesEffectWithin10Seconds() {
        assertThat(read("lee", "globex")).isEqualTo(403);

        long published = System.nanoTime();
        entitlements.publish("lee", TenantReach.only(List.of("acme", "globex")));
        await().atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> read("lee", "globex") == 200);
        assertThat(Duration.ofNanos(System.nanoTime() - published)).isLessThan(Duration.ofSeconds(10));
        assertThat(listed("lee")).contains("acme", "globex");

        entitlements.publish("lee", TenantReach.only(List.of("acme")));
        await().atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> read("lee", "globex") == 403);
    }
}
