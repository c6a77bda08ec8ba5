package io.socaas.correlation.multievent.streams;

import io.socaas.correlation.multievent.domain.RuleMatch;
import io.socaas.correlation.rules.domain.RuleCatalog;
import io.socaas.correlation.rules.domain.RulePacks;
import io.socaas.correlation.rules.domain.TenantProfile;
import io.socaas.correlation.rules.tenantconfig.RulePackReader;
import io.socaas.events.TenantId;
import io.socaas.proto.alerts.v1.Alert;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;

/**
 * The correlation topology under Kafka Streams' test driver (deterministic event time), with the
 * rule pack {@code corr} read from YAML files as the service reads tenant-config, and tenants that
 * enable it.
 */
final class CorrelationRig implements AutoCloseable {

    static final String MATCHES = "soc.rule-matches.v1";
    static final String ALERTS = "soc.alerts.v1";
    static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");

    private final TopologyTestDriver driver;
    private final TestInputTopic<String, byte[]> matches;
    private final TestOutputTopic<String, byte[]> alerts;
    private final AtomicReference<RuleCatalog> catalog;
    private final RulePacks packs;
    private int ingestSeq;

    private CorrelationRig(RulePacks packs, List<TenantProfile> tenants, Duration grace, Path stateDir) {
        this.packs = packs;
        this.catalog = new AtomicReference<>(packs.catalogFor(tenants));
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "correlation-rig");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        driver = new TopologyTestDriver(
                CorrelationTopology.build(
                        catalog::get,
                        MATCHES,
                        ALERTS,
                        grace,
                        Duration.ofSeconds(1),
                        Clock.fixed(Instant.parse("2026-03-02T12:00:00Z"), ZoneOffset.UTC)),
                props);
        matches = driver.createInputTopic(MATCHES, new StringSerializer(), new ByteArraySerializer());
        alerts = driver.createOutputTopic(ALERTS, new StringDeserializer(), new ByteArrayDeserializer());
    }

    /** The pack {@code corr} of the given rule files (name to YAML), enabled by the tenants. */
    static CorrelationRig of(Path dir, Map<String, String> files, String... tenants) {
        return of(dir, files, Duration.ofMinutes(1), tenants);
    }

    static CorrelationRig of(Path dir, Map<String, String> files, Duration grace, String... tenants) {
        RulePacks packs = read(dir, files);
        List<TenantProfile> profiles = new ArrayList<>();
        for (String t : tenants) {
            profiles.add(new TenantProfile(TenantId.of(t), true, List.of("corr")));
        }
        return new CorrelationRig(packs, profiles, grace, dir.resolve("state"));
    }

    static RulePacks read(Path dir, Map<String, String> files) {
        try {
            Path pack = Files.createDirectories(dir.resolve("tenant-config/rules/corr"));
            for (var file : files.entrySet()) {
                Files.writeString(pack.resolve(file.getKey()), file.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return RulePackReader.read(dir.resolve("tenant-config"));
    }

    RulePacks packs() {
        return packs;
    }

    RuleCatalog catalog() {
        return catalog.get();
    }

    /** The tenants change (as after a change on soc.tenants.v1). */
    void tenants(TenantProfile... profiles) {
        catalog.set(packs.catalogFor(List.of(profiles)));
    }

    /** A match of a rule as the single-event stage publishes it; returns its ingest id. */
    String match(String tenant, String ruleId, Instant time, Map<String, String> fields) {
        String ingestId = String.format("01JNX%021d", ++ingestSeq);
        match(new RuleMatch(TenantId.of(tenant), ruleId, time.toEpochMilli(), List.of(ingestId), fields));
        return ingestId;
    }

    void match(RuleMatch match) {
        match(match.tenant().value(), match);
    }

    /** A match published under {@code key}, which a faulty or hostile producer may set to another tenant. */
    void match(String key, RuleMatch match) {
        matches.pipeInput(new TestRecord<>(key, RuleMatchRecords.toBytes(match), Instant.ofEpochMilli(match.timeMs())));
    }

    /** The alerts published since the last call. */
    List<Alert> alerts() {
        List<Alert> result = new ArrayList<>();
        for (TestRecord<String, byte[]> record : alerts.readRecordsToList()) {
            try {
                result.add(Alert.parseFrom(record.value()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return result;
    }

    @Override
    public void close() {
        driver.close();
    }
}
