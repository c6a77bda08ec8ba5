package io.socaas.entitlements.testing;

import io.socaas.access.TenantReach;
import io.socaas.entitlements.EntitlementMessages;
import io.socaas.tenantfacts.testing.TenantFactsTestTopic;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * For the services' tests: publishes analysts' entitlements as case-management does (key = user
 * name) on {@value #TOPIC}, the topic the services read in their {@code %test} profile, so that
 * tests never touch the live platform's {@code soc.entitlements.v1}.
 */
public final class EntitlementsTestTopic implements AutoCloseable {

    public static final String TOPIC = "soc.entitlements.test.v1";

    private final KafkaProducer<String, byte[]> producer;
    private final EntitlementMessages messages;

    /** With the service's generated {@code AnalystEntitlement}. */
    public EntitlementsTestTopic() {
        this(EntitlementMessages.ofGeneratedClass());
    }

    public EntitlementsTestTopic(EntitlementMessages messages) {
        this.messages = messages;
        this.producer = TenantFactsTestTopic.producer();
    }

    /** A revision newer than anything published before: the current time in microseconds. */
    public static long newRevision() {
        java.time.Instant now = java.time.Instant.now();
        return now.getEpochSecond() * 1_000_000 + now.getNano() / 1_000;
    }

    /** Publishes the analyst's entitlement. */
    public void publish(String analyst, TenantReach reach) {
        send(analyst, messages.message(analyst, reach, newRevision()).toByteArray());
    }

    /** Publishes the analyst's tombstone: its profile was removed. */
    public void remove(String analyst) {
        send(analyst, null);
    }

    /** Publishes a record as it is (key and value), for tests of the readers' rules. */
    public void send(String key, byte[] value) {
        try {
            producer.send(new ProducerRecord<>(TOPIC, key, value)).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not publish the entitlement of " + key + " on " + TOPIC, e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
