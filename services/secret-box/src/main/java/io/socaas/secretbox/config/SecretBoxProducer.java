package io.socaas.secretbox.config;

import io.quarkus.runtime.Startup;
import io.socaas.secretbox.Keyring;
import io.socaas.secretbox.SecretBox;
import io.socaas.secretbox.SecretBoxException;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

/**
 * The service's {@link SecretBox}, built at start-up: a missing or wrong keyring stops the service
 * with a message that says which setting to fix, before it stores or reads any secret.
 */
public class SecretBoxProducer {

    private static final Logger LOG = Logger.getLogger(SecretBoxProducer.class);

    static final String HOW_TO = "set socaas.secret-box.keys (env SOCAAS_SECRET_BOX_KEYS) to"
            + " <key id>:<base64 of 32 random bytes> (openssl rand -base64 32), comma-separated when older keys are"
            + " kept, and socaas.secret-box.active-key (SOCAAS_SECRET_BOX_ACTIVE_KEY) to the id of the key that"
            + " seals; on Kubernetes the Helm value secretBox.existingSecret names the Secret that holds them";

    @Produces
    @Singleton
    @Startup
    SecretBox secretBox(SecretBoxConfig config) {
        Keyring keyring;
        try {
            keyring = Keyring.parse(config.keys().orElse(null), config.activeKey());
        } catch (SecretBoxException.BadKeyring e) {
            throw new SecretBoxException.BadKeyring(
                    "secrets at rest cannot be encrypted: " + e.getMessage() + ". " + HOW_TO);
        }
        LOG.infof("secrets at rest sealed under key '%s' (keyring %s)", keyring.activeKeyId(), keyring.keyIds());
        return new SecretBox(keyring);
    }
}
