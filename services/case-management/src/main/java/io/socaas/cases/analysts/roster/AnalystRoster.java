package io.socaas.cases.analysts.roster;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import io.socaas.cases.analysts.domain.AnalystProfile;
import io.socaas.cases.analysts.json.AnalystJson;
import io.socaas.cases.analysts.persistence.AnalystRepository;
import io.socaas.cases.casefile.CaseFileConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Creates the profiles of the analysts file at start ({@code tenant-config/analysts.yaml}) for
 * analysts who have none yet: a new platform starts with its roster, and what SOC managers change
 * over REST afterwards is kept. A file that cannot be read or holds a bad profile stops the start
 * with a message naming the analyst and the field.
 */
@ApplicationScoped
public class AnalystRoster {

    private static final Logger LOG = Logger.getLogger(AnalystRoster.class);
    private static final ObjectMapper YAML =
            new ObjectMapper(new YAMLFactory()).enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** The file's shape: {@code analysts: [ {username: ..., tier: ..., ...}, ... ]}. */
    record RosterFile(List<AnalystJson> analysts) {}

    void onStart(@Observes StartupEvent start, CaseFileConfig config, AnalystRepository analysts) throws Throwable {
        if (config.analysts().file().isEmpty()) {
            return;
        }
        Path file = Path.of(config.analysts().file().get());
        if (!Files.isRegularFile(file)) {
            LOG.warnf("analysts file %s does not exist: no analyst profile is created from it", file);
            return;
        }
        List<AnalystProfile> profiles = read(file);
        Instant now = Instant.now();
        List<String> created = VertxContextSupport.subscribeAndAwait(() -> Uni.join()
                .all(profiles.stream()
                        .map(p -> analysts.putIfAbsent(p, "analysts file", now).map(made -> made ? p.username() : ""))
                        .toList())
                .usingConcurrencyOf(1)
                .andFailFast());
        LOG.infof(
                "analysts file %s: %d profiles, created %s",
                file,
                profiles.size(),
                created.stream().filter(s -> !s.isEmpty()).toList());
    }

    /** The profiles of a roster file. */
    public static List<AnalystProfile> read(Path file) throws IOException {
        RosterFile roster = YAML.readValue(file.toFile(), RosterFile.class);
        List<AnalystProfile> profiles = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (AnalystJson json : roster.analysts() == null ? List.<AnalystJson>of() : roster.analysts()) {
            if (json.username() == null) {
                throw new IllegalArgumentException(file + ": an analyst without username");
            }
            if (!seen.add(json.username())) {
                throw new IllegalArgumentException(file + ": analyst " + json.username() + " is listed twice");
            }
            try {
                profiles.add(json.toProfile(json.username()));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(file + ": analyst " + json.username() + ": " + e.getMessage(), e);
            }
        }
        return profiles;
    }
}
