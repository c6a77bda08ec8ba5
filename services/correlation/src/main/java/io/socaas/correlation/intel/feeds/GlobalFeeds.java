package io.socaas.correlation.intel.feeds;

import io.quarkus.runtime.Startup;
import io.socaas.correlation.intel.catalog.IntelCatalog;
import io.socaas.correlation.intel.domain.FeedSource;
import io.socaas.correlation.intel.domain.Indicator;
import io.socaas.correlation.intel.domain.ParsedFeed;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Reads every configured global feed at start and again every {@code refresh}, on one background
 * thread, and hands each successful read to the {@link IntelCatalog} (no restart). A feed that
 * cannot be fetched keeps its previous indicators (its {@code max-age} still runs out); entries that
 * cannot be read are logged with their place and skipped.
 */
@Startup
@ApplicationScoped
public class GlobalFeeds {

    private static final Logger LOG = Logger.getLogger(GlobalFeeds.class);
    /** Problems logged per read; the rest are counted. */
    private static final int PROBLEMS_LOGGED = 20;

    /** What the last read of a feed gave. */
    public record FeedStatus(int indicators, int skipped, Instant loaded, String error) {}

    private final IntelSettings settings;
    private final IntelCatalog catalog;
    private final FeedReader reader = new FeedReader();
    private final Clock clock = Clock.systemUTC();
    private final Map<String, FeedStatus> status = new ConcurrentHashMap<>();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "intel-feeds");
        thread.setDaemon(true);
        return thread;
    });

    GlobalFeeds(IntelSettings settings, IntelCatalog catalog) {
        this.settings = settings;
        this.catalog = catalog;
        settings.feeds().forEach((name, feed) -> {
            if (feed.enabled()) {
                scheduler.scheduleWithFixedDelay(
                        () -> load(name, feed), 0, feed.refresh().toMillis(), TimeUnit.MILLISECONDS);
            }
        });
    }

    /** The last read of each feed. */
    public Map<String, FeedStatus> status() {
        return Map.copyOf(status);
    }

    /** Reads one feed now; package-private for tests. */
    void load(String name, IntelSettings.Feed feed) {
        Instant started = clock.instant();
        try {
            ParsedFeed parsed = reader.read(
                    feed.format(), feed.location(), new FeedSource(name, feed.confidence()), authorization(feed));
            List<Indicator> indicators = feed.maxAge()
                    .map(age -> parsed.indicators().stream()
                            .map(i -> i.withMaxAge(age, started))
                            .toList())
                    .orElse(parsed.indicators());
            catalog.replaceFeed(name, indicators);
            status.put(name, new FeedStatus(indicators.size(), parsed.problems().size(), started, ""));
            LOG.infof(
                    "intel feed %s (%s, %s): %d indicators, %d entries skipped",
                    name,
                    feed.format().wireName(),
                    feed.location(),
                    indicators.size(),
                    parsed.problems().size());
            parsed.problems().stream()
                    .limit(PROBLEMS_LOGGED)
                    .forEach(p -> LOG.warnf("intel feed %s: %s skipped: %s", name, p.location(), p.message()));
        } catch (IOException | RuntimeException e) {
            FeedStatus before = status.get(name);
            status.put(
                    name,
                    new FeedStatus(
                            before == null ? 0 : before.indicators(),
                            before == null ? 0 : before.skipped(),
                            before == null ? null : before.loaded(),
                            e.toString()));
            if (before != null && e.toString().equals(before.error())) {
                // the same failure as last time: said once at WARN
                LOG.debugf("intel feed %s still cannot be read (%s)", name, e.toString());
            } else {
                LOG.warnf("intel feed %s could not be read (%s); its previous indicators stay", name, e.toString());
            }
        }
    }

    /** The feed's {@code Authorization} header: its bearer token, else basic with user name and password. */
    static Optional<String> authorization(IntelSettings.Feed feed) {
        if (feed.token().isPresent()) {
            return Optional.of("Bearer " + feed.token().get());
        }
        return feed.username()
                .map(user -> "Basic "
                        + Base64.getEncoder()
                                .encodeToString(
                                        (user + ":" + feed.password().orElse("")).getBytes(StandardCharsets.UTF_8)));
    }

    @PreDestroy
    void stop() {
        scheduler.shutdownNow();
    }

    /** The configured feed names (for tests). */
    List<String> names() {
        return List.copyOf(settings.feeds().keySet());
    }
}
