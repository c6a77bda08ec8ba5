package io.socaas.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.http.ContentType;
import io.socaas.localstack.DemoTenant;
import io.socaas.localstack.LocalTls;
import io.socaas.localstack.StackSettings;
import io.socaas.localstack.component.Postgres;
import io.socaas.localstack.component.Service;
import io.socaas.localstack.process.ProcessSupervisor;
import io.socaas.localstack.testing.HttpProbe;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The event-to-case flow with the platform on TLS ({@code ./soc up --tls}): the README's sample
 * event goes to ingestion over HTTPS, its key is checked over gRPC with TLS, it crosses Kafka on SSL
 * and becomes a case that case-management and the portal serve over HTTPS, to tokens Keycloak
 * issued over HTTPS; OpenSearch answers only HTTPS and the services' links to PostgreSQL are
 * encrypted. Every client here trusts the local CA and nothing else.
 *
 * <p>It runs in this module's failsafe execution {@code tls}, after every other IT, because it
 * restarts the platform with TLS (system property {@code socaas.tls}); alone: {@code -Dit.test=
 * TlsIngestToCaseIT -Dsocaas.tls=true}.
 */
class TlsIngestToCaseIT {

    private static final String WHOAMI_PRIV_RULE = "97a80ec7-0e2f-4d05-9ef4-65760e634f6b";

    @BeforeAll
    static void platformWithTls() {
        assertThat(Platform.SETTINGS.tls())
                .as(
                        "the platform under test runs with TLS: run with -Dsocaas.tls=true (the failsafe execution tls does)")
                .isTrue();
        Platform.ensureRunning();
    }

    @Test
    void everyServiceAndKeycloakAnswerOnlyOverHttpsWithACertificateOfTheLocalCa() {
        for (Map.Entry<String, Integer> service : Service.PORTS.entrySet()) {
            int port = service.getValue();
            given().get(Platform.url(service.getKey()) + "/q/health/ready")
                    .then()
                    .statusCode(200);
            assertThat(plainHttpAnswer("http://" + StackSettings.HOST + ":" + port + "/q/health/ready"))
                    .as("%s on plain http, port %d", service.getKey(), port)
                    .isEmpty();
            assertThatThrownBy(() -> statusTrustingTheJdkDefaults(Platform.url(service.getKey()) + "/q/health/ready"))
                    .as("%s's certificate is not one a client trusts without the local CA", service.getKey())
                    .isInstanceOf(SSLHandshakeException.class);
        }
        String opensearch = Platform.SETTINGS.opensearchUrl() + "/_cluster/health";
        assertThat(opensearch).startsWith("https://");
        given().get(opensearch).then().statusCode(200);
        assertThat(plainHttpAnswer(opensearch.replaceFirst("^https:", "http:")))
                .as("OpenSearch on plain http")
                .isEmpty();
        assertThatThrownBy(() -> statusTrustingTheJdkDefaults(opensearch))
                .as("OpenSearch's certificate is not one a client trusts without the local CA")
                .isInstanceOf(SSLHandshakeException.class);
        String discovery = Platform.SETTINGS.issuer() + "/.well-known/openid-configuration";
        given().get(discovery).then().statusCode(200).body("issuer", equalTo(Platform.SETTINGS.issuer()));
        assertThat(Platform.SETTINGS.issuer()).startsWith("https://");
        assertThat(plainHttpAnswer(discovery.replaceFirst("^https:", "http:")))
                .as("Keycloak on plain http")
                .isEmpty();
    }

    @Test
    void sampleEventSentOverHttpsBecomesACaseServedOverHttps() {
        DemoTenant demo = new DemoTenant(Platform.SETTINGS);
        Instant sent = Instant.now();
        String ingestId = Platform.ingestOne(demo.ingestKey(), demo.sampleWithFreshHost());

        String caseId = await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> Platform.caseHolding(DemoTenant.TENANT, ingestId), id -> id != null);
        System.out.printf(
                "over TLS: event %s became case %s after %d ms%n",
                ingestId, caseId, Duration.between(sent, Instant.now()).toMillis());

        given().auth()
                .oauth2(Platform.ana())
                .get(Platform.CASES + "/api/v1/cases/{id}", caseId)
                .then()
                .statusCode(200)
                .body("tenant_id", equalTo(DemoTenant.TENANT))
                .body("severity", equalTo("high"))
                .body("rule.id", equalTo(WHOAMI_PRIV_RULE));
        // the portal reads the customer's cases from case-management over gRPC with TLS
        Platform.portalAs(Platform.alice()).body(containsString(caseId));
    }

    @Test
    void theServicesTalkToPostgresqlOverTls() {
        Postgres postgres = new Postgres(Platform.SETTINGS, new ProcessSupervisor(Platform.SETTINGS.run()));
        // the pools connect on first use: a read of each database-backed service opens its pool
        await().atMost(Duration.ofSeconds(30))
                .pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> {
                    given().auth()
                            .oauth2(Platform.ana())
                            .queryParam("tenant", DemoTenant.TENANT)
                            .get(Platform.CASES + "/api/v1/cases")
                            .then()
                            .statusCode(200);
                    given().auth()
                            .oauth2(Platform.ops())
                            .get(Platform.TENANTS + "/api/v1/tenants/{id}", DemoTenant.TENANT)
                            .then()
                            .statusCode(200);
                    assertThat(postgres.platformSessions())
                            .extracting(Postgres.Session::role)
                            .contains("socaas_tenants_app", "socaas_cases_app");
                });
        assertThat(postgres.platformSessions())
                .as("every session of the platform's roles is encrypted")
                .allSatisfy(
                        session -> assertThat(session.tls()).as(session.role()).isTrue());
    }

    @Test
    void theCustomersPortalSendsABrowserToKeycloaksLoginOverHttps() throws Exception {
        // what a browser does: the portal redirects to Keycloak, which must accept the portal's https
        // address as where to come back to, and shows its login form
        String login = given().redirects()
                .follow(false)
                .accept(ContentType.HTML)
                .get(Platform.PORTAL + "/portal")
                .then()
                .statusCode(302)
                .extract()
                .header("Location");
        assertThat(login).startsWith(Platform.SETTINGS.issuer() + "/protocol/openid-connect/auth");
        assertThat(java.net.URLDecoder.decode(login, java.nio.charset.StandardCharsets.UTF_8))
                .contains("redirect_uri=" + Platform.PORTAL + "/");
        // the Location as the browser gets it, already encoded, sent as it is by a client that trusts the local CA
        HttpResponse<String> page =
                HttpProbe.get(login, LocalTls.of(Platform.SETTINGS).clientContext());
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        assertThat(page.body()).contains("kc-form-login");
    }

    /** The status of a plain-HTTP answer, or empty when the port does not speak plain HTTP. */
    private static Optional<Integer> plainHttpAnswer(String url) {
        assertThat(url).startsWith("http://");
        try {
            return Optional.of(statusTrustingTheJdkDefaults(url));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The status of a call by a client of the JDK's defaults: over HTTPS it trusts the JDK's CAs, not the local one. */
    private static int statusTrustingTheJdkDefaults(String url) throws IOException {
        return HttpProbe.get(url, HttpProbe.jdkDefaults()).statusCode();
    }
}
