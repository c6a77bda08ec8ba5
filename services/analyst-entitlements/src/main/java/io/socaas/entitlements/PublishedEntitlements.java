package io.socaas.entitlements;

import com.google.protobuf.Message;
import com.google.protobuf.Parser;
import io.socaas.access.AnalystEntitlements;
import io.socaas.access.TenantReach;
import io.socaas.tenantfacts.CompactedTopicReader;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The analysts' entitlements as case-management publishes them on the compacted topic {@code
 * soc.entitlements.v1} ({@code socaas.entitlements.topic}; the tests' {@code
 * soc.entitlements.test.v1}), read from its start when the service starts and followed: a change
 * is seen within the poll interval, without a restart. An analyst with no published entitlement
 * (never published, or its profile was removed) has none: the services deny it every tenant.
 *
 * <p>A record is applied only when its key and its payload's {@code username} name the same analyst
 * (a tombstone: any key), and when its revision is not older than the one held.
 */
@ApplicationScoped
public class PublishedEntitlements implements AnalystEntitlements {

    /** The topic's name unless configured. */
    public static final String TOPIC = "soc.entitlements.v1";

    private static final Logger LOG = Logger.getLogger(PublishedEntitlements.class);

    private volatile Reader reader;

    /** Reads the topic with the service's generated message. */
    static final class Reader {
        final EntitlementMessages messages;
        final CompactedTopicReader<String, Message> topic;

        Reader(EntitlementMessages messages, CompactedTopicReader<String, Message> topic) {
            this.messages = messages;
            this.topic = topic;
        }
    }

    /** Starts reading with the service: the readiness check waits until everything is read. */
    void onStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
        reader();
    }

    @Override
    public Optional<TenantReach> of(String username) {
        Reader current = reader();
        return current.topic.get(username).map(current.messages::reach);
    }

    /** True once everything published before the start has been read. */
    public boolean isCaughtUp() {
        return reader().topic.isCaughtUp();
    }

    /** For the readiness check. */
    public Map<String, Object> status() {
        return reader().topic.status();
    }

    @PreDestroy
    void close() {
        Reader current = reader;
        if (current != null) {
            current.topic.close();
        }
    }

    private Reader reader() {
        Reader current = reader;
        if (current == null) {
            synchronized (this) {
                current = reader;
                if (current == null) {
                    EntitlementMessages messages = EntitlementMessages.ofGeneratedClass();
                    current = new Reader(
                            messages,
                            start(
                                    CompactedTopicReader.settingsFromConfig("socaas.entitlements.topic", TOPIC),
                                    messages));
                    reader = current;
                    LOG.debugf(
                            "reading analysts' entitlements from %s",
                            current.topic.status().get("topic"));
                }
            }
        }
        return current;
    }

    /** The reader of an entitlements topic: key = payload's user name, newest revision kept. */
    public static CompactedTopicReader<String, Message> start(
            CompactedTopicReader.Settings settings, EntitlementMessages messages) {
        @SuppressWarnings("unchecked")
        Parser<Message> parser = (Parser<Message>) messages.prototype().getParserForType();
        return CompactedTopicReader.start(
                settings,
                new CompactedTopicReader.Shape<>(
                        "analyst",
                        "analyst-wall",
                        parser,
                        key -> key.isBlank() ? Optional.empty() : Optional.of(key),
                        messages::revision,
                        (headers, key, payload) -> {
                            if (payload == null || key.equals(messages.username(payload))) {
                                return Optional.empty();
                            }
                            String named = messages.username(payload);
                            return Optional.of((partition, offset, consequence) -> LOG.warnf(
                                    "%s@%d-%d: key names analyst '%s', payload '%s': %s",
                                    settings.topic(), partition, offset, key, named, consequence));
                        }));
    }
}
