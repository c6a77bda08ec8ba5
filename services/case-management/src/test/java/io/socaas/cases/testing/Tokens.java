package io.socaas.cases.testing;

import io.socaas.localstack.testing.RealmTokens;

/** Access tokens of the local realm's demo users and services, from the real Keycloak. */
public final class Tokens {

    public static final String TOKEN_URL = "http://127.0.0.1:8180/realms/socaas/protocol/openid-connect/token";

    private Tokens() {}

    /** A token of {@code username}, whose password is {@code <username>-dev-password}. */
    public static String of(String username) {
        return RealmTokens.user(username);
    }

    public static String of(String username, String password) {
        return RealmTokens.user(username, password);
    }

    /** A client-credentials token of a confidential client of the realm (a platform service). */
    public static String ofClient(String clientId) {
        return RealmTokens.client(clientId);
    }

    /** tenant-billing's own token: its service account reads any tenant's cases (svc-case-reader). */
    public static String tenantBillingService() {
        return RealmTokens.client("socaas-tenant-billing");
    }
}
