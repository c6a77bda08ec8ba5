package io.socaas.secretbox.config;

import io.smallrye.config.ConfigMapping;
import java.util.Optional;

/**
 * The keyring of the secrets a service keeps at rest. No default outside the dev and test
 * profiles: a service that stores secrets refuses to start without a key.
 */
@ConfigMapping(prefix = "socaas.secret-box")
public interface SecretBoxConfig {

    /**
     * {@code <key id>:<base64 of 32 random bytes>}, comma-separated: the active key and the older
     * keys still needed to open what was sealed under them (env {@code SOCAAS_SECRET_BOX_KEYS}, from
     * a Kubernetes Secret).
     */
    Optional<String> keys();

    /**
     * The id of the key that seals (env {@code SOCAAS_SECRET_BOX_ACTIVE_KEY}); may be left out when
     * the keyring holds a single key.
     */
    Optional<String> activeKey();
}
