package io.socaas.transporttls;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The security settings of the Kafka clients a service builds itself (consumers, producers, admin
 * clients, Kafka Streams), taken from the same {@code kafka.*} configuration that the Kafka connector
 * uses, so that every client of a service talks to the broker the same way (plain, or SSL with the
 * platform's CA under the configuration profile {@code tls}).
 */
public final class KafkaClientSecurity {

    /** The client settings (without the {@code kafka.} prefix) that concern the connection's security. */
    static final List<String> KEYS = List.of(
            "security.protocol",
            "ssl.truststore.type",
            "ssl.truststore.location",
            "ssl.truststore.password",
            "ssl.truststore.certificates",
            "ssl.keystore.type",
            "ssl.keystore.location",
            "ssl.keystore.password",
            "ssl.key.password",
            "ssl.endpoint.identification.algorithm",
            "ssl.enabled.protocols",
            "sasl.mechanism",
            "sasl.jaas.config");

    private KafkaClientSecurity() {}

    /** The security settings of the service's configuration, ready to add to a client's properties. */
    public static Map<String, String> settings() {
        return settings(ConfigProvider.getConfig());
    }

    /** The security settings present in the configuration, ready to add to a client's properties. */
    public static Map<String, String> settings(Config config) {
        Map<String, String> settings = new LinkedHashMap<>();
        for (String key : KEYS) {
            config.getOptionalValue("kafka." + key, String.class).ifPresent(value -> settings.put(key, value));
        }
        return settings;
    }
}
