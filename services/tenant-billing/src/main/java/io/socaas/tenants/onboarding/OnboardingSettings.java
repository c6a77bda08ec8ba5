package io.socaas.tenants.onboarding;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Onboarding through the API and the provisioning saga. */
@ConfigMapping(prefix = "socaas.onboarding")
public interface OnboardingSettings {

    /** Rule packs a tenant created through the API starts with. */
    @WithDefault("windows-core")
    List<String> defaultRulePacks();

    /** How the saga retries a failed step. */
    Retry retry();

    /** The saga runner. */
    Runner runner();

    /** Where the Keycloak organization and the first admin are made. */
    Keycloak keycloak();

    /** Where the tenant's index template, index and alias are made. */
    OpenSearch opensearch();

    /** Where the tenant's namespace is made, if anywhere. */
    Kubernetes kubernetes();

    interface Retry {
        /** Attempts per step before the saga fails (a precondition failure fails at once). */
        @WithDefault("5")
        int maxAttempts();

        /** Wait after the first failed attempt; doubles with each further failure. */
        @WithDefault("2s")
        Duration initialBackoff();

        /** Longest wait between two attempts. */
        @WithDefault("1m")
        Duration maxBackoff();
    }

    interface Runner {
        /** How often the runner looks for sagas that are due (new ones are started at once). */
        @WithDefault("5s")
        Duration pollInterval();

        /** How long a claimed saga is left to its runner before another may take it over. */
        @WithDefault("2m")
        Duration lease();

        /** Sagas run side by side. */
        @WithDefault("2")
        int threads();

        /** Start the runner with the service (tests that drive the saga themselves turn it off). */
        @WithDefault("true")
        boolean enabled();
    }

    interface Keycloak {
        /** Realm of the tenants' organizations and users. */
        @WithDefault("socaas")
        String realm();

        /** Realm role of a tenant's first customer admin. */
        @WithDefault("customer-admin")
        String adminRole();
    }

    interface OpenSearch {
        /** OpenSearch base URL. */
        @WithDefault("http://127.0.0.1:9200")
        URI url();
    }

    interface Kubernetes {
        /**
         * Whether a Kubernetes cluster is configured (its API server is
         * {@code quarkus.kubernetes-client.api-server-url}). Without one the step is skipped.
         */
        @WithDefault("false")
        boolean enabled();

        /** Shown as the reason of the skipped step. */
        Optional<String> skipReason();
    }
}
