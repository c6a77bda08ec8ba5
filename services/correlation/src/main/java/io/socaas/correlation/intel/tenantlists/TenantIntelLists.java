package io.socaas.correlation.intel.tenantlists;

import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.socaas.correlation.intel.catalog.IntelCatalog;
import io.socaas.correlation.intel.domain.FeedFormat;
import io.socaas.correlation.intel.domain.FeedSource;
import io.socaas.correlation.intel.domain.IntelListsNotLoadedException;
import io.socaas.correlation.intel.domain.InvalidIndicatorException;
import io.socaas.correlation.intel.domain.ParsedFeed;
import io.socaas.correlation.intel.feeds.IndicatorDocuments;
import io.socaas.correlation.intel.feeds.IntelSettings;
import io.socaas.events.EventTimes;
import io.socaas.events.RecordHeaders;
import io.socaas.events.TenantId;
import io.socaas.proto.intel.v1.IntelList;
import io.socaas.proto.intel.v1.TenantIntel;
import io.socaas.tenantfacts.TenantFactsReader;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * The tenants' own indicator lists, kept on the compacted topic {@code soc.intel.v1} (key = tenant,
 * one record holding all of the tenant's lists): an upload is parsed here, published, and every
 * correlation instance (this one included) applies it from the topic within seconds. The topic is
 * read from its start at every start with the platform's tenant facts reader (tenant wall: key,
 * {@code tenant} header and payload agree), so the lists survive restarts without a database. Until
 * that first full read is done after a start, {@link #loaded()} is false: events wait, uploads wait
 * (at most {@code socaas.intel.lists-load-wait}, then UNAVAILABLE) and readiness is down.
 */
@Startup
@ApplicationScoped
public class TenantIntelLists {

    private static final Logger LOG = Logger.getLogger(TenantIntelLists.class);
    private static final Pattern LIST_NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    /** Problems answered to an upload; the rest are counted. */
    static final int PROBLEMS_ANSWERED = 100;

    /** What an upload stored. */
    public record Upload(int indicators, List<ParsedFeed.Problem> problems, int skipped) {}

    private final IntelSettings settings;
    private final IntelCatalog catalog;
    private final MutinyEmitter<byte[]> out;
    private final TenantFactsReader<TenantIntel> reader;
    private final Clock clock = Clock.systemUTC();
    private final CompletableFuture<Void> loaded = new CompletableFuture<>();

    @Inject
    TenantIntelLists(IntelSettings settings, IntelCatalog catalog, @Channel("intel-lists") MutinyEmitter<byte[]> out) {
        this(settings, catalog, out, reader(settings));
    }

    TenantIntelLists(
            IntelSettings settings,
            IntelCatalog catalog,
            MutinyEmitter<byte[]> out,
            TenantFactsReader<TenantIntel> reader) {
        this.settings = settings;
        this.catalog = catalog;
        this.out = out;
        this.reader = reader;
        reader.addListener((tenant, before, after) -> apply(tenant));
        // what was read before the listener was added
        reader.all().keySet().forEach(this::apply);
        reader.whenCaughtUp().thenRun(() -> {
            reader.all().keySet().forEach(this::apply);
            loaded.complete(null);
            LOG.infof(
                    "tenant lists read back from %s: %d tenants",
                    settings.topic(), reader.all().size());
        });
    }

    private static TenantFactsReader<TenantIntel> reader(IntelSettings settings) {
        var config = ConfigProvider.getConfig();
        return TenantFactsReader.start(
                new TenantFactsReader.Settings(
                        config.getValue("kafka.bootstrap.servers", String.class),
                        settings.topic(),
                        config.getOptionalValue("quarkus.application.name", String.class)
                                        .orElse("correlation")
                                + "-intel"),
                TenantIntel.parser(),
                TenantIntel::getTenantId,
                TenantIntel::getRevision);
    }

    /** Installs the tenant's lists as the reader holds them now (whichever thread calls, the newest wins). */
    private synchronized void apply(TenantId tenant) {
        Optional<TenantIntel> intel = reader.get(tenant);
        var indicators = intel.map(IntelRecords::indicators).orElse(List.of());
        catalog.replaceTenant(tenant, indicators);
        LOG.infof(
                "tenant %s: %d own indicators in %d lists",
                tenant, indicators.size(), intel.map(TenantIntel::getListsCount).orElse(0));
    }

    /**
     * True once every list published before the start has been read back and matches: until then
     * a tenant's list may be missing from matching (readiness check {@code intel} is down).
     */
    public boolean loaded() {
        return loaded.isDone();
    }

    /** Completes when {@link #loaded()} becomes true. */
    public CompletionStage<Void> whenLoaded() {
        return loaded.minimalCompletionStage();
    }

    /** The tenant's lists as last published (empty when it has none). */
    public TenantIntel lists(TenantId tenant) {
        return reader.get(tenant)
                .orElse(TenantIntel.newBuilder().setTenantId(tenant.value()).build());
    }

    /**
     * Reads a document and stores it as the tenant's list {@code listName} (an empty document
     * removes the list). Completes once Kafka has the record.
     *
     * @throws InvalidIndicatorException for a bad name, format, size, or a document with nothing readable
     */
    public Uni<Upload> upload(
            TenantId tenant, String listName, String format, byte[] content, int defaultConfidence, String uploadedBy) {
        if (!LIST_NAME.matcher(listName).matches()) {
            throw new InvalidIndicatorException("list_name must be 1-64 letters, digits, '.', '_' or '-'");
        }
        if (content.length > settings.maxUploadBytes()) {
            throw new InvalidIndicatorException("content is larger than " + settings.maxUploadBytes() + " bytes");
        }
        if (!loaded()) {
            // after a start: the tenant's other lists are not known yet, and storing now would drop them
            return Uni.createFrom()
                    .completionStage(whenLoaded())
                    .ifNoItem()
                    .after(settings.listsLoadWait())
                    .failWith(
                            () -> new IntelListsNotLoadedException("the tenants' lists are still being read back from "
                                    + settings.topic() + " after a start; retry shortly"))
                    .chain(() -> store(tenant, listName, format, content, defaultConfidence, uploadedBy));
        }
        return store(tenant, listName, format, content, defaultConfidence, uploadedBy);
    }

    private Uni<Upload> store(
            TenantId tenant, String listName, String format, byte[] content, int defaultConfidence, String uploadedBy) {
        TenantIntel held = lists(tenant);
        TenantIntel.Builder next = TenantIntel.newBuilder()
                .setTenantId(tenant.value())
                .setRevision(Math.max(clock.millis(), held.getRevision() + 1));
        held.getListsList().stream().filter(l -> !l.getName().equals(listName)).forEach(next::addLists);
        Upload result;
        if (content.length == 0) {
            result = new Upload(0, List.of(), 0);
        } else {
            FeedFormat documentFormat = FeedFormat.parse(format);
            int confidence = defaultConfidence == 0 ? 50 : defaultConfidence;
            ParsedFeed parsed = IndicatorDocuments.parse(
                    documentFormat, text(content), new FeedSource(IntelRecords.feedOf(listName), confidence));
            if (parsed.indicators().isEmpty() && !parsed.problems().isEmpty()) {
                ParsedFeed.Problem first = parsed.problems().getFirst();
                throw new InvalidIndicatorException("no indicator could be read ("
                        + parsed.problems().size() + " entries skipped); " + first.location() + ": " + first.message());
            }
            if (parsed.indicators().size() > settings.maxListIndicators()) {
                throw new InvalidIndicatorException(
                        "a list holds at most " + settings.maxListIndicators() + " indicators");
            }
            IntelList.Builder list = IntelList.newBuilder()
                    .setName(listName)
                    .setFormat(documentFormat.wireName())
                    .setUploadedBy(uploadedBy == null ? "" : uploadedBy)
                    .setUploadedTime(EventTimes.format(clock.instant()));
            parsed.indicators().forEach(i -> list.addIndicators(IntelRecords.toProto(i)));
            next.addLists(list);
            result = new Upload(
                    parsed.indicators().size(),
                    parsed.problems().stream().limit(PROBLEMS_ANSWERED).toList(),
                    parsed.problems().size());
        }
        TenantIntel value = next.build();
        var headers = new org.apache.kafka.common.header.internals.RecordHeaders();
        headers.add(RecordHeaders.TENANT, tenant.value().getBytes(StandardCharsets.UTF_8));
        Message<byte[]> message = Message.of(value.toByteArray())
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                        .withKey(tenant.value())
                        .withHeaders(headers)
                        .build());
        LOG.infof("tenant %s: list %s stored by %s, %d indicators", tenant, listName, uploadedBy, result.indicators());
        return out.sendMessage(message).replaceWith(result);
    }

    /** For the readiness check. */
    public Map<String, Object> status() {
        return reader.status();
    }

    private static String text(byte[] content) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(content))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new InvalidIndicatorException("content is not UTF-8 text");
        }
    }

    @PreDestroy
    void close() {
        reader.close();
    }
}
