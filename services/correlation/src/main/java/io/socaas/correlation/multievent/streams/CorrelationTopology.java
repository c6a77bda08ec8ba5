package io.socaas.correlation.multievent.streams;

import io.socaas.correlation.detection.kafka.AlertRecords;
import io.socaas.correlation.multievent.domain.CorrelationAlert;
import io.socaas.correlation.multievent.domain.CorrelationEngine;
import io.socaas.correlation.multievent.domain.CorrelationGroups;
import io.socaas.correlation.multievent.domain.GroupState;
import io.socaas.correlation.multievent.domain.RuleMatch;
import io.socaas.correlation.rules.domain.DeployedCorrelation;
import io.socaas.correlation.rules.domain.RuleCatalog;
import io.socaas.correlation.rules.domain.TenantCorrelations;
import io.socaas.events.RecordHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.TimestampExtractor;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.jboss.logging.Logger;

/**
 * The correlation stage as a Kafka Streams topology:
 *
 * <pre>
 * soc.rule-matches.v1 (key tenant, event time = RuleMatch.time_ms)
 *   → fan out: one record per correlation rule of the tenant that refers to the matched rule,
 *     key (tenant, correlation rule, group-by values)
 *   → repartition by that key (internal topic &lt;application id&gt;-correlation-groups-repartition)
 *   → per group: CorrelationEngine over the changelogged store correlation-groups
 *   → soc.alerts.v1 (alerts of satisfied rules) and soc.rule-matches.v1 (satisfied rules that
 *     other correlation rules refer to: chains)
 * </pre>
 *
 * Which correlation rules run is read from the current rule catalog at each record (a tenant's
 * change on {@code soc.tenants.v1} applies without restart); the state of a rule the tenant no
 * longer runs is dropped.
 */
public final class CorrelationTopology {

    /** The state store of the groups (changelogged). */
    public static final String STORE = "correlation-groups";

    private static final Logger LOG = Logger.getLogger(CorrelationTopology.class);

    /** What the group processor sends on: a record for one of the two output topics. */
    record Out(String topic, byte[] payload) {}

    private CorrelationTopology() {}

    /**
     * @param grace how long after a window's end its late matches are still taken
     * @param punctuation how often (event time) closed windows are decided and old matches dropped
     */
    public static Topology build(
            Supplier<RuleCatalog> catalog,
            String matchesTopic,
            String alertsTopic,
            Duration grace,
            Duration punctuation,
            Clock clock) {
        Objects.requireNonNull(catalog);
        StreamsBuilder builder = new StreamsBuilder();
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(STORE), Serdes.String(), GroupStateSerde.serde()));
        Serde<Out> outSerde = Serdes.serdeFrom((topic, out) -> out.payload(), (topic, bytes) -> {
            throw new UnsupportedOperationException("output records are not read back");
        });
        builder.stream(
                        matchesTopic,
                        Consumed.with(Serdes.String(), Serdes.ByteArray())
                                .withTimestampExtractor(new MatchTime())
                                .withName("rule-matches"))
                .flatMap(
                        (key, value) -> {
                            List<KeyValue<String, byte[]>> out = new ArrayList<>();
                            RuleMatch match;
                            try {
                                match = RuleMatchRecords.fromBytes(value);
                            } catch (RuntimeException e) {
                                LOG.errorf("rule match record %s dropped: %s", key, e.getMessage());
                                return out;
                            }
                            if (!match.tenant().value().equals(key)) {
                                LOG.errorf(
                                        "rule match record dropped: key %s and tenant %s disagree",
                                        key, match.tenant());
                                return out;
                            }
                            TenantCorrelations tenant = catalog.get().correlationsFor(match.tenant());
                            for (DeployedCorrelation c : tenant.referring(match.ruleId())) {
                                CorrelationGroups.groupOf(c.rule(), match)
                                        .ifPresent(g -> out.add(KeyValue.pair(g.key(), value)));
                            }
                            return out;
                        },
                        Named.as("by-correlation-group"))
                .repartition(
                        Repartitioned.with(Serdes.String(), Serdes.ByteArray()).withName("correlation-groups"))
                .process(
                        () -> new GroupProcessor(
                                catalog, matchesTopic, alertsTopic, grace.toMillis(), punctuation, clock),
                        Named.as("correlate"),
                        STORE)
                .to(
                        (key, out, context) -> out.topic(),
                        Produced.with(Serdes.String(), outSerde).withName("alerts-and-chained-matches"));
        return builder.build();
    }

    /** Event time of a match: its {@code time_ms}, else the record's timestamp. */
    static final class MatchTime implements TimestampExtractor {
        @Override
        public long extract(ConsumerRecord<Object, Object> record, long partitionTime) {
            if (record.value() instanceof byte[] bytes) {
                try {
                    long time = RuleMatchRecords.fromBytes(bytes).timeMs();
                    if (time > 0) {
                        return time;
                    }
                } catch (RuntimeException e) {
                    // an unreadable record keeps its own timestamp; the fan-out drops it
                }
            }
            return record.timestamp() >= 0 ? record.timestamp() : partitionTime;
        }
    }

    /** Keeps each group's state and runs the correlation engine on it. */
    static final class GroupProcessor implements Processor<String, byte[], String, Out> {

        private final Supplier<RuleCatalog> catalog;
        private final String matchesTopic;
        private final String alertsTopic;
        private final long graceMs;
        private final Duration punctuation;
        private final Clock clock;
        private ProcessorContext<String, Out> context;
        private KeyValueStore<String, GroupState> store;

        GroupProcessor(
                Supplier<RuleCatalog> catalog,
                String matchesTopic,
                String alertsTopic,
                long graceMs,
                Duration punctuation,
                Clock clock) {
            this.catalog = catalog;
            this.matchesTopic = matchesTopic;
            this.alertsTopic = alertsTopic;
            this.graceMs = graceMs;
            this.punctuation = punctuation;
            this.clock = clock;
        }

        @Override
        public void init(ProcessorContext<String, Out> context) {
            this.context = context;
            this.store = context.getStateStore(STORE);
            context.schedule(punctuation, PunctuationType.STREAM_TIME, this::advance);
        }

        @Override
        public void process(Record<String, byte[]> record) {
            CorrelationGroups.Group group = CorrelationGroups.Group.ofKey(record.key());
            Optional<DeployedCorrelation> correlation = find(group);
            if (correlation.isEmpty()) {
                store.delete(record.key());
                return;
            }
            RuleMatch match = RuleMatchRecords.fromBytes(record.value());
            GroupState state = Objects.requireNonNullElse(store.get(record.key()), GroupState.EMPTY);
            long streamTime = Math.max(context.currentStreamTimeMs(), record.timestamp());
            CorrelationEngine.Outcome outcome = CorrelationEngine.onMatch(
                    correlation.get().rule(),
                    state,
                    CorrelationGroups.entryOf(correlation.get().rule(), match),
                    streamTime,
                    graceMs);
            if (outcome.late()) {
                LOG.debugf(
                        "late match of rule %s for %s dropped (event time %d, stream time %d)",
                        match.ruleId(), group.correlationId(), match.timeMs(), streamTime);
                return;
            }
            save(record.key(), outcome.state());
            emit(correlation.get(), group, outcome.firings());
        }

        /** Event time advanced: windows that closed are decided, old matches forgotten. */
        private void advance(long streamTime) {
            List<KeyValue<String, GroupState>> groups = new ArrayList<>();
            try (KeyValueIterator<String, GroupState> all = store.all()) {
                all.forEachRemaining(groups::add);
            }
            for (KeyValue<String, GroupState> entry : groups) {
                CorrelationGroups.Group group = CorrelationGroups.Group.ofKey(entry.key);
                Optional<DeployedCorrelation> correlation = find(group);
                if (correlation.isEmpty()) {
                    store.delete(entry.key);
                    continue;
                }
                CorrelationEngine.Outcome outcome =
                        CorrelationEngine.onTime(correlation.get().rule(), entry.value, streamTime, graceMs);
                if (outcome.state() != entry.value) {
                    save(entry.key, outcome.state());
                }
                emit(correlation.get(), group, outcome.firings());
            }
        }

        private Optional<DeployedCorrelation> find(CorrelationGroups.Group group) {
            return catalog.get().correlationsFor(group.tenant()).find(group.correlationId());
        }

        private void save(String key, GroupState state) {
            if (state.isEmpty()) {
                store.delete(key);
            } else {
                store.put(key, state);
            }
        }

        private void emit(
                DeployedCorrelation correlation,
                CorrelationGroups.Group group,
                List<CorrelationEngine.Firing> firings) {
            for (CorrelationEngine.Firing firing : firings) {
                if (correlation.alerts()) {
                    CorrelationAlert alert = CorrelationGroups.alert(correlation, group, firing, clock.instant());
                    LOG.infof(
                            "alert %s: correlation rule %s (%s) satisfied for tenant %s, %s",
                            alert.alertId(),
                            correlation.id(),
                            correlation.rule().title(),
                            group.tenant(),
                            group.describe());
                    byte[] payload = CorrelationAlertRecords.toProto(alert).toByteArray();
                    context.forward(new Record<>(
                            alert.recordKey(),
                            new Out(alertsTopic, payload),
                            firing.windowEnd(),
                            AlertRecords.headers(
                                    alert.alertId(),
                                    alert.detectedTime(),
                                    group.tenant().value())));
                }
                if (!catalog.get()
                        .correlationsFor(group.tenant())
                        .referring(correlation.id())
                        .isEmpty()) {
                    RuleMatch chained = CorrelationGroups.chained(group, firing);
                    Headers headers = new org.apache.kafka.common.header.internals.RecordHeaders();
                    add(headers, RecordHeaders.TENANT, group.tenant().value());
                    add(headers, RecordHeaders.TYPE, RuleMatchRecords.TYPE_RULE_MATCHED);
                    context.forward(new Record<>(
                            group.tenant().value(),
                            new Out(matchesTopic, RuleMatchRecords.toBytes(chained)),
                            firing.windowEnd(),
                            headers));
                }
            }
        }

        private static void add(Headers headers, String name, String value) {
            headers.add(name, value.getBytes(StandardCharsets.UTF_8));
        }
    }
}
