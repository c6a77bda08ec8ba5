package io.socaas.e2e;

import static io.restassured.RestAssured.given;

import io.restassured.RestAssured;
import io.restassured.config.SSLConfig;
import io.restassured.http.ContentType;
import io.socaas.localstack.Console;
import io.socaas.localstack.DemoTenant;
import io.socaas.localstack.LocalStack;
import io.socaas.localstack.LocalTls;
import io.socaas.localstack.StackSettings;
import io.socaas.localstack.component.Service;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The running platform as the tests see it: started (or reused) through the local-stack launcher,
 * reached only through its public HTTP APIs (HTTPS when it runs with TLS).
 */
final class Platform {

    /**
     * How the launcher reaches the platform: plain, or with TLS when the system property {@code
     * socaas.tls} is true (the failsafe execution {@code tls} of this module sets it).
     */
    static final StackSettings SETTINGS = StackSettings.fromEnvironment();

    static final String INGESTION = url("ingestion");
    static final String CASES = url("case-management");
    static final String TENANTS = url("tenant-billing");
    static final String PORTAL = url("reporting");

    private static volatile LocalStack stack;
    private static final Map<String, CachedToken> TOKENS = new ConcurrentHashMap<>();
    private static final Set<String> CASES_OPENED = ConcurrentHashMap.newKeySet();

    private Platform() {}

    /**
     * Brings the whole platform to healthy, as ./soc up does (./soc up --tls with {@code
     * socaas.tls}); reuses what already runs in that mode and restarts what the launcher started in the
     * other one. With TLS, REST Assured trusts the local CA and nothing else.
     */
    static synchronized void ensureRunning() {
        if (stack == null) {
            LocalStack s = new LocalStack(SETTINGS, Console.stdout());
            if (SETTINGS.tls()) {
                RestAssured.config = RestAssured.config()
                        .sslConfig(SSLConfig.sslConfig()
                                .trustStore(LocalTls.of(SETTINGS).trustStore()));
            }
            s.ensurePlatform();
            stack = s;
        }
    }

    /** The base URL (scheme, address, port) of a service of the platform. */
    static String url(String service) {
        return SETTINGS.serviceUrl(Service.PORTS.get(service));
    }

    /**
     * Access token of a realm user (docs/contracts.md lists them); a cached one is used for at most
     * two minutes, well within the realm's access-token lifetime.
     */
    static String token(String user, String password) {
        return TOKENS.compute(
                        user,
                        (u, cached) -> cached != null
                                        && cached.fetched()
                                                .isAfter(java.time.Instant.now().minus(TOKEN_REUSE))
                                ? cached
                                : new CachedToken(
                                        new DemoTenant(stack.settings()).accessToken(u, password),
                                        java.time.Instant.now()))
                .token();
    }

    private record CachedToken(String token, java.time.Instant fetched) {}

    private static final java.time.Duration TOKEN_REUSE = java.time.Duration.ofMinutes(2);

    /** Counts a case as opened by the tests: it is closed when the run ends ({@link ClosesOpenedCases}). */
    static String opened(String caseId) {
        if (caseId != null) {
            CASES_OPENED.add(caseId);
        }
        return caseId;
    }

    /** The cases the tests opened so far. */
    static List<String> casesOpened() {
        return List.copyOf(CASES_OPENED);
    }

    static String alice() {
        return token("alice@acme.example", "alice-dev-password");
    }

    static String bob() {
        return token("bob@globex.example", "bob-dev-password");
    }

    static String ana() {
        return token("ana", "ana-dev-password");
    }

    static String ops() {
        return token("ops", "ops-dev-password");
    }

    /** A fresh ingest key for a tenant, issued by the MSSP operator through the tenant API. */
    static String issueIngestKey(String tenant) {
        return given().auth()
                .oauth2(ops())
                .contentType(ContentType.JSON)
                .body(Map.of("source_name", "e2e-" + System.nanoTime()))
                .post(TENANTS + "/api/v1/tenants/{tenant}/ingest-keys", tenant)
                .then()
                .statusCode(201)
                .extract()
                .path("ingest_key");
    }

    /**
     * Sends the README's sample (a Sysmon process creation of {@code whoami /priv}) for {@code
     * tenant} on a host of its own, so that it opens a new case; answers its ingest id.
     */
    static String sendWhoamiPriv(String tenant) {
        Map<String, Object> event = Map.of(
                "EventID",
                1,
                "Channel",
                "Microsoft-Windows-Sysmon/Operational",
                "Computer",
                "e2e-" + java.util.UUID.randomUUID().toString().substring(0, 8) + "." + tenant + ".local",
                "Image",
                "C:\\Windows\\System32\\whoami.exe",
                "CommandLine",
                "whoami /priv");
        return ingestOne(issueIngestKey(tenant), List.of(event));
    }

    /** The customer portal's page as the holder of {@code token} sees it (answered 200). */
    static io.restassured.response.ValidatableResponse portalAs(String token) {
        return given().auth()
                .oauth2(token)
                .accept(ContentType.HTML)
                .get(PORTAL + "/portal")
                .then()
                .statusCode(200);
    }

    /**
     * Sends one event (a JSON document holding one event) with an ingest key; answers its ingest id
     * once ingestion has accepted it. Sends as the API asks a sender to: with an {@code
     * Idempotency-Key}, and again after a 503 (a dependency not answering yet, as on a freshly started
     * platform) until accepted, within 30 s; the retried batch keeps its ingest id.
     */
    static String ingestOne(String ingestKey, Object body) {
        String batchKey = java.util.UUID.randomUUID().toString();
        io.restassured.response.Response answer = org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(30))
                .pollInterval(java.time.Duration.ofSeconds(1))
                .until(
                        () -> given().header("Authorization", "Bearer " + ingestKey)
                                .header("Idempotency-Key", batchKey)
                                .contentType(ContentType.JSON)
                                .body(body)
                                .post(INGESTION + "/api/v1/events"),
                        r -> r.statusCode() != 503);
        return answer.then()
                .statusCode(202)
                .body("accepted", org.hamcrest.Matchers.equalTo(1))
                .extract()
                .path("ingest_ids[0]");
    }

    /** A new case of {@code tenant}, opened by {@link #sendWhoamiPriv}; answers its id. */
    static String newWhoamiCase(String tenant) {
        String ingestId = sendWhoamiPriv(tenant);
        return org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(30))
                .pollInterval(java.time.Duration.ofMillis(250))
                .until(() -> caseHolding(tenant, ingestId), c -> c != null);
    }

    /** The id of the tenant's case that holds the event, as an analyst sees it; null while there is none. */
    static String caseHolding(String tenant, String ingestId) {
        List<Map<String, Object>> cases = given().auth()
                .oauth2(ana())
                .queryParam("tenant", tenant)
                .queryParam("limit", 500)
                .get(CASES + "/api/v1/cases")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("$");
        return opened(cases.stream()
                .filter(c -> ((List<?>) c.getOrDefault("event_ingest_ids", List.of())).contains(ingestId))
                .map(c -> (String) c.get("id"))
                .findFirst()
                .orElse(null));
    }
}
