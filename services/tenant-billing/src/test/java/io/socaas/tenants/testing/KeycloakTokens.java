package io.socaas.tenants.testing;

/** Access tokens of the demo users of realm {@code socaas} (docs/contracts.md), by password grant. */
public final class KeycloakTokens {

    private KeycloakTokens() {}

    /** mssp-admin, soc-manager. */
    public static String ops() {
        return accessToken("ops", "ops-dev-password");
    }

    /** analyst, analyst-l1. */
    public static String ana() {
        return accessToken("ana", "ana-dev-password");
    }

    /** customer-admin of acme. */
    public static String alice() {
        return accessToken("alice@acme.example", "alice-dev-password");
    }

    /** sales. */
    public static String sam() {
        return accessToken("sam", "sam-dev-password");
    }

    /** The CRM's service account (role sales), by client credentials. */
    public static String crm() {
        return clientToken("crm", "crm-dev-secret");
    }

    /** ingestion's own token (svc-ingest-keys, svc-tenant-reader), by client credentials. */
    public static String ingestionService() {
        return clientToken("socaas-ingestion", "socaas-ingestion-dev-secret");
    }

    public static String clientToken(String clientId, String secret) {
        return io.socaas.localstack.testing.RealmTokens.client(clientId, secret);
    }

    /** A valid token of the realm's administrator, issued to admin-cli (a client the APIs refuse). */
    public static String adminCliOfRealm(String username, String password) {
        return io.socaas.localstack.testing.RealmTokens.throughAdminCli(username, password);
    }

    public static String accessToken(String username, String password) {
        return io.socaas.localstack.testing.RealmTokens.user(username, password);
    }
}
